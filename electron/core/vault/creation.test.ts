import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CANARY } from '../../../test/fixtures/canaries';
import { callCore } from '../../../test/support/callCore';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import { createCore, type Core } from '../core';
import { createLogger } from '../log';

/** The header write fails once, as a crash between writing the database and the header would stop it. */
const failHeader = vi.hoisted(() => ({ next: false }));
vi.mock('./header', async (original) => {
  const actual = await original<typeof import('./header')>();
  return {
    ...actual,
    writeHeader: (path: string, header: Parameters<typeof actual.writeHeader>[1]) => {
      if (failHeader.next) {
        failHeader.next = false;
        throw new Error('the machine stopped here');
      }
      actual.writeHeader(path, header);
    },
  };
});

const dir = temporaryDirectory();
let core: Core;
const { ok, codeOf } = callCore(() => core);
afterEach(() => {
  core.vault.lock();
  dir.remove();
});

describe('making a vault', () => {
  it('leaves no half-made vault when it stops before the header is written, so the adviser can simply start again', async () => {
    core = createCore({ dataDirectory: dir.path, log: createLogger(() => undefined) });
    failHeader.next = true;
    expect(await codeOf('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' })).toBe('INTERNAL');
    expect(await ok('vault.status', {})).toMatchObject({ exists: false, unlocked: false });
    expect(existsSync(join(dir.path, 'vault', 'vault.db'))).toBe(false);
    await ok('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
    expect(readdirSync(dir.path).filter((entry) => entry.startsWith('.vault-creating-'))).toEqual([]);
    await ok('vault.lock', {});
    await ok('vault.unlock', { passphrase: CANARY.passphrase });
  });
});
