import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANARY } from '../../../test/fixtures/canaries';
import { installInProcessVault } from '../../../test/support/inProcessVault';
import { i18n } from '../i18n/i18n';
import { resetAllStores } from '../stores/resettable';
import { useSessionStore } from '../stores/sessionStore';
import { renderApp } from '../test/renderApp';

let vault: ReturnType<typeof installInProcessVault>;
beforeEach(async () => {
  vault = installInProcessVault();
  resetAllStores();
  useSessionStore.setState({ phase: 'starting', recoveryKey: null, recoveryKeyReplaced: false, corrupt: false });
  await i18n.changeLanguage('nl');
});
afterEach(() => vault.remove());

describe('recovering with the recovery key', { timeout: 30_000 }, () => {
  it('shows the new recovery key as at creation, says the used one no longer works, and checks two groups before the vault', async () => {
    const created = await vault.core.router.handle('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
    const used = created.ok ? (created.value as { recoveryKey: string }).recoveryKey : '';
    await vault.core.router.handle('settings.update', { backupProposalAnswered: true });
    vault.core.vault.lock();
    const user = userEvent.setup();
    renderApp();

    await user.click(await screen.findByRole('button', { name: 'Wachtwoordzin vergeten? Gebruik uw herstelsleutel' }));
    await user.type(screen.getByLabelText('Herstelsleutel'), used);
    await user.type(screen.getByLabelText('Nieuwe wachtwoordzin'), CANARY.otherPassphrase);
    await user.type(screen.getByLabelText('Herhaal de nieuwe wachtwoordzin'), CANARY.otherPassphrase);
    await user.click(screen.getByRole('button', { name: 'Openen en wachtwoordzin vervangen' }));

    await screen.findByRole('heading', { name: 'Uw herstelsleutel' });
    expect(screen.getByText(/De herstelsleutel die u net gebruikte, en het herstelblad waar hij op staat, openen de kluis niet meer/)).toBeInTheDocument();
    const renewed = screen.getByTestId('recovery-key').textContent ?? '';
    expect(renewed).toMatch(/^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/);
    expect(renewed).not.toBe(used);
    expect(screen.getByRole('button', { name: 'Verder' })).toBeDisabled();
    await user.click(screen.getByLabelText('Ik heb de herstelsleutel veilig opgeslagen'));
    await user.click(screen.getByRole('button', { name: 'Verder' }));
    const groups = renewed.split('-');
    for (const input of screen.getAllByLabelText(/^Groep \d+$/)) {
      const label = document.querySelector(`label[for="${input.id}"]`)?.textContent ?? '';
      await user.type(input, groups[Number(label.replace('Groep ', '')) - 1]!);
    }
    await user.click(screen.getByRole('button', { name: 'Verder naar mijn kluis' }));
    // Opened with the recovery key as with the passphrase: on Today.
    await screen.findByRole('heading', { name: 'Vandaag', level: 1 });
    expect(useSessionStore.getState().recoveryKey).toBeNull();
  });
});
