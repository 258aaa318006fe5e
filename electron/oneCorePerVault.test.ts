import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CANARY } from '../test/fixtures/canaries';
import { caseInput } from '../test/fixtures/records';
import { forkNodeCore } from '../test/support/nodeCoreProcess';
import { temporaryDirectory } from '../test/support/temporaryDirectory';
import { nodeAddonPath } from './core/vault/sqliteAddon';
import { CoreClient } from './coreProcess/coreClient';

/**
 * One process per vault: two built cores, each in its own process, on one data folder (as two
 * app instances would be if main's single-instance lock failed). While one has the vault open,
 * the other is refused with VAULT_IN_USE and changes nothing; when the first locks, or is killed
 * outright, the operating system's lock goes with it and the second opens the vault.
 */
const CORE = resolve(__dirname, '../out/main/coreProcess.js');
const folder = temporaryDirectory();
const dataDirectory = join(folder.path, 'data');
afterAll(() => folder.remove());

function core() {
  let pid = 0;
  const client = new CoreClient({
    fork: () => {
      const handle = forkNodeCore(CORE);
      pid = handle.pid;
      return handle;
    },
    dataDirectory,
    nativeBinding: nodeAddonPath(),
    shell: async () => null,
  });
  const call = async (channel: string, request: unknown) => {
    const result = await client.invoke(channel, request);
    return result.ok ? 'ok' : result.error.code;
  };
  return { client, call, pid: () => pid };
}

const vaultFiles = () => ['vault.db', 'vault.header.json'].map((name) => readFileSync(join(dataDirectory, 'vault', name)));

beforeAll(() => {
  if (!existsSync(CORE)) throw new Error('Build the app first (npm test does): out/main/coreProcess.js is missing.');
});

describe('a vault open in one core process', () => {
  it('is refused to a second with VAULT_IN_USE, until the first locks or is killed', async () => {
    const first = core();
    const second = core();
    try {
      expect(await first.call('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' })).toBe('ok');
      expect(await first.call('cases.create', caseInput())).toBe('ok');

      const before = vaultFiles();
      expect(await second.call('vault.unlock', { passphrase: CANARY.passphrase })).toBe('VAULT_IN_USE');
      expect(await second.call('vault.recover', { recoveryKey: 'ABCD-'.repeat(12) + 'ABCD', newPassphrase: CANARY.otherPassphrase })).toBe('VAULT_IN_USE');
      expect(vaultFiles()).toEqual(before);
      expect(await first.call('cases.create', caseInput())).toBe('ok');

      // A lock gives the vault back; then the first is the one refused.
      expect(await first.call('vault.lock', {})).toBe('ok');
      expect(await second.call('vault.unlock', { passphrase: CANARY.passphrase })).toBe('ok');
      expect(await first.call('vault.unlock', { passphrase: CANARY.passphrase })).toBe('VAULT_IN_USE');

      // Killed with the vault open, nothing runs to unlock it: the operating system releases the lock.
      const killed = second.pid();
      process.kill(killed, 'SIGKILL');
      await vi.waitFor(() => expect(() => process.kill(killed, 0)).toThrow(), { timeout: 10_000 });
      expect(await first.call('vault.unlock', { passphrase: CANARY.passphrase })).toBe('ok');
      expect(await first.call('cases.create', caseInput())).toBe('ok');
    } finally {
      first.client.stop();
      second.client.stop();
    }
  }, 120_000);
});
