import { mkdirSync, readFileSync, watch } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANARY } from '../../../test/fixtures/canaries';
import { caseInput } from '../../../test/fixtures/records';
import { callCore } from '../../../test/support/callCore';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import { testShell } from '../../../test/support/testShell';
import { createCore, type Core } from '../core';
import { createLogger } from '../log';

/**
 * Two cores on one data folder (SQLite keeps the lock between connections of one process as the
 * operating system does between processes; electron/oneCorePerVault.test.ts has two processes).
 * The finding: a second core restored while the first had the vault open, and the first's writes
 * went into the copy the restore moved aside.
 */
let dir: ReturnType<typeof temporaryDirectory>;
let dialogs: ReturnType<typeof testShell>;
let first: Core;
let second: Core;
beforeEach(() => {
  dir = temporaryDirectory();
  dialogs = testShell(dir.path);
  const start = () => createCore({ dataDirectory: join(dir.path, 'data'), log: createLogger(() => undefined), shell: dialogs.shell });
  first = start();
  second = start();
});
afterEach(() => {
  first.vault.lock();
  second.vault.lock();
  dir.remove();
});
const one = callCore(() => first);
const other = callCore(() => second);
const vaultFolder = () => join(dir.path, 'data', 'vault');
const caseCount = (core: Core) => core.vault.database().prepare('SELECT count(*) FROM cases').pluck().get();

describe('the vault lock', () => {
  it('refuses a restore from a second core while the first has the vault open, and lets it through once that one locks', async () => {
    await one.ok('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
    mkdirSync(join(dir.path, 'backups'));
    dialogs.nextFolder(join(dir.path, 'backups'));
    await one.ok('backup.chooseFolder', {});
    const { name } = await one.ok<{ name: string }>('backup.now', {});
    await one.ok('cases.create', caseInput());

    const before = readFileSync(join(vaultFolder(), 'vault.db'));
    // Not even for a moment: the open vault's folder is never renamed under it.
    const moved: string[] = [];
    const watcher = watch(join(dir.path, 'data'), (_event, entry) => {
      if (entry === 'vault' || entry?.startsWith('vault.replaced')) moved.push(entry);
    });
    dialogs.nextFolder(join(dir.path, 'backups', name));
    expect(await other.codeOf('backup.restore', { passphrase: CANARY.passphrase })).toBe('VAULT_IN_USE');
    await new Promise((resolve) => setTimeout(resolve, 200));
    watcher.close();
    expect(moved).toEqual([]);
    expect(readFileSync(join(vaultFolder(), 'vault.db')).equals(before)).toBe(true);
    await one.ok('cases.create', caseInput());
    expect(caseCount(first)).toBe(2);

    first.vault.lock();
    dialogs.nextFolder(join(dir.path, 'backups', name));
    await other.ok('backup.restore', { passphrase: CANARY.passphrase });
    expect(caseCount(second)).toBe(0);
    expect(await one.codeOf('vault.unlock', { passphrase: CANARY.passphrase })).toBe('VAULT_IN_USE');
  });
});
