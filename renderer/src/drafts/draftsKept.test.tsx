import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Draft } from '../../../shared/contract';
import { CANARY } from '../../../test/fixtures/canaries';
import { installInProcessVault } from '../../../test/support/inProcessVault';
import { i18n } from '../i18n/i18n';
import { resetAllStores } from '../stores/resettable';
import { useSessionStore } from '../stores/sessionStore';
import { renderApp } from '../test/renderApp';
import { readDraftContent } from './draftContent';
import { useDiscardUndo } from './discardUndo';
import { useDraftStore } from './draftStore';

let vault: ReturnType<typeof installInProcessVault>;
let channels: string[];
beforeEach(async () => {
  vault = installInProcessVault();
  const { invoke } = window.vault;
  channels = [];
  vi.spyOn(window.vault, 'invoke').mockImplementation((channel, request) => {
    channels.push(channel);
    return invoke(channel, request);
  });
  resetAllStores();
  useSessionStore.setState({ phase: 'starting', recoveryKey: null, corrupt: false, appDamaged: false, autoBackupFailed: false });
  await i18n.changeLanguage('nl');
  expect((await vault.core.router.handle('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' })).ok).toBe(true);
  await vault.core.router.handle('settings.update', { backupProposalAnswered: true });
});
afterEach(() => {
  vi.restoreAllMocks();
  vault.remove();
});

const drafts = () => vault.core.vault.database().prepare('SELECT key, content FROM drafts').all() as Pick<Draft, 'key' | 'content'>[];
const keptNote = () => drafts().map((draft) => (readDraftContent<{ note?: string }>(draft.content, {}).formState.note ?? ''));

async function openSignalForm(user: UserEvent) {
  await user.click(await screen.findByRole('button', { name: 'Signalen en activiteiten' }));
  return screen.findByRole('form', { name: 'Signaal toevoegen' });
}

/** The core process dies: main tells the window "locked", with no chance to save first. */
function coreDies() {
  act(() => {
    vault.core.vault.lock();
    vault.core.events.emit({ type: 'locked', reason: 'internal' });
  });
}

/** Unlocks (the key derivation takes seconds on a busy machine) and finds the form the draft brings back. */
async function unlockToSignalForm(user: UserEvent) {
  await user.type(await screen.findByLabelText('Wachtwoordzin'), CANARY.passphrase);
  await user.click(screen.getByRole('button', { name: 'Openen' }));
  return screen.findByRole('form', { name: 'Signaal toevoegen' }, { timeout: 20_000 });
}

