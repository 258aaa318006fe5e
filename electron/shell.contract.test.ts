import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import mammoth from 'mammoth';
import { nodeAddonPath } from './core/vault/sqliteAddon';
import { APP_ENTRY } from './security';
import { electronNativeBinding } from './nativeBinding';
import type { VaultEvent } from '../shared/events';
import { CANARY } from '../test/fixtures/canaries';
import { caseInput } from '../test/fixtures/records';
import { temporaryDirectory } from '../test/support/temporaryDirectory';
import { electronStandIn } from '../test/support/electronStandIn';
import { loadShell } from '../test/support/loadShell';
import { startDbusDaemon } from '../test/support/dbusDaemon';

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

let shell: ReturnType<typeof loadShell>;
let bus: Awaited<ReturnType<typeof startDbusDaemon>>;

beforeAll(async () => {
  if (!existsSync(BUNDLE)) throw new Error('Build the app first (npm test does): out/main/main.js is missing.');
  for (const path of Object.values(paths)) mkdirSync(path, { recursive: true });
  const addon = electronNativeBinding({ isPackaged: false, appPath: paths.appPath, resourcesPath: '', arch: process.arch });
  mkdirSync(resolve(addon, '..'), { recursive: true });
  copyFileSync(nodeAddonPath(), addon);
  // The idle-lock poll would keep the worker alive; the test drives locks itself.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  // The desktop's D-Bus, private to the test: the shell listens there for a locked screen.
  bus = await startDbusDaemon();
  process.env.DBUS_SESSION_BUS_ADDRESS = bus.address;
  process.env.DBUS_SYSTEM_BUS_ADDRESS = bus.address;
  shell = loadShell(BUNDLE, standIn);
});

const eventsSent = () => standIn.sentToWindow.filter((message) => message.channel === 'vault-event').map((message) => message.payload as VaultEvent);
const isUnlocked = async () => ((await ok('vault.status', {})) as { unlocked: boolean }).unlocked;

afterAll(() => {
  shell.unload();
  bus.stop();
  vi.useRealTimers();
  folder.remove();
});

const ok = (channel: string, request: unknown) => shell.ok(channel, request);

