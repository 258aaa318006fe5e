import { screen, within } from '@testing-library/react';
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
  useSessionStore.setState({ phase: 'starting', recoveryKey: null, corrupt: false });
  await i18n.changeLanguage('nl');
});
afterEach(() => vault.remove());

describe('the first start, by keyboard', { timeout: 90_000 }, () => {
  it('starts on the function, says it is fixed once a case exists, and sums up what stops the vault being made', async () => {
    const user = userEvent.setup();
    renderApp();
    await screen.findByRole('heading', { name: 'Nieuwe kluis aanmaken' });
    const fn = screen.getByLabelText('Uw functie');
    expect(document.activeElement).toBe(fn);
    expect(screen.getByText(/De functie ligt vast zodra de eerste zaak is vastgelegd/)).toBeInTheDocument();

    await user.type(screen.getByLabelText('Wachtwoordzin'), CANARY.passphrase);
    await user.type(screen.getByLabelText('Herhaal de wachtwoordzin'), CANARY.otherPassphrase);
    await user.click(screen.getByRole('button', { name: 'Kluis aanmaken' }));
    const summary = screen.getByRole('region', { name: 'Er is een probleem' });
    expect(document.activeElement).toBe(summary);
    const links = within(summary).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(['Uw functie: Vul dit veld in.', 'Herhaal de wachtwoordzin: De twee wachtwoordzinnen zijn niet gelijk.']);
    // The mismatch is marked on the repeat, where it is fixed.
    const repeat = screen.getByLabelText('Herhaal de wachtwoordzin');
    expect(repeat).toHaveAttribute('aria-invalid', 'true');
    expect(repeat).toHaveAccessibleDescription('De twee wachtwoordzinnen zijn niet gelijk.');
    expect(screen.getByLabelText('Wachtwoordzin')).toHaveAttribute('aria-invalid', 'false');
    await user.click(links[1]!);
    expect(document.activeElement).toBe(repeat);
    await user.click(links[0]!);
    expect(document.activeElement).toBe(fn);
    expect(vault.core.vault.status().exists).toBe(false);
  });

  it('puts the focus on the heading of the recovery key and of the backup proposal', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.selectOptions(await screen.findByLabelText('Uw functie'), 'ombudsperson');
    await user.type(screen.getByLabelText('Wachtwoordzin'), CANARY.passphrase);
    await user.type(screen.getByLabelText('Herhaal de wachtwoordzin'), CANARY.passphrase);
    await user.click(screen.getByRole('button', { name: 'Kluis aanmaken' }));
    const keyHeading = await screen.findByRole('heading', { name: 'Uw herstelsleutel' }, { timeout: 20_000 });
    expect(document.activeElement).toBe(keyHeading);

    const groups = (screen.getByTestId('recovery-key').textContent ?? '').split('-');
    await user.click(screen.getByLabelText('Ik heb de herstelsleutel veilig opgeslagen'));
    await user.click(screen.getByRole('button', { name: 'Verder' }));
    for (const input of screen.getAllByLabelText(/^Groep \d+$/)) {
      const label = document.querySelector(`label[for="${input.id}"]`)?.textContent ?? '';
      await user.type(input, groups[Number(label.replace('Groep ', '')) - 1]!);
    }
    await user.click(screen.getByRole('button', { name: 'Verder naar mijn kluis' }));
    const backupHeading = await screen.findByRole('heading', { name: 'Back-ups instellen' }, { timeout: 20_000 });
    expect(document.activeElement).toBe(backupHeading);
  });
});
