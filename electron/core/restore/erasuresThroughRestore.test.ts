import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../shared/contract';
import { CANARY } from '../../../test/fixtures/canaries';
import { caseInput, conversationInput, reporter } from '../../../test/fixtures/records';
import { callCore } from '../../../test/support/callCore';
import { decryptDatabase, decryptWal } from '../../../test/support/sqlcipherPages';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import { testShell } from '../../../test/support/testShell';
import { createCore, type Core } from '../core';
import { createLogger } from '../log';

/**
 * An erasure at a reporter's request outlives a restore as a destruction does: an older backup
 * either loses what was erased again (the only reporter took the whole case) or is refused with
 * nothing changed (one reporter of a joint case, which cannot be erased again without knowing who).
 */
const WORDS = {
  staying: 'CANARYBLIJVENDEMELDER',
  erasedName: 'CANARYGEWISTEMELDER',
  erasedNote: 'CANARYGEWISTENOTITIE',
  onlyReporterNote: 'CANARYENIGEMELDERNOTITIE',
};

let dir: ReturnType<typeof temporaryDirectory>;
let core: Core;
let dialogs: ReturnType<typeof testShell>;
let now: Date;
const { ok, codeOf } = callCore(() => core);
const db = () => core.vault.database();
const vaultDir = () => join(dir.path, 'data', 'vault');
const backups = () => join(dir.path, 'backups');
const later = (seconds: number) => {
  now = new Date(now.getTime() + seconds * 1000);
};

beforeEach(async () => {
  dir = temporaryDirectory();
  now = new Date(2026, 1, 10, 11, 0, 0);
  dialogs = testShell(dir.path);
  core = createCore({ dataDirectory: join(dir.path, 'data'), clock: () => now, log: createLogger(() => undefined), shell: dialogs.shell });
  await ok('vault.create', { passphrase: CANARY.passphrase, function: 'central_confidential_adviser' });
  mkdirSync(backups());
  dialogs.nextFolder(backups());
  await ok('backup.chooseFolder', {});
});
afterEach(() => {
  core.vault.lock();
  dir.remove();
});

const IN_JANUARY = {
  firstContactAt: '2026-01-05T09:00',
  firstResponseAt: '2026-01-05T10:00',
  consents: [{ scope: 'count_in_statistics' as const, answer: 'given' as const, withWhom: 'CANARYCONSENTWHOM', givenOn: '2026-01-05', withdrawnOn: null }],
};

/** A joint case: the first reporter stays, the second is the one who asks to be erased. */
async function jointCase(): Promise<number> {
  const { id } = await ok<{ id: number }>('cases.create', caseInput({ ...IN_JANUARY, reporters: [reporter({ name: WORDS.staying }), reporter({ name: WORDS.erasedName })] }));
  await ok('conversations.add', { caseId: id, conversation: conversationInput({ heldAt: '2026-01-06T10:00', participants: WORDS.staying, notes: 'Eigen gesprek.' }) });
  await ok('conversations.add', { caseId: id, conversation: conversationInput({ heldAt: '2026-01-07T10:00', participants: WORDS.erasedName, notes: `Apart. ${WORDS.erasedNote}` }) });
  return id;
}

const erase = (caseId: number, position: number) => ok<{ wholeCase: boolean }>('access.erase', { caseId, reporter: position, confirmation: '2026-001' });
const backupNow = async () => join(backups(), (await ok<{ name: string }>('backup.now', {})).name);
const restore = (backup: string) => {
  dialogs.nextFolder(backup);
  return ok<{ reapplied: number; cases: number }>('backup.restore', { passphrase: CANARY.passphrase });
};
const restoreRefusal = (backup: string) => {
  dialogs.nextFolder(backup);
  return codeOf('backup.restore', { passphrase: CANARY.passphrase });
};

/** Every file of the vault's folder with its bytes: a refused restore leaves each one as it was. */
const vaultFiles = () => Object.fromEntries(readdirSync(vaultDir()).map((name) => [name, readFileSync(join(vaultDir(), name)).toString('base64')]));
const backupNames = () => readdirSync(backups()).sort();

/** The vault's pages decrypted with its key, WAL included, as a reader of the disk would get them with the key. */
function decryptedPages(): Buffer {
  const key = core.vault.withKeyMaterial((_db, dataKey) => Buffer.from(dataKey));
  core.vault.lock();
  const wal = join(vaultDir(), 'vault.db-wal');
  return Buffer.concat([decryptDatabase(readFileSync(join(vaultDir(), 'vault.db')), key), existsSync(wal) ? decryptWal(readFileSync(wal), key) : Buffer.alloc(0)]);
}

