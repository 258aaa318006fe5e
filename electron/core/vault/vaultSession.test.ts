import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANARY, containsBytes } from '../../../test/fixtures/canaries';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import { AppError } from '../errors';
import { openEncryptedDatabase } from './database';
import { readHeader } from './header';
import { vaultFilesIn } from './vaultFiles';
import { VaultSession } from './vaultSession';

let dir: ReturnType<typeof temporaryDirectory>;
beforeEach(() => {
  dir = temporaryDirectory();
});
afterEach(() => dir.remove());

function newSession(subfolder = 'vault') {
  return new VaultSession(vaultFilesIn(join(dir.path, subfolder)));
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
}

function writeCanaryRow(session: VaultSession) {
  session.database().prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('canary', CANARY.noteWord);
}

describe('VaultSession', () => {
  it('creates an encrypted vault that reopens only with its passphrase', async () => {
    const session = newSession();
    const recoveryKey = await session.create(CANARY.passphrase);
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/);
    writeCanaryRow(session);
    session.lock();
    expect(session.status()).toEqual({ exists: true, unlocked: false, unlockDelaySeconds: 0 });

    const raw = readFileSync(session.files.database);
    expect(raw.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(containsBytes(raw, CANARY.noteWord)).toBe(false);
    const header = readFileSync(session.files.header);
    expect(containsBytes(header, CANARY.passphrase)).toBe(false);
    expect(containsBytes(header, recoveryKey.replace(/-/g, ''))).toBe(false);

    await session.unlock(CANARY.passphrase);
    const row = session.database().prepare("SELECT value FROM meta WHERE key = 'canary'").get();
    expect(row).toEqual({ value: CANARY.noteWord });
    session.lock();
  });

  it('refuses a wrong passphrase and leaves the files byte-identical', async () => {
    const session = newSession();
    await session.create(CANARY.passphrase);
    writeCanaryRow(session);
    session.lock();
    const before = [readFileSync(session.files.database), readFileSync(session.files.header)];

    expect(await codeOf(session.unlock(CANARY.otherPassphrase))).toBe('WRONG_PASSPHRASE');
    expect(session.status().unlocked).toBe(false);
    expect(() => session.database()).toThrow(AppError);
    expect(readFileSync(session.files.database).equals(before[0]!)).toBe(true);
    expect(readFileSync(session.files.header).equals(before[1]!)).toBe(true);
  });

  it('recovers with the recovery key and sets a new passphrase that then unlocks', async () => {
    const session = newSession();
    const recoveryKey = await session.create(CANARY.passphrase);
    writeCanaryRow(session);
    session.lock();

    expect(await codeOf(session.recover('0000-'.repeat(12) + '0000', CANARY.otherPassphrase))).toBe('WRONG_RECOVERY_KEY');
    expect(await codeOf(session.recover('too short', CANARY.otherPassphrase))).toBe('WRONG_RECOVERY_KEY');

    const typedCarelessly = recoveryKey.toLowerCase().replace(/-/g, ' ');
    await session.recover(typedCarelessly, CANARY.otherPassphrase);
    expect(session.status().unlocked).toBe(true);
    session.lock();

    expect(await codeOf(session.unlock(CANARY.passphrase))).toBe('WRONG_PASSPHRASE');
    await session.unlock(CANARY.otherPassphrase);
    expect(session.database().prepare("SELECT value FROM meta WHERE key = 'canary'").get()).toEqual({
      value: CANARY.noteWord,
    });
    session.lock();
  });

  it('never overwrites an existing vault', async () => {
    const session = newSession();
    await session.create(CANARY.passphrase);
    session.lock();
    const before = readFileSync(session.files.database);
    expect(await codeOf(newSession().create(CANARY.otherPassphrase))).toBe('VAULT_EXISTS');
    expect(readFileSync(session.files.database).equals(before)).toBe(true);
  });

  it('reports a missing vault rather than creating one on unlock', async () => {
    expect(await codeOf(newSession().unlock(CANARY.passphrase))).toBe('VAULT_NOT_FOUND');
  });

  it('rejects a header taken from another vault as corrupt', async () => {
    const first = newSession('first');
    const second = newSession('second');
    await first.create(CANARY.passphrase);
    first.lock();
    await second.create(CANARY.passphrase);
    second.lock();
    copyFileSync(second.files.header, first.files.header);
    expect(await codeOf(first.unlock(CANARY.passphrase))).toBe('CORRUPT_VAULT');
  });

  it('rejects a damaged header and a header whose KDF cost was lowered', async () => {
    const session = newSession();
    await session.create(CANARY.passphrase);
    session.lock();
    const original = readFileSync(session.files.header, 'utf8');

    writeFileSync(session.files.header, original.slice(0, 40));
    expect(await codeOf(session.unlock(CANARY.passphrase))).toBe('CORRUPT_VAULT');

    const weakened = JSON.parse(original);
    weakened.kdf.iterations = 1;
    writeFileSync(session.files.header, JSON.stringify(weakened));
    expect(await codeOf(session.unlock(CANARY.passphrase))).toBe('WRONG_PASSPHRASE');
  });

  it('cannot be opened with a random key, only with the wrapped data key', async () => {
    const session = newSession();
    await session.create(CANARY.passphrase);
    session.lock();
    expect(readHeader(session.files.header).kdf.memoryKiB).toBeGreaterThanOrEqual(65536);
    expect(() => openEncryptedDatabase(session.files.database, Buffer.alloc(32, 7), { addon: session.addon, create: false })).toThrow(AppError);
  });

  it('closes the database and tells listeners on lock', async () => {
    const session = newSession();
    let notified = 0;
    session.onLock(() => notified++);
    await session.create(CANARY.passphrase);
    session.lock();
    session.lock();
    expect(notified).toBe(1);
    expect(() => session.database()).toThrow(AppError);
  });
});
