import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANARY } from '../../../test/fixtures/canaries';
import { installInProcessVault } from '../../../test/support/inProcessVault';
import { i18n } from '../i18n/i18n';
import { resetAllStores } from '../stores/resettable';
import { useSessionStore } from '../stores/sessionStore';
import { renderApp } from '../test/renderApp';
import { useCoreFailure } from './coreFailure';

let vault: ReturnType<typeof installInProcessVault>;
beforeEach(async () => {
  vault = installInProcessVault();
  resetAllStores();
  useCoreFailure.setState({ code: null });
  useSessionStore.setState({ phase: 'starting', recoveryKey: null, corrupt: false, appDamaged: false, autoBackupFailed: false });
  await i18n.changeLanguage('nl');
  expect((await vault.core.router.handle('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' })).ok).toBe(true);
  await vault.core.router.handle('settings.update', { backupProposalAnswered: true });
});
afterEach(() => vault.remove());

/**
 * What main sends when it gives up on the core process; the in-process core stands in for it here.
 * A restart drops the key without the window's save before a lock: the vault locks as a killed core does.
 */
function mainRestartsTheCore(code: 'CORE_TIMEOUT' | 'CORE_STOPPED') {
  act(() => {
    vault.core.events.emit({ type: 'coreFailed', code });
    vault.core.vault.lock();
  });
}

describe('the window when main restarts the core or stops restarting it', { timeout: 15_000 }, () => {
  it('after a request past its deadline: says so in words, and the next unlock brings back what was typed', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(await screen.findByRole('button', { name: 'Signalen en activiteiten' }));
    const form = await screen.findByRole('form', { name: 'Signaal toevoegen' });
    await user.type(within(form).getByLabelText('Notitie'), CANARY.noteWord);

    mainRestartsTheCore('CORE_TIMEOUT');
    await screen.findByRole('heading', { name: 'Kluis openen' });
    expect(screen.getByRole('alert')).toHaveAttribute('data-code', 'CORE_TIMEOUT');
    expect(screen.getByRole('alert')).toHaveTextContent('De kluis is vergrendeld en ongewijzigd, en wat u typte is bewaard; ontgrendel om verder te gaan.');
    expect(screen.queryByText(CANARY.noteWord)).toBeNull();
    // A second restart before the unlock (the unlock itself ran late) keeps what the first one kept.
    act(() => vault.core.events.emit({ type: 'coreFailed', code: 'CORE_TIMEOUT' }));

    await user.type(screen.getByLabelText('Wachtwoordzin'), CANARY.passphrase);
    await user.click(screen.getByRole('button', { name: 'Openen' }));
    const back = await screen.findByRole('form', { name: 'Signaal toevoegen' });
    expect(within(back).getByLabelText('Notitie')).toHaveValue(CANARY.noteWord);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('after the core kept stopping: its own message, not "reinstall", and an offer to start Confidant again', async () => {
    renderApp();
    await screen.findByRole('button', { name: 'Signalen en activiteiten' });
    mainRestartsTheCore('CORE_STOPPED');
    await screen.findByRole('heading', { name: 'Kluis openen' });
    expect(screen.getByRole('alert')).toHaveAttribute('data-code', 'CORE_STOPPED');
    expect(screen.getByRole('alert')).not.toHaveTextContent('Installeer');
    expect(screen.getByRole('button', { name: 'Confidant opnieuw starten' })).toBeInTheDocument();
  });
});
