import { existsSync, readdirSync, readFileSync, renameSync, copyFileSync, writeFileSync, truncateSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANARY } from '../../../test/fixtures/canaries';
import { caseInput, conversationInput } from '../../../test/fixtures/records';
import { decryptDatabase, decryptWal } from '../../../test/support/sqlcipherPages';
import { callCore } from '../../../test/support/callCore';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import { testShell } from '../../../test/support/testShell';
import { createCore, type Core } from '../core';
import { createLogger } from '../log';

let dir: ReturnType<typeof temporaryDirectory>;
let core: Core;
let dialogs: ReturnType<typeof testShell>;
let now: Date;
const NEW_PASSPHRASE = 'CANARY-nieuw-Grutto-Boterbloem-5512';

function start() {
  dialogs = testShell(dir.path);
  core = createCore({ dataDirectory: join(dir.path, 'data'), clock: () => now, log: createLogger(() => undefined), shell: dialogs.shell });
}
beforeEach(async () => {
  dir = temporaryDirectory();
  now = new Date(2026, 10, 23, 12, 0);
  start();
  await ok('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
});
afterEach(() => {
  core.vault.lock();
  dir.remove();
});

const { ok, codeOf } = callCore(() => core);
const vaultDir = () => join(dir.path, 'data', 'vault');
const caseCount = () => core.vault.database().prepare('SELECT count(*) FROM cases').pluck().get();
/** Every file under a folder, at any depth. */
function walk(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(folder, entry.name)) : [join(folder, entry.name)]));
}
const dataKeyCopy = () => core.vault.withKeyMaterial((_db, key) => Buffer.from(key));

describe('keys', () => {
  it('changes the passphrase without touching the database', async () => {
    await ok('cases.create', caseInput());
    core.vault.database().pragma('wal_checkpoint(TRUNCATE)');
    const before = readFileSync(join(vaultDir(), 'vault.db'));
    expect(await codeOf('vault.changePassphrase', { current: CANARY.otherPassphrase, next: NEW_PASSPHRASE })).toBe('WRONG_PASSPHRASE');
    await ok('vault.changePassphrase', { current: CANARY.passphrase, next: NEW_PASSPHRASE });
    expect(readFileSync(join(vaultDir(), 'vault.db')).equals(before)).toBe(true);
    core.vault.lock();
    expect(await codeOf('vault.unlock', { passphrase: CANARY.passphrase })).toBe('WRONG_PASSPHRASE');
    await ok('vault.unlock', { passphrase: NEW_PASSPHRASE });
    expect(caseCount()).toBe(1);
  });

  it('issues a new recovery key on demand, and the old one stops working', async () => {
    const first = (await ok<{ recoveryKey: string }>('vault.newRecoveryKey', { passphrase: CANARY.passphrase })).recoveryKey;
    const second = (await ok<{ recoveryKey: string }>('vault.newRecoveryKey', { passphrase: CANARY.passphrase })).recoveryKey;
    core.vault.lock();
    expect(await codeOf('vault.recover', { recoveryKey: first, newPassphrase: NEW_PASSPHRASE })).toBe('WRONG_RECOVERY_KEY');
    await ok('vault.recover', { recoveryKey: second, newPassphrase: NEW_PASSPHRASE });
  });

  it('rotates the data key: the file is re-encrypted, the old key no longer opens it, nothing is lost', async () => {
    const { id } = await ok<{ id: number }>('cases.create', caseInput());
    await ok('conversations.add', { caseId: id, conversation: conversationInput() });
    const oldKey = dataKeyCopy();
    const { recoveryKey } = await ok<{ recoveryKey: string }>('vault.rotateKey', { passphrase: CANARY.passphrase });
    const newKey = dataKeyCopy();
    expect(newKey.equals(oldKey)).toBe(false);
    core.vault.lock();
    const raw = readFileSync(join(vaultDir(), 'vault.db'));
    expect(decryptDatabase(raw, newKey).includes('CREATE TABLE')).toBe(true);
    expect(decryptDatabase(raw, oldKey).includes('CREATE TABLE')).toBe(false);
    expect(existsSync(join(vaultDir(), 'vault.header.next.json'))).toBe(false);
    await ok('vault.unlock', { passphrase: CANARY.passphrase });
    expect((await ok<{ conversations: unknown[] }>('cases.get', { id })).conversations).toHaveLength(1);
    core.vault.lock();
    await ok('vault.recover', { recoveryKey, newPassphrase: NEW_PASSPHRASE });
  });

  it('opens after a rotation interrupted between re-encrypting and replacing the header', async () => {
    await ok('cases.create', caseInput());
    const oldHeader = readFileSync(join(vaultDir(), 'vault.header.json'));
    await ok('vault.rotateKey', { passphrase: CANARY.passphrase });
    core.vault.lock();
    renameSync(join(vaultDir(), 'vault.header.json'), join(vaultDir(), 'vault.header.next.json'));
    writeFileSync(join(vaultDir(), 'vault.header.json'), oldHeader);
    await ok('vault.unlock', { passphrase: CANARY.passphrase });
    expect(caseCount()).toBe(1);
    expect(existsSync(join(vaultDir(), 'vault.header.next.json'))).toBe(false);
  });
});

