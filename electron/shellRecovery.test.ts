import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { VaultEvent } from '../shared/events';
import { CANARY } from '../test/fixtures/canaries';
import { electronStandIn } from '../test/support/electronStandIn';
import { loadShell } from '../test/support/loadShell';
import { temporaryDirectory } from '../test/support/temporaryDirectory';
import { nodeAddonPath } from './core/vault/sqliteAddon';
import { electronNativeBinding } from './nativeBinding';
import { APP_ENTRY } from './security';

/**
 * The built shell (`out/main/main.js`) under Node with the recording stand-in for `electron`, as
 * in shell.contract.test.ts: what main does when the window's renderer dies, and when the core
 * process keeps stopping.
 */
const BUNDLE = resolve(__dirname, '../out/main/main.js');
const folder = temporaryDirectory();
const paths = { appPath: join(folder.path, 'app'), userData: join(folder.path, 'userData'), documents: join(folder.path, 'documents') };
const standIn = electronStandIn({ ...paths, chosenFolder: () => paths.documents });
let shell: ReturnType<typeof loadShell>;

beforeAll(() => {
  if (!existsSync(BUNDLE)) throw new Error('Build the app first (npm test does): out/main/main.js is missing.');
  for (const path of Object.values(paths)) mkdirSync(path, { recursive: true });
  const addon = electronNativeBinding({ isPackaged: false, appPath: paths.appPath, resourcesPath: '', arch: process.arch });
  mkdirSync(resolve(addon, '..'), { recursive: true });
  copyFileSync(nodeAddonPath(), addon);
  // The idle-lock poll would keep the worker alive; these tests drive locks themselves.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  shell = loadShell(BUNDLE, standIn);
});

afterAll(() => {
  shell.unload();
  vi.useRealTimers();
  folder.remove();
});

const eventsSent = () => standIn.sentToWindow.filter((message) => message.channel === 'vault-event').map((message) => message.payload as VaultEvent);
const status = async () => (await shell.ok('vault.status', {})) as { exists: boolean; unlocked: boolean };

describe('the shell when a process of the app dies', () => {
  it('reloads a dead renderer to the unlock screen: the vault locks first, then the page loads again', async () => {
    await vi.waitFor(() => expect(standIn.windows).toHaveLength(1));
    const window = standIn.windows[0]!;
    await shell.ok('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
    expect((await status()).unlocked).toBe(true);
    const loadsBefore = window.loaded.length;
    let lockedWhenLoaded: boolean | null = null;
    const load = window.loadURL;
    window.loadURL = async (url) => {
      lockedWhenLoaded = eventsSent().some((event) => event.type === 'locked');
      return load(url);
    };

    standIn.emit('contents', 'render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    await vi.waitFor(() => expect(window.loaded).toHaveLength(loadsBefore + 1));
    expect(window.loaded.at(-1)).toBe(APP_ENTRY);
    expect(lockedWhenLoaded).toBe(true);
    expect(await status()).toMatchObject({ exists: true, unlocked: false });
  });

  it('stops restarting a core that keeps exiting: requests answer CORE_STOPPED and the window hears it; the page loading again starts a fresh core', async () => {
    for (let exit = 1; exit <= 4; exit++) {
      const processes = standIn.coreProcesses.length;
      standIn.coreProcesses.at(-1)!.handle.kill();
      if (exit < 4) await vi.waitFor(() => expect(standIn.coreProcesses).toHaveLength(processes + 1));
    }
    await vi.waitFor(() => expect(eventsSent().at(-1)).toEqual({ type: 'coreFailed', code: 'CORE_STOPPED' }));
    expect(eventsSent().filter((event) => event.type === 'damage')).toEqual([]);
    expect(await standIn.invoke('vault.status', {}, APP_ENTRY)).toEqual({ ok: false, error: { code: 'CORE_STOPPED' } });
    const processes = standIn.coreProcesses.length;

    // An in-page move is not a new page.
    standIn.emit('contents', 'did-start-navigation', { isMainFrame: true, isSameDocument: true });
    expect(standIn.coreProcesses).toHaveLength(processes);
    // The window's restart offer reloads the page.
    standIn.emit('contents', 'did-start-navigation', { isMainFrame: true, isSameDocument: false });
    expect(standIn.coreProcesses).toHaveLength(processes + 1);
    expect(await status()).toMatchObject({ exists: true, unlocked: false });
    await shell.ok('vault.unlock', { passphrase: CANARY.passphrase });
  });
});
