import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANARY } from '../../../test/fixtures/canaries';
import { caseInput } from '../../../test/fixtures/records';
import { callCore } from '../../../test/support/callCore';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import { testShell } from '../../../test/support/testShell';
import { createCore, type Core } from '../core';
import { createLogger } from '../log';
import { nodeAddonPath } from './sqliteAddon';

let dir: ReturnType<typeof temporaryDirectory>;
let core: Core;
let logLines: string[];
const { ok, codeOf } = callCore(() => core);

function start(nativeBinding: string) {
  const dialogs = testShell(dir.path);
  dialogs.nextFolder(join(dir.path, 'backups'));
  core = createCore({ dataDirectory: join(dir.path, 'data'), nativeBinding, log: createLogger((line) => logLines.push(line)), shell: dialogs.shell });
}

const vaultFiles = () =>
  Object.fromEntries(readdirSync(join(dir.path, 'data', 'vault')).map((name) => [name, readFileSync(join(dir.path, 'data', 'vault', name)).toString('base64')]));

beforeEach(() => {
  dir = temporaryDirectory();
  logLines = [];
});
afterEach(() => {
  core?.vault.lock();
  dir.remove();
});

describe('the SQLite addon', () => {
  it('is never looked up at its default location in the tests, as in the packaged app', () => {
    expect(() => new Database(':memory:')).toThrow(/default location/);
  });

  it('comes from the path the shell gives, for the vault and for every backup check', async () => {
    // A copy outside node_modules, as the packaged app keeps it outside the asar.
    const elsewhere = join(dir.path, 'better_sqlite3.node');
    copyFileSync(nodeAddonPath(), elsewhere);
    start(elsewhere);
    await ok('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
    await ok('cases.create', caseInput());
    await ok('backup.chooseFolder', {});
    expect((await ok<{ name: string }>('backup.now', {})).name).toMatch(/^confidant-backup-/);
  });

  it('that does not load is APP_DAMAGED, logged by name, never a damaged vault, and the vault is untouched', async () => {
    start(nodeAddonPath());
    await ok('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
    await ok('cases.create', caseInput());
    core.vault.lock();
    const before = vaultFiles();

    const broken = join(dir.path, 'broken.node');
    writeFileSync(broken, 'not an addon');
    start(broken);
    expect(await codeOf('vault.unlock', { passphrase: CANARY.passphrase })).toBe('APP_DAMAGED');
    expect(vaultFiles()).toEqual(before);
    expect(logLines.map((line) => JSON.parse(line))).toEqual([{ event: 'app_damaged', channel: 'vault.unlock' }]);

    start(join(dir.path, 'missing.node'));
    expect(await codeOf('vault.unlock', { passphrase: CANARY.passphrase })).toBe('APP_DAMAGED');
    expect(vaultFiles()).toEqual(before);
  });
});