describe('brute force', () => {
  it('delays after repeated failures, survives a restart, and resets on success', async () => {
    core.vault.lock();
    for (let i = 0; i < 3; i++) expect(await codeOf('vault.unlock', { passphrase: CANARY.otherPassphrase })).toBe('WRONG_PASSPHRASE');
    const status = await ok<{ unlockDelaySeconds: number }>('vault.status', {});
    expect(status.unlockDelaySeconds).toBe(2);
    expect(await codeOf('vault.unlock', { passphrase: CANARY.passphrase })).toBe('TOO_MANY_ATTEMPTS');

    start();
    expect(await codeOf('vault.unlock', { passphrase: CANARY.passphrase })).toBe('TOO_MANY_ATTEMPTS');
    now = new Date(now.getTime() + 3_000);
    expect(await codeOf('vault.unlock', { passphrase: CANARY.otherPassphrase })).toBe('WRONG_PASSPHRASE');
    expect((await ok<{ unlockDelaySeconds: number }>('vault.status', {})).unlockDelaySeconds).toBe(4);
    now = new Date(now.getTime() + 5_000);
    await ok('vault.unlock', { passphrase: CANARY.passphrase });
    expect((await ok<{ unlockDelaySeconds: number }>('vault.status', {})).unlockDelaySeconds).toBe(0);
  });
});

describe('a clock that was wrong', () => {
  it('never makes the adviser wait longer than five minutes after the clock is corrected, and the recovery key has its own count', async () => {
    core.vault.lock();
    const real = now;
    now = new Date(real.getTime() + 4 * 365 * 24 * 3600 * 1000);
    for (let i = 0; i < 4; i++) await codeOf('vault.unlock', { passphrase: CANARY.otherPassphrase }).then((code) => expect(['WRONG_PASSPHRASE', 'TOO_MANY_ATTEMPTS']).toContain(code));
    now = real;
    const wait = (await ok<{ unlockDelaySeconds: number }>('vault.status', {})).unlockDelaySeconds;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(300);
    // The recovery key is not held back by the passphrase's count.
    expect(await codeOf('vault.recover', { recoveryKey: 'AAAA-BBBB', newPassphrase: NEW_PASSPHRASE })).toBe('WRONG_RECOVERY_KEY');
    now = new Date(real.getTime() + wait * 1000);
    await ok('vault.unlock', { passphrase: CANARY.passphrase });
  });

  it('ends the wait a damaged count file starts, instead of renewing it at every look', async () => {
    core.vault.lock();
    writeFileSync(join(vaultDir(), 'unlock-attempts.json'), '{"failures":');
    expect(await codeOf('vault.unlock', { passphrase: CANARY.passphrase })).toBe('TOO_MANY_ATTEMPTS');
    now = new Date(now.getTime() + 301_000);
    await ok('vault.unlock', { passphrase: CANARY.passphrase });
  });
});