describe('the built shell, driven through its vault IPC handler', () => {
  it('runs the core in its own process: main starts it from the bundle and holds no database or key code', async () => {
    await vi.waitFor(() => expect(standIn.windows).toHaveLength(1));
    expect(standIn.coreProcesses.map((child) => child.modulePath)).toEqual([resolve(__dirname, '../out/main/coreProcess.js')]);
    const main = readFileSync(BUNDLE, 'utf8');
    const chunks = readdirSync(resolve(BUNDLE, '../chunks')).filter((chunk) => main.includes(chunk));
    const mainCode = [main, ...chunks.map((chunk) => readFileSync(resolve(BUNDLE, '../chunks', chunk), 'utf8'))].join('\n');
    const coreCode = readFileSync(resolve(BUNDLE, '../coreProcess.js'), 'utf8');
    for (const coreOnly of ['require("better-sqlite3-multiple-ciphers")', 'require("hash-wasm")', 'createDecipheriv', 'wal_checkpoint', 'VACUUM INTO']) {
      expect(coreCode).toContain(coreOnly);
      expect(mainCode).not.toContain(coreOnly);
    }
  });

  it('creates a vault, adds a case, backs up, locks, unlocks and exports', async () => {
    await ok('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
    await ok('cases.create', caseInput());
    await ok('backup.chooseFolder', {});
    const { name } = (await ok('backup.now', {})) as { name: string };
    expect(readdirSync(join(paths.backups, name)).sort()).toEqual(['vault.db', 'vault.destructions.json', 'vault.header.json']);
    expect(readFileSync(join(paths.backups, name, 'vault.db')).includes(Buffer.from('CANARYLABELDOSSIER'))).toBe(false);
    expect(eventsSent().filter((event) => event.type === 'progress' && event.operation === 'backup').map((event) => (event.type === 'progress' ? [event.phase, event.done] : []))).toEqual([
      ['snapshot', false],
      ['verify', false],
      ['prune', false],
      ['prune', true],
    ]);
    await ok('vault.lock', {});
    expect(eventsSent().slice(-2)).toEqual([
      { type: 'locking', reason: 'renderer', deadlineMs: 2000 },
      { type: 'locked', reason: 'renderer' },
    ]);
    await ok('vault.unlock', { passphrase: CANARY.passphrase });
    const preview = (await ok('export.preview', { period: { from: '2026-01-01', to: '2026-06-30' }, includeUnits: false })) as { file: { exportId: string } };
    const { fileName } = (await ok('export.save', { exportId: preview.file.exportId, unsealed: true })) as { fileName: string };
    expect(JSON.parse(readFileSync(join(paths.documents, fileName), 'utf8')).counts.reports).toBe(1);
  });

  it('locks through the one path from the menu (Ctrl/Cmd+L), shutdown, Windows session end, suspend and a locked screen (Electron, and D-Bus on Linux)', async () => {
    const lockItem = standIn
      .menu()
      .flatMap((entry) => entry.submenu ?? [])
      .find((item) => item.accelerator === 'CmdOrCtrl+L');
    expect(lockItem?.label).toBe('Vergrendelen');
    const triggers = [
      ['menu', () => lockItem!.click!()],
      ['shutdown', () => standIn.emit('power', 'shutdown')],
      ['sessionEnd', () => standIn.emit('window', 'session-end')],
      ['suspend', () => standIn.emit('power', 'suspend')],
      ['screenLock', () => standIn.emit('power', 'lock-screen')],
      ['screenLock', () => bus.sendSignal('/org/freedesktop/ScreenSaver', 'org.freedesktop.ScreenSaver.ActiveChanged', 'boolean:true')],
    ] as const;
    for (const [reason, trigger] of triggers) {
      await ok('vault.unlock', { passphrase: CANARY.passphrase });
      expect(await isUnlocked()).toBe(true);
      trigger();
      await vi.waitFor(async () => expect(await isUnlocked()).toBe(false));
      // Every trigger takes the one path: the window is told first, then the vault locks.
      expect(eventsSent().slice(-2)).toEqual([
        { type: 'locking', reason, deadlineMs: 2000 },
        { type: 'locked', reason },
      ]);
    }
  });

  it('asks before a window with a dirty form closes: keep as draft locks through the one path first, discard closes, stay stays', async () => {
    await ok('vault.unlock', { passphrase: CANARY.passphrase });
    const window = standIn.windows[0]!;
    const closesBefore = window.closeCalls;

    expect(standIn.preventedUnload(2)).toBe(false);
    expect(standIn.messageBoxes.at(-1)).toEqual({
      buttons: ['Bewaren als concept en sluiten', 'Niet bewaren en sluiten', 'Blijven'],
      message: 'U heeft iets ingevuld dat nog niet is opgeslagen.',
    });
    expect(await isUnlocked()).toBe(true);
    expect(window.closeCalls).toBe(closesBefore);

    expect(standIn.preventedUnload(1)).toBe(true);
    expect(await isUnlocked()).toBe(true);

    // Keep: the window hears "locking" (it saves its drafts then), the vault locks, then the window closes.
    expect(standIn.preventedUnload(0)).toBe(false);
    await vi.waitFor(() => expect(window.closeCalls).toBe(closesBefore + 1));
    expect(await isUnlocked()).toBe(false);
    expect(eventsSent().slice(-2)).toEqual([
      { type: 'locking', reason: 'windowClosing', deadlineMs: 2000 },
      { type: 'locked', reason: 'windowClosing' },
    ]);
    // The close that follows is not asked about again.
    expect(standIn.preventedUnload(2)).toBe(true);
  });

  it('locks when the core process dies, tells the window, and starts a fresh core', async () => {
    await ok('vault.unlock', { passphrase: CANARY.passphrase });
    standIn.coreProcesses.at(-1)!.handle.kill();
    await vi.waitFor(() => expect(standIn.coreProcesses).toHaveLength(2));
    expect(eventsSent().at(-1)).toEqual({ type: 'locked', reason: 'internal' });
    expect(await isUnlocked()).toBe(false);
    await ok('vault.unlock', { passphrase: CANARY.passphrase });
    expect(await ok('cases.years', {})).toHaveLength(1);
  });

  it('stops a core stuck behind a long operation once a lock is overdue (the window’s deadline plus a margin): the key dies with it, the window hears "locked"', async () => {
    expect(await isUnlocked()).toBe(true);
    const stuck = standIn.coreProcesses.at(-1)!;
    const processes = standIn.coreProcesses.length;
    const eventsBefore = eventsSent().length;
    // A stopped process stands for a core inside one long synchronous step (a VACUUM, a re-key):
    // it reads no message, so the lock waits behind it as it would behind a 5 s backup.
    process.kill(stuck.pid, 'SIGSTOP');
    try {
      const askedAt = Date.now();
      standIn.emit('power', 'suspend');
      await vi.waitFor(() => expect(stuck.kills).toBe(1), { timeout: 10_000, interval: 50 });
      expect(Date.now() - askedAt).toBeGreaterThanOrEqual(2000);
    } finally {
      // A busy process dies of the kill at once; a stopped one as soon as it runs again.
      process.kill(stuck.pid, 'SIGCONT');
    }
    await vi.waitFor(() => expect(standIn.coreProcesses).toHaveLength(processes + 1), { timeout: 10_000 });
    // Main's "locked" is the last word; the stuck core never locked by its own path (a stopped
    // process may read the queued lock in the instant before the pending kill lands, hence only "locking").
    const after = eventsSent().slice(eventsBefore);
    expect(after.at(-1)).toEqual({ type: 'locked', reason: 'internal' });
    expect(after.filter((event) => event.type !== 'locking')).toEqual([{ type: 'locked', reason: 'internal' }]);
    expect(await isUnlocked()).toBe(false);
    await ok('vault.unlock', { passphrase: CANARY.passphrase });
    expect(await ok('cases.years', {})).toHaveLength(1);
  });

  it('publishes from the print route in a window it never shows: A4 with page numbers, charts for Word, and that window may only read the document', async () => {
    const exported = readdirSync(paths.documents).find((name) => name.endsWith('.json'))!;
    await ok('team.import', { content: readFileSync(join(paths.documents, exported), 'utf8'), replace: [], acceptUnsealed: true });
    const request = { year: 2026, k: 5, grouped: true, language: 'nl', ioa: false };
    const asPrintWindow: { channel: string; code: string | undefined }[] = [];
    standIn.whilePrinting(async (window) => {
      for (const channel of ['team.document', 'vault.status', 'team.import']) {
        const result = await standIn.invoke(channel, channel === 'team.document' ? request : {}, APP_ENTRY, window);
        asPrintWindow.push({ channel, code: result.ok ? undefined : result.error?.code });
      }
    });
    const { fileName } = (await ok('team.savePublication', { ...request, format: 'pdf', acceptDifferencing: false })) as { fileName: string };
    expect(readFileSync(join(paths.documents, fileName)).subarray(0, 5).toString()).toBe('%PDF-');
    const printWindow = standIn.windows[1]!;
    expect(printWindow.options.show).toBe(false);
    expect(printWindow.loaded).toEqual([`${APP_ENTRY}#/print?year=2026&k=5&grouped=1&lang=nl&ioa=0`]);
    expect(printWindow.printed).toEqual([expect.objectContaining({ pageSize: 'A4', displayHeaderFooter: true, footerTemplate: expect.stringContaining('class="pageNumber"') })]);
    expect(printWindow.destroyed).toBe(true);
    expect(asPrintWindow).toEqual([
      { channel: 'team.document', code: undefined },
      { channel: 'vault.status', code: 'UNKNOWN_CHANNEL' },
      { channel: 'team.import', code: 'UNKNOWN_CHANNEL' },
    ]);

    const word = (await ok('team.savePublication', { ...request, format: 'docx', acceptDifferencing: false })) as { fileName: string };
    const { value: html } = await mammoth.convertToHtml({ path: join(paths.documents, word.fileName) });
    expect(html.match(/<img /g)).toHaveLength(1);
    expect(standIn.windows[2]!.destroyed).toBe(true);
  });

  it('prints an access dossier from its own print route in a window that may only read that dossier', async () => {
    const { id: caseId } = (await ok('cases.create', caseInput())) as { id: number };
    const { id: requestId } = (await ok('access.recordRequest', { caseId, requestedOn: '2026-03-02' })) as { id: number };
    const dossier = { caseId, reporter: 0, language: 'nl' };
    const { version } = (await ok('access.dossierPreview', dossier)) as { version: string };
    const asPrintWindow: { channel: string; code: string | undefined }[] = [];
    let printedText = '';
    standIn.whilePrinting(async (window) => {
      const token = new URLSearchParams(window.loaded[0]!.split('#/print?')[1]).get('dossier');
      for (const [channel, request] of [['access.printedDossier', { token }], ['access.dossierPreview', dossier], ['vault.status', {}]] as const) {
        const result = await standIn.invoke(channel, request, APP_ENTRY, window);
        if (result.ok && channel === 'access.printedDossier') printedText = JSON.stringify(result.value);
        asPrintWindow.push({ channel, code: result.ok ? undefined : result.error?.code });
      }
    });
    const { fileName } = (await ok('access.saveDossier', { ...dossier, requestId, version, leftOut: ['case.otherParty'] })) as { fileName: string };
    expect(fileName).toMatch(/^inzage-\d{4}-\d{3}\.pdf$/);
    expect(readFileSync(join(paths.documents, fileName)).subarray(0, 5).toString()).toBe('%PDF-');
    const printWindow = standIn.windows.at(-1)!;
    expect(printWindow.options.show).toBe(false);
    expect(printWindow.loaded).toEqual([expect.stringMatching(/#\/print\?dossier=[a-f0-9]{32}$/)]);
    expect(printWindow.destroyed).toBe(true);
    expect(asPrintWindow).toEqual([
      { channel: 'access.printedDossier', code: undefined },
      { channel: 'access.dossierPreview', code: 'UNKNOWN_CHANNEL' },
      { channel: 'vault.status', code: 'UNKNOWN_CHANNEL' },
    ]);
    expect(printedText).toContain('weggelaten: betreft een ander');
    expect(printedText).not.toContain('CANARYOTHERPARTY');
  });

  it('holds a quit back until the vault is locked, then quits', async () => {
    expect(await isUnlocked()).toBe(true);
    const quitsBefore = standIn.quitCalls();
    expect(standIn.quit()).toBe(true);
    await vi.waitFor(() => expect(standIn.quitCalls()).toBe(quitsBefore + 1));
    expect(eventsSent().slice(-2)).toEqual([
      { type: 'locking', reason: 'quit', deadlineMs: 2000 },
      { type: 'locked', reason: 'quit' },
    ]);
    // The second before-quit (from the shell's own app.quit) goes through.
    expect(standIn.quit()).toBe(false);
  });

  it('answers a request from anywhere but the app’s own page with a bare code', async () => {
    expect(await standIn.invoke('vault.status', {}, 'https://example.org/')).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });
});