describe('a draft kept while the adviser types', { timeout: 60_000 }, () => {
  it('is in the vault while the typing goes on, at most about a second behind', async () => {
    const user = userEvent.setup({ delay: 100 });
    renderApp();
    const note = within(await openSignalForm(user)).getByLabelText('Notitie');
    // Thirty keys over three seconds, never pausing long enough for a pause to write it.
    await user.type(note, 'abcdefghijklmnopqrstuvwxyz0123');
    const [kept] = keptNote();
    expect(kept).toBeDefined();
    expect(kept!.length).toBeGreaterThanOrEqual(15);
    expect('abcdefghijklmnopqrstuvwxyz0123'.startsWith(kept!)).toBe(true);
  });

  it('comes back after a crash of the core, caret at the end, and stays in the vault until the form is saved with it', async () => {
    const user = userEvent.setup();
    renderApp();
    const form = await openSignalForm(user);
    await user.type(within(form).getByLabelText('Eenheid'), 'Faculteit der Geneeskunde');
    await user.type(within(form).getByLabelText('Notitie'), `Half getypt ${CANARY.noteWord}`);
    await waitFor(() => expect(keptNote()).toEqual([`Half getypt ${CANARY.noteWord}`]));

    coreDies();
    let note = within(await unlockToSignalForm(user)).getByLabelText<HTMLInputElement>('Notitie');
    await waitFor(() => expect(document.activeElement).toBe(note));
    expect(note.value).toBe(`Half getypt ${CANARY.noteWord}`);
    expect([note.selectionStart, note.selectionEnd]).toEqual([note.value.length, note.value.length]);

    // Reading it back did not take it from the vault: a second crash before any typing finds it again.
    coreDies();
    note = within(await unlockToSignalForm(user)).getByLabelText<HTMLInputElement>('Notitie');
    await waitFor(() => expect(document.activeElement).toBe(note));
    await user.keyboard(' zei dat');
    await waitFor(() => expect(keptNote()).toEqual([`Half getypt ${CANARY.noteWord} zei dat`]));

    const saving = screen.getByRole('form', { name: 'Signaal toevoegen' });
    await user.selectOptions(within(saving).getByLabelText('Thema'), 'workload');
    channels.length = 0;
    await user.click(within(saving).getByRole('button', { name: 'Signaal toevoegen' }));
    await waitFor(() => expect(vault.core.vault.database().prepare('SELECT note FROM signals').pluck().all()).toEqual([`Half getypt ${CANARY.noteWord} zei dat`]));
    expect(drafts()).toEqual([]);
    // Removed with the save itself, in its transaction, not by a request after it.
    expect(channels).toContain('drafts.saveForm');
    expect(channels).not.toContain('signals.create');
    expect(channels).not.toContain('drafts.discard');
  });

  it('is thrown away without a question, with an undo for a few seconds that brings it back', async () => {
    const user = userEvent.setup();
    renderApp();
    const form = await openSignalForm(user);
    await user.type(within(form).getByLabelText('Notitie'), CANARY.noteWord);
    await waitFor(() => expect(keptNote()).toEqual([CANARY.noteWord]));
    coreDies();
    const back = await unlockToSignalForm(user);
    await user.click(within(back).getByRole('button', { name: 'Weggooien' }));

    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(within(back).getByLabelText('Notitie')).toHaveValue('');
    const undo = within(back).getByRole('button', { name: 'Ongedaan maken' });
    expect(within(back).getByRole('status')).toHaveTextContent('Concept verwijderd.');
    await waitFor(() => expect(document.activeElement).toBe(undo));
    await waitFor(() => expect(drafts()).toEqual([]));

    await user.click(undo);
    expect(within(back).getByLabelText('Notitie')).toHaveValue(CANARY.noteWord);
    await waitFor(() => expect(keptNote()).toEqual([CANARY.noteWord]));
    expect(within(back).getByRole('button', { name: 'Weggooien' })).toBeInTheDocument();
  });

  it('offers the undo for ten seconds only', async () => {
    const user = userEvent.setup();
    renderApp();
    const form = await openSignalForm(user);
    await user.type(within(form).getByLabelText('Notitie'), CANARY.noteWord);
    await waitFor(() => expect(keptNote()).toEqual([CANARY.noteWord]));
    coreDies();
    const back = await unlockToSignalForm(user);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      act(() => within(back).getByRole('button', { name: 'Weggooien' }).click());
      act(() => {
        vi.advanceTimersByTime(9_900);
      });
      expect(within(back).getByRole('button', { name: 'Ongedaan maken' })).toBeInTheDocument();
      act(() => {
        vi.advanceTimersByTime(200);
      });
      expect(within(back).queryByRole('button', { name: 'Ongedaan maken' })).toBeNull();
      expect(useDiscardUndo.getState().offer).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('is left in the vault, and out of the window, at a lock', async () => {
    const user = userEvent.setup();
    renderApp();
    const form = await openSignalForm(user);
    await user.type(within(form).getByLabelText('Notitie'), CANARY.noteWord);
    await user.click(screen.getByRole('button', { name: 'Vergrendelen' }));
    await screen.findByRole('heading', { name: 'Kluis openen' });
    expect(useDraftStore.getState()).toEqual({ waiting: {}, caretFor: null });
    expect(document.body.textContent).not.toContain(CANARY.noteWord);
    await vault.core.router.handle('vault.unlock', { passphrase: CANARY.passphrase });
    expect(keptNote()).toEqual([CANARY.noteWord]);
  });
});