describe('backups', () => {
  it.skipIf(process.platform === 'win32')('writes every file, backups and exports included, readable by the adviser’s account only', async () => {
    const folder = join(dir.path, 'backups');
    mkdirSync(folder, { mode: 0o755 });
    dialogs.nextFolder(folder);
    await ok('backup.chooseFolder', {});
    await ok('cases.create', caseInput());
    await ok('backup.now', {});
    const preview = await ok<{ file: { exportId: string } }>('export.preview', { period: { from: '2026-01-01', to: '2026-06-30' }, includeUnits: false });
    await ok('export.save', { exportId: preview.file.exportId, unsealed: true });
    const files = [...walk(join(dir.path, 'data')), ...walk(folder), ...dialogs.saved];
    expect(files.some((file) => file.endsWith('vault.db'))).toBe(true);
    expect(files.some((file) => file.endsWith('vault.db-wal'))).toBe(true);
    for (const file of files) expect(statSync(file).mode & 0o077, file).toBe(0);
    await ok('vault.lock', {});
  });

  it('needs a folder the adviser picked, and writes encrypted, verified copies, keeping the last N', async () => {
    expect(await codeOf('backup.now', {})).toBe('NO_BACKUP_FOLDER');
    expect(await codeOf('backup.chooseFolder', {})).toBe('CANCELLED');
    const folder = join(dir.path, 'backups');
    mkdirSync(folder);
    dialogs.nextFolder(folder);
    expect((await ok<{ backupFolder: string }>('backup.chooseFolder', {})).backupFolder).toBe(folder);
    await ok('settings.update', { keepBackups: 2 });
    await ok('cases.create', caseInput({ label: CANARY.noteWord }));
    for (let i = 0; i < 3; i++) {
      now = new Date(now.getTime() + 60_000);
      await ok('backup.now', {});
    }
    const backups = readdirSync(folder).sort();
    expect(backups).toHaveLength(2);
    const copy = readFileSync(join(folder, backups[1]!, 'vault.db'));
    expect(copy.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(copy.includes(CANARY.noteWord)).toBe(false);
    expect(decryptDatabase(copy, dataKeyCopy()).includes(CANARY.noteWord)).toBe(true);
  });

  it('backs up automatically at a lock without making the lock wait, and counts the copy only once the next unlock verified it', async () => {
    const folder = join(dir.path, 'auto');
    mkdirSync(folder);
    dialogs.nextFolder(folder);
    await ok('backup.chooseFolder', {});
    await ok('settings.update', { autoBackupOnLock: true });
    await ok('cases.create', caseInput({ label: CANARY.noteWord }));
    const key = dataKeyCopy();
    const heard: string[] = [];
    core.events.on((event) => heard.push(event.type));
    const copied = async () => {
      // The copy starts once the lock has been answered; an unlock would wait for it.
      await new Promise((resolve) => setImmediate(resolve));
      await core.vault.whileLocked(() => undefined);
    };

    await ok('vault.lock', {});
    expect(readdirSync(folder)).toEqual([]);
    await copied();
    const [copy] = readdirSync(folder);
    expect(copy).toMatch(/^\.confidant-backup-unverified-\d{8}-\d{6}$/);
    expect(decryptDatabase(readFileSync(join(folder, copy!, 'vault.db')), key).includes(CANARY.noteWord)).toBe(true);
    expect(await ok('backup.status', {})).toEqual({ lastVerifiedAt: null });

    await ok('vault.unlock', { passphrase: CANARY.passphrase });
    expect(readdirSync(folder)).toEqual([`confidant-backup-${copy!.slice('.confidant-backup-unverified-'.length)}`]);
    expect(await ok('backup.status', {})).toEqual({ lastVerifiedAt: new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString() });
    expect(heard).not.toContain('autoBackupFailed');

    // A copy that does not verify is removed at the unlock, which says so; the verified backup stays the last.
    now = new Date(now.getTime() + 60_000);
    await ok('vault.lock', {});
    await copied();
    const damaged = readdirSync(folder).find((name) => name.startsWith('.confidant-backup-unverified-'))!;
    const bytes = readFileSync(join(folder, damaged, 'vault.db'));
    bytes.fill(0x5a, 4096, 4096 * 2);
    writeFileSync(join(folder, damaged, 'vault.db'), bytes);
    await ok('vault.unlock', { passphrase: CANARY.passphrase });
    expect(heard).toContain('autoBackupFailed');
    expect(readdirSync(folder)).toEqual([`confidant-backup-${copy!.slice('.confidant-backup-unverified-'.length)}`]);
  });

  it('restores a backup with its passphrase, and keeps the current vault when that fails', async () => {
    const folder = join(dir.path, 'backups');
    mkdirSync(folder);
    dialogs.nextFolder(folder);
    await ok('backup.chooseFolder', {});
    await ok('cases.create', caseInput());
    const { name } = await ok<{ name: string }>('backup.now', {});
    await ok('cases.create', caseInput());
    await ok('vault.changePassphrase', { current: CANARY.passphrase, next: NEW_PASSPHRASE });
    core.vault.database().pragma('wal_checkpoint(TRUNCATE)');
    const current = readFileSync(join(vaultDir(), 'vault.db'));

    dialogs.nextFolder(join(folder, name));
    expect(await codeOf('backup.restore', { passphrase: NEW_PASSPHRASE })).toBe('WRONG_PASSPHRASE');
    expect(readFileSync(join(vaultDir(), 'vault.db')).equals(current)).toBe(true);
    dialogs.nextFolder(dir.path);
    expect(await codeOf('backup.restore', { passphrase: CANARY.passphrase })).toBe('NOT_A_BACKUP');
    expect(await codeOf('backup.restore', { passphrase: CANARY.passphrase })).toBe('CANCELLED');

    now = new Date(now.getTime() + 600_000);
    dialogs.nextFolder(join(folder, name));
    await ok('backup.restore', { passphrase: CANARY.passphrase });
    expect(caseCount()).toBe(1);
    // The vault it replaced is kept as a dated backup, and restores in turn with its own passphrase.
    const replaced = readdirSync(folder).filter((entry) => entry.endsWith('-replaced'));
    expect(replaced).toHaveLength(1);
    expect(readdirSync(join(dir.path, 'data')).filter((entry) => entry.startsWith('vault.replaced'))).toEqual([]);
    dialogs.nextFolder(join(folder, replaced[0]!));
    await ok('backup.restore', { passphrase: NEW_PASSPHRASE });
    expect(caseCount()).toBe(2);
  });
});

describe('restoring a backup', () => {
  async function backupWithOneCase() {
    const folder = join(dir.path, 'backups');
    mkdirSync(folder);
    dialogs.nextFolder(folder);
    await ok('backup.chooseFolder', {});
    await ok('cases.create', caseInput());
    const { name } = await ok<{ name: string }>('backup.now', {});
    await ok('cases.create', caseInput());
    return join(folder, name);
  }
  // The failed attempt itself is counted (unlock-attempts.json); no vault or backup file moves.
  const listing = () => [...walk(join(dir.path, 'data')), ...walk(join(dir.path, 'backups'))].filter((path) => !path.endsWith('unlock-attempts.json')).sort();

  it('with a wrong passphrase is refused before anything moves: the vault stays open and unchanged', async () => {
    const backup = await backupWithOneCase();
    const events: string[] = [];
    core.events.on((event) => events.push(event.type));
    const before = listing();
    dialogs.nextFolder(backup);
    expect(await codeOf('backup.restore', { passphrase: CANARY.otherPassphrase })).toBe('WRONG_PASSPHRASE');
    expect(core.vault.isUnlocked).toBe(true);
    expect(caseCount()).toBe(2);
    expect(listing()).toEqual(before);
    expect(events).not.toContain('locked');
  });

  it('with the right passphrase says when the backup was made and how many cases it holds, and keeps the vault’s function', async () => {
    const backup = await backupWithOneCase();
    const events: string[] = [];
    core.events.on((event) => events.push(event.type));
    now = new Date(now.getTime() + 3_600_000);
    dialogs.nextFolder(backup);
    expect(await ok('backup.restore', { passphrase: CANARY.passphrase })).toEqual({ reapplied: 0, madeAt: new Date(2026, 10, 23, 12, 0).toISOString(), cases: 1 });
    expect(caseCount()).toBe(1);
    // The window is not sent to the lock screen: the vault is open before and after.
    expect(events).not.toContain('locked');
    expect((await ok<{ function: string }>('profile.get', {})).function).toBe('ombudsperson');
    const { rows } = await ok<{ rows: { id: number }[] }>('cases.list', { filter: { status: null, year: null, nature: null, intakeRoute: null, openWithoutResponse: false, search: '' }, sort: 'number_asc', offset: 0, limit: 10 });
    // Past the function check (NOT_FOR_THIS_FUNCTION otherwise): there is simply no mediation to delete.
    expect(await codeOf('mediation.delete', { caseId: rows[0]!.id })).toBe('NOT_FOUND');
  });
});

describe('retention', () => {
  it('leaves no edited or deleted note’s words in any page of the file or its WAL after lock', async () => {
    const words = { edited: 'CANARYEDITEDOLDWORD', deleted: 'CANARYDELETEDNOTEWORD', caseGone: 'CANARYCASEGONEWORD', kept: 'CANARYKEPTWORD' };
    const kept = await ok<{ id: number }>('cases.create', caseInput());
    const edited = await ok<{ id: number }>('conversations.add', { caseId: kept.id, conversation: conversationInput({ notes: `eerst ${words.edited}` }) });
    await ok('conversations.update', { id: edited.id, conversation: conversationInput({ notes: `daarna ${words.kept}` }) });
    const deleted = await ok<{ id: number }>('conversations.add', { caseId: kept.id, conversation: conversationInput({ notes: `weg ${words.deleted}` }) });
    await ok('conversations.delete', { id: deleted.id });
    const gone = await ok<{ id: number }>('cases.create', caseInput());
    await ok('conversations.add', { caseId: gone.id, conversation: conversationInput({ notes: `zaak ${words.caseGone}` }) });
    await ok('cases.delete', { id: gone.id });
    const key = dataKeyCopy();
    await ok('vault.lock', {});
    const wal = join(vaultDir(), 'vault.db-wal');
    // The lock empties the WAL into the file; what is left must not hold the old words either.
    expect(existsSync(wal) ? readFileSync(wal).length : 0).toBe(0);
    const pages = decryptDatabase(readFileSync(join(vaultDir(), 'vault.db')), key);
    // The search index keeps words lower-cased, and each term after the prefix it shares with the
    // one before it ("canary"): the part after that prefix is what must be gone.
    const indexed = (word: string) => word.toLowerCase().slice('canary'.length);
    expect(pages.includes(words.kept)).toBe(true);
    expect(pages.includes(indexed(words.kept))).toBe(true);
    for (const word of [words.edited, words.deleted, words.caseGone]) {
      expect(pages.includes(word), word).toBe(false);
      expect(pages.includes(indexed(word)), `${word} in the search index`).toBe(false);
    }
  });

  it('lists cases past retention and destroys them beyond recovery, from the file and its WAL', async () => {
    const old = await ok<{ id: number }>('cases.create', caseInput({ firstContactAt: '2024-03-01T10:00', firstResponseAt: '2024-03-01T12:00', status: 'closed', closedOn: '2024-05-01', outcome: 'resolved' }));
    await ok('conversations.add', { caseId: old.id, conversation: conversationInput({ notes: `vertrouwelijk ${CANARY.noteWord}` }) });
    await ok('cases.create', caseInput({ status: 'closed', closedOn: '2026-06-01', outcome: 'resolved' }));
    const marked = await ok<{ id: number }>('cases.create', caseInput({ destroyBy: '2026-11-01' }));
    await ok('cases.create', caseInput());
    await ok('settings.update', { retentionYears: 1 });
    const due = await ok<{ id: number }[]>('retention.due', {});
    expect(due.map((item) => item.id)).toEqual([old.id, marked.id]);

    const key = dataKeyCopy();
    const plaintext = () => {
      const wal = join(vaultDir(), 'vault.db-wal');
      return Buffer.concat([decryptDatabase(readFileSync(join(vaultDir(), 'vault.db')), key), existsSync(wal) ? decryptWal(readFileSync(wal), key) : Buffer.alloc(0)]);
    };
    expect(plaintext().includes(CANARY.noteWord)).toBe(true);

    // A case that is not due is refused, and then nothing at all is destroyed.
    const notDue = (await ok<{ id: number }>('cases.create', caseInput())).id;
    expect(await codeOf('retention.destroy', { ids: [...due.map((item) => item.id), notDue] })).toBe('NOT_DUE');
    expect(plaintext().includes(CANARY.noteWord)).toBe(true);
    await ok('cases.delete', { id: notDue });
    expect(await ok('retention.destroy', { ids: due.map((item) => item.id) })).toEqual({ destroyed: 2 });
    expect(plaintext().includes(CANARY.noteWord)).toBe(false);
    expect(caseCount()).toBe(2);
    expect((await ok<{ total: number }>('cases.list', { filter: { status: null, year: null, nature: null, intakeRoute: null, openWithoutResponse: false, search: CANARY.noteWord }, sort: 'number_asc', offset: 0, limit: 10 })).total).toBe(0);
  });
});

describe('a destruction and the backups', () => {
  it('is re-applied when an older backup is restored, also from the record beside a damaged database, and names the backups that still hold the case', async () => {
    const folder = join(dir.path, 'backups');
    mkdirSync(folder);
    dialogs.nextFolder(folder);
    await ok('backup.chooseFolder', {});
    const old = await ok<{ id: number }>('cases.create', caseInput({ firstContactAt: '2019-03-01T10:00', firstResponseAt: '2019-03-01T12:00', status: 'closed', closedOn: '2019-05-01', outcome: 'resolved' }));
    await ok('conversations.add', { caseId: old.id, conversation: conversationInput({ notes: `oud ${CANARY.noteWord}` }) });
    await ok('cases.create', caseInput());
    const { name } = await ok<{ name: string }>('backup.now', {});
    // To the second, as the backup's folder name records it; the home screen shows it as the last verified backup.
    const madeAt = new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString();
    expect(await ok('backup.status', {})).toEqual({ lastVerifiedAt: madeAt });
    now = new Date(now.getTime() + 60_000);
    expect(await ok('retention.destroy', { ids: [old.id] })).toEqual({ destroyed: 1 });
    expect(existsSync(join(vaultDir(), 'vault.destructions.json'))).toBe(true);
    expect(await ok('retention.staleBackups', {})).toEqual({ count: 1 });

    now = new Date(now.getTime() + 60_000);
    dialogs.nextFolder(join(folder, name));
    expect(await ok('backup.restore', { passphrase: CANARY.passphrase })).toMatchObject({ reapplied: 1, cases: 1 });
    expect(caseCount()).toBe(1);
    const key = dataKeyCopy();
    await ok('vault.lock', {});
    expect(decryptDatabase(readFileSync(join(vaultDir(), 'vault.db')), key).includes(CANARY.noteWord)).toBe(false);

    // The database is damaged now; the record beside it still knows what was destroyed.
    const bytes = readFileSync(join(vaultDir(), 'vault.db'));
    bytes.fill(0x5a, 4096 * 2, 4096 * 3);
    writeFileSync(join(vaultDir(), 'vault.db'), bytes);
    dialogs.nextFolder(join(folder, name));
    expect(await ok('backup.restore', { passphrase: CANARY.passphrase })).toMatchObject({ reapplied: 1, cases: 1 });
    expect(caseCount()).toBe(1);

    // The old backup still holds the case: the retention screen offers to delete it.
    expect(await ok('retention.staleBackups', {})).toEqual({ count: 1 });
    expect(await ok('retention.deleteStaleBackups', {})).toEqual({ deleted: 1 });
    expect(existsSync(join(folder, name))).toBe(false);
    expect(await ok('retention.staleBackups', {})).toEqual({ count: 0 });
  });
});

describe('a damaged vault', () => {
  it.each([
    ['more than 1 GiB of memory', { memoryKiB: 1024 * 1024 + 1024, iterations: 1 }],
    ['more than 10 passes', { iterations: 11 }],
  ])('a header demanding %s is CORRUPT_VAULT, checked before any derivation', async (_label, cost) => {
    core.vault.lock();
    const path = join(vaultDir(), 'vault.header.json');
    const header = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, JSON.stringify({ ...header, kdf: { ...header.kdf, ...cost } }));
    expect(await codeOf('vault.unlock', { passphrase: CANARY.passphrase })).toBe('CORRUPT_VAULT');
  });

  async function prepared() {
    for (let i = 0; i < 40; i++) await ok('cases.create', caseInput({ label: `${CANARY.name} ${i}` }));
    core.vault.lock();
  }
  const snapshot = () => readdirSync(vaultDir()).map((name) => [name, readFileSync(join(vaultDir(), name)).toString('base64')]);

  it.each([
    ['a truncated file', () => truncateSync(join(vaultDir(), 'vault.db'), 4096 * 3 + 100)],
    ['a corrupted page', () => {
      const file = join(vaultDir(), 'vault.db');
      const bytes = readFileSync(file);
      bytes.fill(0x5a, 4096 * 2 + 200, 4096 * 2 + 400);
      writeFileSync(file, bytes);
    }],
    ['a damaged header', () => writeFileSync(join(vaultDir(), 'vault.header.json'), '{"format":"confidant-vault-header","version":1')],
    ['a missing database beside its header', () => renameSync(join(vaultDir(), 'vault.db'), join(dir.path, 'moved.db'))],
  ])('%s is reported as CORRUPT_VAULT and nothing is overwritten', async (_label, damage) => {
    await prepared();
    damage();
    const before = snapshot();
    expect(await codeOf('vault.unlock', { passphrase: CANARY.passphrase })).toBe('CORRUPT_VAULT');
    expect(await codeOf('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' })).toBe('VAULT_EXISTS');
    expect(snapshot()).toEqual(before);
  });

  it('a header from another vault is reported as CORRUPT_VAULT', async () => {
    await prepared();
    const other = createCore({ dataDirectory: join(dir.path, 'other'), log: createLogger(() => undefined) });
    await other.router.handle('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
    other.vault.lock();
    copyFileSync(join(dir.path, 'other', 'vault', 'vault.header.json'), join(vaultDir(), 'vault.header.json'));
    expect(await codeOf('vault.unlock', { passphrase: CANARY.passphrase })).toBe('CORRUPT_VAULT');
  });
});
