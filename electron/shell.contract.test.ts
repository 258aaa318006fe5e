import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { nodeAddonPath } from './core/vault/sqliteAddon';
import { electronNativeBinding } from './nativeBinding';
import { APP_ENTRY } from './security';
import { CANARY } from '../test/fixtures/canaries';
import { caseInput } from '../test/fixtures/records';
import { temporaryDirectory } from '../test/support/temporaryDirectory';
import { electronStandIn } from '../test/support/electronStandIn';

/**
 * The shell as it ships: the built `out/main/main.js`, loaded under Node with a recording
 * stand-in for `electron`, driven through the same `vault` IPC handler the window uses. Node
 * cannot load an Electron-ABI addon, so the Node build is put where the shell looks for the
 * Electron one; better-sqlite3's default addon location is unloadable in the tests, as in the
 * packaged app, so any open that forgets the shell's addon path fails here.
 */
const BUNDLE = resolve(__dirname, '../out/main/main.js');
const folder = temporaryDirectory();
const paths = {
  appPath: join(folder.path, 'app'),
  userData: join(folder.path, 'userData'),
  documents: join(folder.path, 'documents'),
  backups: join(folder.path, 'backups'),
};
const standIn = electronStandIn({ ...paths, chosenFolder: () => paths.backups });

type ModuleLoader = { _load: (request: string, ...rest: unknown[]) => unknown };
const loader = Module as unknown as ModuleLoader;
const load = loader._load;

beforeAll(() => {
  if (!existsSync(BUNDLE)) throw new Error('Build the app first (npm test does): out/main/main.js is missing.');
  for (const path of Object.values(paths)) mkdirSync(path, { recursive: true });
  const addon = electronNativeBinding({ isPackaged: false, appPath: paths.appPath, resourcesPath: '', arch: process.arch });
  mkdirSync(resolve(addon, '..'), { recursive: true });
  copyFileSync(nodeAddonPath(), addon);
  // The idle-lock poll would keep the worker alive; the test drives locks itself.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  loader._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? standIn.electron : load.call(this, request, ...rest);
  };
  createRequire(__filename)(BUNDLE);
});

afterAll(() => {
  standIn.closeAllWindows();
  loader._load = load;
  vi.useRealTimers();
  folder.remove();
});

const ok = async (channel: string, request: unknown) => {
  const result = await standIn.invoke(channel, request, APP_ENTRY);
  if (!result.ok) throw new Error(`${channel} failed with ${result.error?.code}`);
  return result.value;
};

describe('the built shell, driven through its vault IPC handler', () => {
  it('creates a vault, adds a case, backs up, locks, unlocks and exports', async () => {
    await vi.waitFor(() => expect(standIn.windows).toHaveLength(1));
    await ok('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
    await ok('cases.create', caseInput());
    await ok('backup.chooseFolder', {});
    const { name } = (await ok('backup.now', {})) as { name: string };
    expect(readdirSync(join(paths.backups, name)).sort()).toEqual(['vault.db', 'vault.header.json']);
    expect(readFileSync(join(paths.backups, name, 'vault.db')).includes(Buffer.from('CANARYLABELDOSSIER'))).toBe(false);
    await ok('vault.lock', {});
    await ok('vault.unlock', { passphrase: CANARY.passphrase });
    const preview = (await ok('export.preview', { period: { from: '2026-01-01', to: '2026-12-31' }, includeUnits: false })) as { file: { exportId: string } };
    const { fileName } = (await ok('export.save', { exportId: preview.file.exportId })) as { fileName: string };
    expect(JSON.parse(readFileSync(join(paths.documents, fileName), 'utf8')).counts.reports).toBe(1);
  });

  it('locks from the menu (Ctrl/Cmd+L), on shutdown and when Windows ends the session', async () => {
    const lockItem = standIn
      .menu()
      .flatMap((entry) => entry.submenu ?? [])
      .find((item) => item.accelerator === 'CmdOrCtrl+L');
    expect(lockItem?.label).toBe('Vergrendelen');
    for (const trigger of [() => lockItem!.click!(), () => standIn.emit('power', 'shutdown'), () => standIn.emit('window', 'session-end')]) {
      await ok('vault.unlock', { passphrase: CANARY.passphrase });
      expect(((await ok('vault.status', {})) as { unlocked: boolean }).unlocked).toBe(true);
      trigger();
      expect(((await ok('vault.status', {})) as { unlocked: boolean }).unlocked).toBe(false);
    }
  });

  it('answers a request from anywhere but the app’s own page with a bare code', async () => {
    expect(await standIn.invoke('vault.status', {}, 'https://example.org/')).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });
});
