import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANARY } from '../../../test/fixtures/canaries';
import { caseInput } from '../../../test/fixtures/records';
import { callCore } from '../../../test/support/callCore';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import { createCore, type Core } from '../core';
import { createLogger } from '../log';

let dir: ReturnType<typeof temporaryDirectory>;
let core: Core;
beforeEach(() => {
  dir = temporaryDirectory();
  core = createCore({ dataDirectory: dir.path, log: createLogger(() => undefined) });
});
afterEach(() => {
  core.vault.lock();
  dir.remove();
});
const { ok, codeOf } = callCore(() => core);
const NEW_PASSPHRASE = 'CANARY-hersteld-Tureluur-Klaproos-3307';
const KEY_FORM = /^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/;

describe('unlocking with the recovery key', () => {
  it('replaces the key just used: the old one is refused from then on, the new one opens the vault', async () => {
    const { recoveryKey: first } = await ok<{ recoveryKey: string }>('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
    await ok('cases.create', caseInput());
    core.vault.lock();
    const headerBefore = readFileSync(join(dir.path, 'vault', 'vault.header.json'), 'utf8');

    const { recoveryKey: second } = await ok<{ recoveryKey: string }>('vault.recover', { recoveryKey: first, newPassphrase: NEW_PASSPHRASE });
    expect(second).toMatch(KEY_FORM);
    expect(second).not.toBe(first);
    expect(readFileSync(join(dir.path, 'vault', 'vault.header.json'), 'utf8')).not.toBe(headerBefore);
    core.vault.lock();

    expect(await codeOf('vault.recover', { recoveryKey: first, newPassphrase: CANARY.otherPassphrase })).toBe('WRONG_RECOVERY_KEY');
    expect(core.vault.isUnlocked).toBe(false);
    const { recoveryKey: third } = await ok<{ recoveryKey: string }>('vault.recover', { recoveryKey: second, newPassphrase: CANARY.otherPassphrase });
    expect(third).toMatch(KEY_FORM);
    expect(core.vault.database().prepare('SELECT count(*) FROM cases').pluck().get()).toBe(1);
    core.vault.lock();

    // The passphrase set by the last recovery opens the vault; the one set by the first does not.
    expect(await codeOf('vault.unlock', { passphrase: NEW_PASSPHRASE })).toBe('WRONG_PASSPHRASE');
    await ok('vault.unlock', { passphrase: CANARY.otherPassphrase });
  });
});
