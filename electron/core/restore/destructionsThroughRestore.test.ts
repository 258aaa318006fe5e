import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANARY } from '../../../test/fixtures/canaries';
import { caseInput, conversationInput } from '../../../test/fixtures/records';
import { callCore } from '../../../test/support/callCore';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import { testShell } from '../../../test/support/testShell';
import { createCore, type Core } from '../core';
import { createLogger } from '../log';

/**
 * A case retention destroyed stays destroyed through a restore of an older backup, whatever
 * happened to the vault in between; and deleting the backups that still hold it never leaves none.
 */
let dir: ReturnType<typeof temporaryDirectory>;
let core: Core;
let dialogs: ReturnType<typeof testShell>;
let now: Date;
const NEW_PASSPHRASE = 'CANARY-nieuw-Grutto-Boterbloem-5512';
const { ok, codeOf } = callCore(() => core);
const vaultDir = () => join(dir.path, 'data', 'vault');
const backups = () => join(dir.path, 'backups');
const later = (seconds: number) => {
  now = new Date(now.getTime() + seconds * 1000);
};
const caseIds = () => core.vault.database().prepare('SELECT id FROM cases ORDER BY id').pluck().all();

beforeEach(async () => {
  dir = temporaryDirectory();
  now = new Date(2026, 10, 23, 11, 59, 0);
  dialogs = testShell(dir.path);
  core = createCore({ dataDirectory: join(dir.path, 'data'), clock: () => now, log: createLogger(() => undefined), shell: dialogs.shell });
  await ok('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
  mkdirSync(backups());
  dialogs.nextFolder(backups());
  await ok('backup.chooseFolder', {});
});
afterEach(() => {
  core.vault.lock();
  dir.remove();
});

/** An old closed case and a current one; a backup holding both; then the old one is destroyed. */
async function destroyedAfterBackup(): Promise<{ backup: string; destroyed: number; kept: number }> {
  const old = await ok<{ id: number }>('cases.create', caseInput({ firstContactAt: '2019-03-01T10:00', firstResponseAt: '2019-03-01T12:00', status: 'closed', closedOn: '2019-05-01', outcome: 'resolved' }));
  await ok('conversations.add', { caseId: old.id, conversation: conversationInput({ notes: `oud ${CANARY.noteWord}` }) });
  const kept = await ok<{ id: number }>('cases.create', caseInput());
  const { name } = await ok<{ name: string }>('backup.now', {});
  later(60);
  expect(await ok('retention.destroy', { ids: [old.id] })).toEqual({ destroyed: 1 });
  later(60);
  return { backup: join(backups(), name), destroyed: old.id, kept: kept.id };
}

async function restoredFromUnlockScreen(backup: string, request: object) {
  core.vault.lock();
  dialogs.nextFolder(backup);
  return ok<{ reapplied: number; cases: number }>('backup.restore', request);
}

describe('restoring a backup made before a destruction', () => {
  it('destroys the case again when the restore starts from the unlock screen after the passphrase changed', async () => {
    const { backup, kept } = await destroyedAfterBackup();
    await ok('vault.changePassphrase', { current: CANARY.passphrase, next: NEW_PASSPHRASE });
    expect(await restoredFromUnlockScreen(backup, { passphrase: CANARY.passphrase })).toMatchObject({ reapplied: 1, cases: 1 });
    expect(caseIds()).toEqual([kept]);
    // The record beside the restored vault keeps the destruction, so the old backup is still named.
    expect(await ok('retention.staleBackups', {})).toEqual({ count: 1 });
  });

  it('destroys the case again when the vault’s header is damaged', async () => {
    const { backup, kept } = await destroyedAfterBackup();
    core.vault.lock();
    writeFileSync(join(vaultDir(), 'vault.header.json'), '{"format":"confidant-vault-header","version":1');
    expect(await restoredFromUnlockScreen(backup, { passphrase: CANARY.passphrase })).toMatchObject({ reapplied: 1 });
    expect(caseIds()).toEqual([kept]);
  });

  it('destroys the case again when the record beside the vault is missing', async () => {
    const { backup, kept } = await destroyedAfterBackup();
    core.vault.lock();
    rmSync(join(vaultDir(), 'vault.destructions.json'));
    expect(await restoredFromUnlockScreen(backup, { passphrase: CANARY.passphrase })).toMatchObject({ reapplied: 1 });
    expect(caseIds()).toEqual([kept]);
  });

  it('reads the destruction from a newer backup when the vault itself no longer opens', async () => {
    const { backup, kept } = await destroyedAfterBackup();
    await ok('backup.now', {});
    later(60);
    core.vault.lock();
    rmSync(join(vaultDir(), 'vault.destructions.json'));
    writeFileSync(join(vaultDir(), 'vault.db'), Buffer.alloc(8192, 0x5a));
    expect(await restoredFromUnlockScreen(backup, { passphrase: CANARY.passphrase })).toMatchObject({ reapplied: 1 });
    expect(caseIds()).toEqual([kept]);
  });

  it('asks for the current passphrase or recovery key when nothing of the vault opens without it, and never restores blindly', async () => {
    const { backup, kept } = await destroyedAfterBackup();
    const { recoveryKey } = await ok<{ recoveryKey: string }>('vault.rotateKey', { passphrase: CANARY.passphrase });
    await ok('vault.changePassphrase', { current: CANARY.passphrase, next: NEW_PASSPHRASE });
    core.vault.lock();
    const vaultFiles = () => readdirSync(vaultDir()).sort();
    const before = vaultFiles();
    dialogs.nextFolder(backup);
    expect(await codeOf('backup.restore', { passphrase: CANARY.passphrase })).toBe('RESTORE_NEEDS_CURRENT_KEY');
    expect(vaultFiles()).toEqual(before);
    dialogs.nextFolder(backup);
    expect(await codeOf('backup.restore', { passphrase: CANARY.passphrase, current: { passphrase: CANARY.otherPassphrase } })).toBe('WRONG_PASSPHRASE');
    dialogs.nextFolder(backup);
    expect(await ok('backup.restore', { passphrase: CANARY.passphrase, current: { recoveryKey } })).toMatchObject({ reapplied: 1 });
    expect(caseIds()).toEqual([kept]);
  });
});

describe('backups that still hold a destroyed case', () => {
  it('are told apart from a backup made in the same minute after the destruction, by the record inside it', async () => {
    const { backup } = await destroyedAfterBackup();
    now = new Date(2026, 10, 23, 12, 0, 10);
    const { id } = await ok<{ id: number }>('cases.create', caseInput({ firstContactAt: '2019-04-01T10:00', firstResponseAt: '2019-04-01T12:00', status: 'closed', closedOn: '2019-05-01', outcome: 'resolved' }));
    const before = await ok<{ name: string }>('backup.now', {});
    now = new Date(2026, 10, 23, 12, 0, 20);
    await ok('retention.destroy', { ids: [id] });
    now = new Date(2026, 10, 23, 12, 0, 40);
    const after = await ok<{ name: string }>('backup.now', {});
    expect(await ok('retention.staleBackups', {})).toEqual({ count: 2 });
    expect(await ok('retention.deleteStaleBackups', {})).toEqual({ deleted: 2 });
    expect(existsSync(backup)).toBe(false);
    expect(existsSync(join(backups(), before.name))).toBe(false);
    expect(existsSync(join(backups(), after.name))).toBe(true);
  });

  it('are deleted only after a new backup was made, when they are all there is', async () => {
    const { backup } = await destroyedAfterBackup();
    expect(await ok('retention.deleteStaleBackups', {})).toEqual({ deleted: 1 });
    expect(existsSync(backup)).toBe(false);
    const left = readdirSync(backups());
    expect(left).toHaveLength(1);
    expect(await ok('retention.staleBackups', {})).toEqual({ count: 0 });
    expect((await ok<{ lastVerifiedAt: string | null }>('backup.status', {})).lastVerifiedAt).not.toBeNull();
  });
});
