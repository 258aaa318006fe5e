import { act, screen, within } from '@testing-library/react';
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
  useSessionStore.setState({ phase: 'starting', recoveryKey: null, corrupt: false, lockedBecause: null });
  await i18n.changeLanguage('nl');
  await vault.core.router.handle('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson', external: false });
  vault.core.settings.update({ backupProposalAnswered: true, idleLockMinutes: 7 });
  vault.core.vault.lock();
});
afterEach(() => vault.remove());

type User = ReturnType<typeof userEvent.setup>;

async function unlock(user: User) {
  await user.type(await screen.findByLabelText('Wachtwoordzin'), CANARY.passphrase);
  await user.click(screen.getByRole('button', { name: 'Openen' }));
  await screen.findByRole('button', { name: 'Vergrendelen' }, { timeout: 10_000 });
}

/** What the unlock screen says, once it is there. */
async function reasonShown(): Promise<string> {
  await screen.findByRole('heading', { name: 'Kluis openen' });
  return screen.queryByTestId('lock-reason')?.textContent ?? '';
}

describe('the unlock screen says why the vault locked', { timeout: 90_000 }, () => {
  it('names each cause, and that what was typed is kept when something was typed', async () => {
    const user = userEvent.setup();
    renderApp();
    // Opened afresh, nothing locked it while the adviser watched: nothing to explain.
    expect(await reasonShown()).toBe('');
    await unlock(user);

    await act(() => vault.core.requestLock('idle'));
    expect(await reasonShown()).toBe('De kluis is vergrendeld na 7 minuten zonder activiteit.');
    // Read with the field the caret starts in.
    expect(screen.getByLabelText('Wachtwoordzin')).toHaveAccessibleDescription('De kluis is vergrendeld na 7 minuten zonder activiteit.');

    await unlock(user);
    await user.click(within(screen.getByRole('navigation')).getByRole('button', { name: 'Signalen en activiteiten' }));
    await user.type(within(screen.getByRole('form', { name: 'Signaal toevoegen' })).getByLabelText('Eenheid'), 'Faculteit A');
    await act(() => vault.core.requestLock('suspend'));
    expect(await reasonShown()).toBe('De kluis is vergrendeld omdat de computer in de slaapstand ging.Uw getypte tekst is bewaard: na het openen staat hij weer klaar.');

    await unlock(user);
    // The kept signal came back into its form.
    expect(within(screen.getByRole('form', { name: 'Signaal toevoegen' })).getByLabelText('Eenheid')).toHaveValue('Faculteit A');
    await act(() => vault.core.requestLock('screenLock'));
    expect(await reasonShown()).toContain('De kluis is vergrendeld omdat het scherm van de computer werd vergrendeld.');

    await unlock(user);
    await user.click(screen.getByRole('button', { name: 'Weggooien' }));
    await user.click(screen.getByRole('button', { name: 'Vergrendelen' }));
    expect(await reasonShown()).toBe('U hebt de kluis vergrendeld.');

    await unlock(user);
    // The window's own idle timer asks the core as the lock button does; the window tells them apart.
    await act(() => useSessionStore.getState().lock('idle'));
    expect(await reasonShown()).toBe('De kluis is vergrendeld na 7 minuten zonder activiteit.');

    await unlock(user);
    await act(() => vault.core.requestLock('shutdown'));
    expect(await reasonShown()).toBe('De kluis is vergrendeld omdat de computer werd afgesloten of u werd afgemeld.');

    await unlock(user);
    // The core locking on its own (a fault) sends no reason of a lock request.
    act(() => vault.core.vault.lock());
    expect(await reasonShown()).toBe('De kluis is vergrendeld na een storing in de app.');
  });

  it('says it in English', async () => {
    vault.core.settings.update({ language: 'en' });
    await i18n.changeLanguage('en');
    const user = userEvent.setup();
    renderApp();
    await user.type(await screen.findByLabelText('Passphrase'), CANARY.passphrase);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await screen.findByRole('button', { name: 'Lock' }, { timeout: 10_000 });
    await act(() => vault.core.requestLock('idle'));
    await screen.findByRole('heading', { name: 'Open the vault' });
    expect(screen.getByTestId('lock-reason')).toHaveTextContent('The vault locked after 7 minutes without activity.');
  });
});
