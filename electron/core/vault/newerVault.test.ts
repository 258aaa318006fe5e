import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANARY } from '../../../test/fixtures/canaries';
import { caseInput } from '../../../test/fixtures/records';
import { callCore } from '../../../test/support/callCore';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import { testShell } from '../../../test/support/testShell';
import { dataKeyOf } from '../../../test/support/vaultKey';
import { createCore, type Core } from '../core';
import { AppError } from '../errors';
import { createLogger } from '../log';
import { openEncryptedDatabase, type Db } from './database';
import { LATEST_VERSION, migrate, schemaVersion } from './migrations';
import { nodeAddonPath } from './sqliteAddon';
import { vaultFilesIn } from './vaultFiles';
import { VaultSession } from './vaultSession';

const CHEAP_KDF = { memoryKiB: 8192, iterations: 1, parallelism: 1 };
const NEWER = LATEST_VERSION + 1;

let dir: ReturnType<typeof temporaryDirectory>;
beforeEach(() => {
  dir = temporaryDirectory();
});
afterEach(() => dir.remove());

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
}

const schemaOf = (db: Db) => db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY type, name').all();

/** Opens an encrypted vault or backup file as a newer app would have left it, and closes it again. */
async function markWrittenByNewerApp(folder: string, passphrase: string): Promise<void> {
  const key = await dataKeyOf(join(folder, 'vault.header.json'), passphrase);
  const db = openEncryptedDatabase(join(folder, 'vault.db'), key, { addon: nodeAddonPath(), create: false });
  key.fill(0);
  db.pragma(`user_version = ${NEWER}`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

async function versionOf(folder: string, passphrase: string): Promise<number> {
  const key = await dataKeyOf(join(folder, 'vault.header.json'), passphrase);
  const db = openEncryptedDatabase(join(folder, 'vault.db'), key, { addon: nodeAddonPath(), create: false });
  key.fill(0);
  try {
    return schemaVersion(db);
  } finally {
    db.close();
  }
}

describe('a vault written by a newer app', () => {
  it('is refused by migrate, which changes nothing', () => {
    const db = new Database(':memory:', { nativeBinding: nodeAddonPath() });
    migrate(db);
    db.pragma(`user_version = ${NEWER}`);
    const before = schemaOf(db);
    expect(codeOf(() => migrate(db))).toBe('VAULT_TOO_NEW');
    expect(schemaVersion(db)).toBe(NEWER);
    expect(schemaOf(db)).toEqual(before);
  });

  it('does not unlock, and stays as it was', async () => {
    const session = new VaultSession(vaultFilesIn(join(dir.path, 'vault')), { kdfCost: CHEAP_KDF });
    await session.create(CANARY.passphrase);
    session.lock();
    await markWrittenByNewerApp(session.files.directory, CANARY.passphrase);

    await expect(session.unlock(CANARY.passphrase)).rejects.toMatchObject({ code: 'VAULT_TOO_NEW' });
    expect(session.isUnlocked).toBe(false);
    expect(await versionOf(session.files.directory, CANARY.passphrase)).toBe(NEWER);
  });
});

describe('restoring a backup written by a newer app', () => {
  let core: Core;
  let dialogs: ReturnType<typeof testShell>;
  const { ok, codeOf: outcomeOf } = callCore(() => core);
  afterEach(() => core.vault.lock());
  /** Every file under a folder, at any depth. */
  const walk = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(folder, entry.name)) : [join(folder, entry.name)]));

  it('is refused before anything moves: the current vault stays open, its cases and files as they were', async () => {
    dialogs = testShell(dir.path);
    core = createCore({ dataDirectory: join(dir.path, 'data'), kdfCost: CHEAP_KDF, clock: () => new Date(2026, 10, 23, 12, 0), log: createLogger(() => undefined), shell: dialogs.shell });
    await ok('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
    const backups = join(dir.path, 'backups');
    mkdirSync(backups);
    dialogs.nextFolder(backups);
    await ok('backup.chooseFolder', {});
    await ok('cases.create', caseInput());
    const backup = join(backups, (await ok<{ name: string }>('backup.now', {})).name);
    await ok('cases.create', caseInput());
    await markWrittenByNewerApp(backup, CANARY.passphrase);

    // The failed attempt is counted (unlock-attempts.json); no vault or backup file may move.
    const listing = () => [...walk(join(dir.path, 'data')), ...walk(backups)].filter((path) => !path.endsWith('unlock-attempts.json')).sort();
    const before = listing();
    const phases: string[] = [];
    core.events.on((event) => {
      if (event.type === 'progress') phases.push(event.phase);
    });
    let closed = false;
    core.vault.onClose(() => {
      closed = true;
    });

    dialogs.nextFolder(backup);
    expect(await outcomeOf('backup.restore', { passphrase: CANARY.passphrase })).toBe('VAULT_TOO_NEW');
    expect(core.vault.isUnlocked).toBe(true);
    expect(closed).toBe(false);
    expect(phases.filter((phase) => phase !== 'unlock')).toEqual([]);
    expect(core.vault.database().prepare('SELECT count(*) FROM cases').pluck().get()).toBe(2);
    expect(listing()).toEqual(before);
    expect(await versionOf(backup, CANARY.passphrase)).toBe(NEWER);
  });
});