describe('restoring a backup made before one reporter of a joint case was erased', () => {
  it('is refused with nothing changed, from the settings screen and from the unlock screen', async () => {
    const caseId = await jointCase();
    const older = await backupNow();
    later(60);
    expect(await erase(caseId, 1)).toEqual({ wholeCase: false });
    later(60);
    const rows = await ok<CaseRecord>('cases.get', { id: caseId });
    const files = vaultFiles();
    const inFolder = backupNames();

    expect(await restoreRefusal(older)).toBe('BACKUP_PREDATES_ERASURE');
    expect(await ok<CaseRecord>('cases.get', { id: caseId })).toEqual(rows);
    expect(vaultFiles()).toEqual(files);
    expect(backupNames()).toEqual(inFolder);

    core.vault.lock();
    const locked = vaultFiles();
    expect(await restoreRefusal(older)).toBe('BACKUP_PREDATES_ERASURE');
    expect(vaultFiles()).toEqual(locked);
    expect(backupNames()).toEqual(inFolder);
    await ok('vault.unlock', { passphrase: CANARY.passphrase });
    expect((await ok<CaseRecord>('cases.get', { id: caseId })).reporters.map((entry) => entry.name)).toEqual([WORDS.staying]);
  });

  it('is refused when the vault’s database no longer opens: the record beside it holds the erasure', async () => {
    const caseId = await jointCase();
    const older = await backupNow();
    later(60);
    await erase(caseId, 1);
    core.vault.lock();
    writeFileSync(join(vaultDir(), 'vault.db'), Buffer.alloc(8192, 0x5a));
    const files = vaultFiles();
    expect(await restoreRefusal(older)).toBe('BACKUP_PREDATES_ERASURE');
    expect(vaultFiles()).toEqual(files);
  });

  it('is refused when only a newer backup still knows of the erasure', async () => {
    const caseId = await jointCase();
    const older = await backupNow();
    later(60);
    await erase(caseId, 1);
    later(60);
    await backupNow();
    core.vault.lock();
    rmSync(join(vaultDir(), 'vault.destructions.json'));
    writeFileSync(join(vaultDir(), 'vault.db'), Buffer.alloc(8192, 0x5a));
    expect(await restoreRefusal(older)).toBe('BACKUP_PREDATES_ERASURE');
  });

  it('goes ahead once the case is gone too: destroyed since, it is destroyed again', async () => {
    const caseId = await jointCase();
    const older = await backupNow();
    later(60);
    await erase(caseId, 1);
    later(60);
    // The reporter left is now the only one: erasing her takes the whole case.
    expect(await erase(caseId, 0)).toEqual({ wholeCase: true });
    later(60);
    expect(await restore(older)).toMatchObject({ reapplied: 1, cases: 0 });
    expect(await codeOf('cases.get', { id: caseId })).toBe('NOT_FOUND');
  });
});

describe('a backup made after the erasure', () => {
  it('restores normally, even when made in the same second as the erasure, and is not stale', async () => {
    const caseId = await jointCase();
    const older = await backupNow();
    later(60);
    await erase(caseId, 1);
    const sameSecond = await backupNow();
    later(60);
    expect(await ok('retention.staleBackups', {})).toEqual({ count: 1 });

    expect(await restore(sameSecond)).toMatchObject({ reapplied: 0, cases: 1 });
    const record = await ok<CaseRecord>('cases.get', { id: caseId });
    expect(record.reporters.map((entry) => entry.name)).toEqual([WORDS.staying]);
    expect(JSON.stringify(record)).not.toContain(WORDS.erasedNote);
    // The restored vault still knows of the erasure: the older backup stays refused and stale.
    expect(await restoreRefusal(older)).toBe('BACKUP_PREDATES_ERASURE');
    expect(await ok('retention.staleBackups', {})).toEqual({ count: 1 });
  });

  it('made by the stale-backup step in the second of the erasure is kept as the one backup left', async () => {
    const caseId = await jointCase();
    const older = await backupNow();
    later(60);
    await erase(caseId, 1);
    expect(await ok('retention.deleteStaleBackups', {})).toEqual({ deleted: 1 });
    expect(existsSync(older)).toBe(false);
    expect(backupNames()).toHaveLength(1);
    expect(await ok('retention.staleBackups', {})).toEqual({ count: 0 });
  });
});

describe('restoring a backup made before a case the erased reporter was in', () => {
  it('goes ahead and keeps the erasure recorded, so the backup between the two stays refused', async () => {
    const beforeCase = await backupNow();
    later(60);
    const caseId = await jointCase();
    const older = await backupNow();
    later(60);
    await erase(caseId, 1);
    later(60);
    expect(await restore(beforeCase)).toMatchObject({ cases: 0 });
    expect(db().prepare('SELECT case_id, first_contact_at FROM reporter_erasures').raw().all()).toEqual([[caseId, IN_JANUARY.firstContactAt]]);
    // The replaced vault was kept as a backup and holds the erasure too: without it, only the restored vault's own rows can tell.
    for (const name of backupNames().filter((entry) => entry.endsWith('-replaced'))) rmSync(join(backups(), name), { recursive: true });
    expect(await restoreRefusal(older)).toBe('BACKUP_PREDATES_ERASURE');
  });
});

describe('restoring a backup made before the only reporter of a case was erased', () => {
  it('destroys the case again, and its text is in no decrypted page of the vault file', async () => {
    const { id: caseId } = await ok<{ id: number }>('cases.create', caseInput({ ...IN_JANUARY, reporters: [reporter({ name: WORDS.erasedName })] }));
    await ok('conversations.add', { caseId, conversation: conversationInput({ heldAt: '2026-01-06T10:00', participants: WORDS.erasedName, notes: `Gesprek. ${WORDS.onlyReporterNote}` }) });
    const { id: keptId } = await ok<{ id: number }>('cases.create', caseInput({ ...IN_JANUARY, reporters: [reporter({ name: WORDS.staying })] }));
    const older = await backupNow();
    later(60);
    expect(await erase(caseId, 0)).toEqual({ wholeCase: true });
    later(60);

    expect(await restore(older)).toMatchObject({ reapplied: 1, cases: 1 });
    expect(await codeOf('cases.get', { id: caseId })).toBe('NOT_FOUND');
    expect((await ok<CaseRecord>('cases.get', { id: keptId })).reporters.map((entry) => entry.name)).toEqual([WORDS.staying]);
    const pages = decryptedPages();
    expect(pages.includes(WORDS.staying)).toBe(true);
    for (const word of [WORDS.onlyReporterNote, WORDS.erasedName]) {
      expect(pages.includes(word), word).toBe(false);
      // The search index keeps words lower-cased after the prefix they share ("canary"): that part must be gone too.
      expect(pages.includes(word.toLowerCase().slice('canary'.length)), `${word} in the search index`).toBe(false);
    }
  });
});
