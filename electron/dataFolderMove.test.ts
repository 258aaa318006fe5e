import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANARY } from '../test/fixtures/canaries';
import { caseInput } from '../test/fixtures/records';
import { callCore } from '../test/support/callCore';
import { temporaryDirectory } from '../test/support/temporaryDirectory';
import { testShell } from '../test/support/testShell';
import { createCore, type Core } from './core/core';
import { createLogger } from './core/log';
import { moveDataFolderOnce } from './dataFolderMove';

/**
 * The Windows move from the roaming profile to local app data, on the paths Windows would give
 * (laid out under a temp folder, so it runs anywhere): a real vault made by the core in the old
 * folder, moved, and opened by the core in the new one.
 */
let dir: ReturnType<typeof temporaryDirectory>;
let core: Core | null = null;
let roaming: string;
let local: string;
const { ok } = callCore(() => core!);

function open(dataDirectory: string): Core {
  core = createCore({ dataDirectory, log: createLogger(() => undefined), shell: testShell(dir.path).shell });
  return core;
}

/** Every file under a folder, relative to it, with its bytes. */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(folder, relative), { withFileTypes: true })) {
      const path = join(relative, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[path] = readFileSync(join(folder, path)).toString('base64');
    }
  };
  walk('');
  return files;
}

beforeEach(async () => {
  dir = temporaryDirectory();
  roaming = join(dir.path, 'Users', 'adviser', 'AppData', 'Roaming', 'Confidant');
  local = join(dir.path, 'Users', 'adviser', 'AppData', 'Local', 'Confidant');
  open(roaming);
  await ok('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
  await ok('cases.create', caseInput());
  await ok('settings.update', { language: 'en', idleLockMinutes: 7 });
  core!.vault.lock();
  core = null;
  // Chromium's own files in the same folder: not the app's to move.
  mkdirSync(join(roaming, 'Local Storage'), { recursive: true });
  writeFileSync(join(roaming, 'Local Storage', 'LOG'), 'chromium');
});

afterEach(() => {
  core?.vault.lock();
  dir.remove();
});

describe('moving the vault out of the roaming profile', () => {
  it('moves the vault and the settings once, verified, and the core opens the vault in its new place', async () => {
    const before = snapshot(roaming);
    expect(Object.keys(before)).toEqual(expect.arrayContaining([join('vault', 'vault.db'), join('vault', 'vault.header.json'), 'settings.json']));

    expect(moveDataFolderOnce(roaming, local)).toEqual({ outcome: 'moved', folder: local });
    const { [join('Local Storage', 'LOG')]: chromium, ...appFiles } = before;
    expect(snapshot(local)).toEqual(appFiles);
    expect(snapshot(roaming)).toEqual({ [join('Local Storage', 'LOG')]: chromium });

    open(local);
    expect(core!.settings.get()).toMatchObject({ language: 'en', idleLockMinutes: 7 });
    await ok('vault.unlock', { passphrase: CANARY.passphrase });
    expect(core!.vault.database().prepare('SELECT count(*) FROM cases').pluck().get()).toBe(1);

    // Once: the next start finds nothing left to move.
    core!.vault.lock();
    expect(moveDataFolderOnce(roaming, local)).toEqual({ outcome: 'nothing to move', folder: local });
  });

  it('keeps the original and uses it when a copied file differs from it, and moves it at the next start', async () => {
    const before = snapshot(roaming);
    const damaging = (source: string, destination: string) => {
      copyFileSync(source, destination);
      if (source.endsWith('vault.db')) {
        const bytes = readFileSync(destination);
        bytes[bytes.length - 1]! ^= 0xff;
        writeFileSync(destination, bytes);
      }
    };
    expect(moveDataFolderOnce(roaming, local, damaging)).toEqual({ outcome: 'not moved', folder: roaming, reason: `${join('vault', 'vault.db')} differs from its original` });
    expect(snapshot(roaming)).toEqual(before);
    expect(existsSync(local) ? readdirSync(local) : []).toEqual([]);

    open(roaming);
    await ok('vault.unlock', { passphrase: CANARY.passphrase });
    core!.vault.lock();
    expect(moveDataFolderOnce(roaming, local).outcome).toBe('moved');
  });

  it('keeps the original when the copy is incomplete: a file left out, or a copy that fails half-way', () => {
    const before = snapshot(roaming);
    const leavingOutSettings = (source: string, destination: string) => {
      if (!source.endsWith('settings.json')) copyFileSync(source, destination);
    };
    expect(moveDataFolderOnce(roaming, local, leavingOutSettings)).toMatchObject({ outcome: 'not moved', folder: roaming });
    let copies = 0;
    const diskFull = (source: string, destination: string) => {
      if (++copies > 1) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      copyFileSync(source, destination);
    };
    expect(moveDataFolderOnce(roaming, local, diskFull)).toEqual({ outcome: 'not moved', folder: roaming, reason: 'ENOSPC: no space left on device' });
    expect(snapshot(roaming)).toEqual(before);
    expect(existsSync(local) ? readdirSync(local) : []).toEqual([]);
  });

  it('leaves both alone when the new folder already holds another vault, and uses the new one', async () => {
    open(local);
    await ok('vault.create', { passphrase: CANARY.otherPassphrase, function: 'ombudsperson' });
    core!.vault.lock();
    const before = snapshot(roaming);
    expect(moveDataFolderOnce(roaming, local)).toEqual({ outcome: 'kept both: the new folder holds other data', folder: local });
    expect(snapshot(roaming)).toEqual(before);
  });

  it('finishes a move that stopped after the copy was in place: the identical original is removed', () => {
    mkdirSync(local, { recursive: true });
    for (const file of Object.keys(snapshot(roaming)).filter((path) => !path.startsWith('Local Storage'))) {
      mkdirSync(join(local, file, '..'), { recursive: true });
      copyFileSync(join(roaming, file), join(local, file));
    }
    expect(moveDataFolderOnce(roaming, local)).toEqual({ outcome: 'finished an earlier move', folder: local });
    expect(Object.keys(snapshot(roaming))).toEqual([join('Local Storage', 'LOG')]);
  });
});
