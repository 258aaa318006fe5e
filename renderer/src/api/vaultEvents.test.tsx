import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../../shared/events';
import { CANARY } from '../../../test/fixtures/canaries';
import { installInProcessVault } from '../../../test/support/inProcessVault';
import { ProgressNotice } from '../components/ProgressNotice';
import { i18n } from '../i18n/i18n';
import { useProgressStore } from '../stores/progressStore';
import { resetAllStores } from '../stores/resettable';
import { useSessionStore } from '../stores/sessionStore';
import { renderApp } from '../test/renderApp';
import { saveBeforeLock } from './lockHandshake';

let vault: ReturnType<typeof installInProcessVault>;
let statusCalls = 0;

beforeEach(async () => {
  vault = installInProcessVault();
  const bridge = (globalThis as unknown as { vault: { invoke: (channel: string, request: unknown) => Promise<unknown> } }).vault;
  const invoke = bridge.invoke;
  statusCalls = 0;
  Object.defineProperty(globalThis, 'vault', {
    configurable: true,
    value: {
      ...bridge,
      invoke: (channel: string, request: unknown) => {
        if (channel === 'vault.status') statusCalls++;
        return invoke(channel, request);
      },
    },
  });
  resetAllStores();
  useSessionStore.setState({ phase: 'starting', recoveryKey: null, corrupt: false, appDamaged: false, autoBackupFailed: false });
  await i18n.changeLanguage('nl');
  const created = await vault.core.router.handle('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
  expect(created.ok).toBe(true);
});
afterEach(() => vault.remove());


describe('the window on the core’s event feed', { timeout: 15_000 }, () => {
  it('follows a lock started by the shell without polling, after its savers ran with the vault still open', async () => {
    renderApp();
    await screen.findByRole('button', { name: 'Vergrendelen' });
    const seen: boolean[] = [];
    const stop = saveBeforeLock(async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      seen.push(vault.core.vault.isUnlocked);
    });
    const callsBefore = statusCalls;
    await act(() => vault.core.requestLock('menu'));
    stop();
    expect(seen).toEqual([true]);
    expect(vault.core.vault.isUnlocked).toBe(false);
    await screen.findByRole('heading', { name: 'Kluis openen' });
    // The unlock screen reads the unlock wait once as it opens; nothing polls.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(statusCalls).toBe(callsBefore + 1);
  });

  it('locks at the deadline even when a saver never finishes', async () => {
    renderApp();
    await screen.findByRole('button', { name: 'Vergrendelen' });
    const stop = saveBeforeLock(() => new Promise<void>(() => undefined));
    const started = Date.now();
    await act(() => vault.core.requestLock('idle'));
    stop();
    expect(vault.core.vault.isUnlocked).toBe(false);
    expect(Date.now() - started).toBeLessThan(4_000);
    await screen.findByRole('heading', { name: 'Kluis openen' });
  });

  it('tells the adviser on the unlock screen when the automatic backup at lock failed', async () => {
    // A file where the backup folder should be: the backup cannot be written.
    const notAFolder = join(vault.dataDirectory, 'not-a-folder');
    writeFileSync(notAFolder, '');
    vault.core.settings.setBackupFolder(notAFolder);
    vault.core.settings.update({ autoBackupOnLock: true });
    renderApp();
    await screen.findByRole('button', { name: 'Vergrendelen' });
    await act(() => vault.core.requestLock('suspend'));
    expect(await screen.findByRole('alert')).toHaveTextContent('De automatische back-up bij het vergrendelen is niet gelukt');
  });

  it('shows the phase of a long operation as the core reports it, and clears it at the end', async () => {
    const events: ProgressEvent[] = [];
    vault.core.events.on((event) => {
      if (event.type === 'progress') events.push(event);
    });
    vault.core.settings.setBackupFolder(join(vault.dataDirectory));
    expect((await vault.core.router.handle('backup.now', {})).ok).toBe(true);
    render(
      <I18nextProvider i18n={i18n}>
        <ProgressNotice />
      </I18nextProvider>,
    );
    act(() => useProgressStore.getState().report(events[1]!));
    expect(screen.getByRole('status')).toHaveTextContent('Back-up maken: kopie controleren (stap 2 van 3)');
    act(() => useProgressStore.getState().report(events.at(-1)!));
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
  });
});
