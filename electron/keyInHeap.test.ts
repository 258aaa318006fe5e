import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CoreClient } from './coreProcess/coreClient';
import type { CoreProcessHandle } from './coreProcess/protocol';
import { rawKeyLiteral } from './core/vault/database';
import { nodeAddonPath } from './core/vault/sqliteAddon';
import { CANARY } from '../test/fixtures/canaries';
import { caseInput } from '../test/fixtures/records';
import { NO_DEFAULT_ADDON_BLOCKER } from '../test/support/noDefaultSqliteAddon';
import { temporaryDirectory } from '../test/support/temporaryDirectory';
import { dataKeyOf } from '../test/support/vaultKey';

/**
 * The data key in the core process's heap: the built core runs as its own process (as in the
 * app), creates, unlocks, rotates the key, and locks; then V8 writes a heap snapshot of that
 * process (which collects garbage first). The snapshot must hold neither the key's hex digits nor
 * its `x'…'` literal, for the old key or the new one, nor the passphrase. The needles are built as
 * bytes here, so this test never puts the key into a string of its own. (With a key string kept
 * alive in the core, patched in, this test fails.)
 */
const CORE = resolve(__dirname, '../out/main/coreProcess.js');
const folder = temporaryDirectory();
afterAll(() => folder.remove());

function forkWithSnapshots(cwd: string): { handle: CoreProcessHandle; snapshot(): Promise<Buffer> } {
  const child = fork(CORE, [], {
    cwd,
    serialization: 'advanced',
    execArgv: ['--require', NO_DEFAULT_ADDON_BLOCKER, '--heapsnapshot-signal=SIGUSR2'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    handle: {
      postMessage: (message) => child.send(message),
      onMessage: (listener) => child.on('message', listener as (message: unknown) => void),
      onExit: (listener) => child.on('exit', (code) => listener(code ?? 1)),
      kill: () => child.kill(),
    },
    async snapshot() {
      child.kill('SIGUSR2');
      const file = await vi.waitFor(
        () => {
          const name = readdirSync(cwd).find((entry) => entry.endsWith('.heapsnapshot'));
          if (!name) throw new Error('no snapshot yet');
          return join(cwd, name);
        },
        { timeout: 60_000, interval: 200 },
      );
      // The file is complete once its size stops changing.
      let size = -1;
      await vi.waitFor(
        () => {
          const now = readFileSync(file).length;
          if (now !== size || now === 0) {
            size = now;
            throw new Error('still writing');
          }
        },
        { timeout: 60_000, interval: 500 },
      );
      return readFileSync(file);
    },
  };
}

const dataKey = (passphrase: string) => dataKeyOf(join(folder.path, 'data', 'vault', 'vault.header.json'), passphrase);

describe('the data key in the core process', () => {
  it('leaves neither the hex digits nor the x’…’ literal of the old or the rotated key, nor the passphrase, in the heap after lock', async () => {
    expect(existsSync(CORE)).toBe(true);
    const snapshots = join(folder.path, 'snapshots');
    mkdirSync(snapshots, { recursive: true });
    const core = forkWithSnapshots(snapshots);
    const client = new CoreClient({ fork: () => core.handle, dataDirectory: join(folder.path, 'data'), nativeBinding: nodeAddonPath(), shell: async () => null });
    const ok = async (channel: string, request: unknown) => {
      const result = await client.invoke(channel, request);
      if (!result.ok) throw new Error(`${channel} failed with ${result.error.code}`);
      return result.value;
    };
    try {
      await ok('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
      await ok('cases.create', caseInput());
      const oldKey = await dataKey(CANARY.passphrase);
      await ok('vault.rotateKey', { passphrase: CANARY.passphrase });
      const newKey = await dataKey(CANARY.passphrase);
      await ok('vault.lock', {});
      await ok('vault.unlock', { passphrase: CANARY.passphrase });
      await ok('cases.years', {});
      await ok('vault.lock', {});

      const heap = await core.snapshot();
      expect(heap.length).toBeGreaterThan(1_000_000);
      expect(heap.indexOf(Buffer.from(CANARY.passphrase))).toBe(-1);
      for (const key of [oldKey, newKey]) {
        const literal = rawKeyLiteral(key);
        const hex = literal.subarray(2, -1);
        expect(heap.indexOf(literal)).toBe(-1);
        expect(heap.indexOf(hex)).toBe(-1);
        expect(heap.indexOf(Buffer.from(hex.map((byte) => (byte >= 0x61 ? byte - 0x20 : byte))))).toBe(-1);
        literal.fill(0);
        key.fill(0);
      }
    } finally {
      client.stop();
    }
  }, 120_000);
});
