import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { VaultEvent } from '../shared/events';
import { CANARY } from '../test/fixtures/canaries';
import { caseInput } from '../test/fixtures/records';
import { forkNodeCore } from '../test/support/nodeCoreProcess';
import { temporaryDirectory } from '../test/support/temporaryDirectory';
import { nodeAddonPath } from './core/vault/sqliteAddon';
import { CoreClient } from './coreProcess/coreClient';

/**
 * Every request has a deadline: the built core in its own process, made to hang for good once it
 * has started a `cases.years` (test/support/disturbedCore.cjs blocks the process there, as a step
 * that never ends would), reached through main's core client as the window reaches it.
 */
const CORE = resolve(__dirname, '../out/main/coreProcess.js');
const DISTURBED_CORE = resolve(__dirname, '../test/support/disturbedCore.cjs');
/** Short for the test; the app's own are in electron/coreProcess/deadlines.ts. */
const DEADLINE_MS = 1_500;
const folder = temporaryDirectory();
afterAll(() => folder.remove());

beforeAll(() => {
  if (!existsSync(CORE)) throw new Error('Build the app first (npm test does): out/main/coreProcess.js is missing.');
});

/** Every file under the data folder, byte for byte, but SQLite's shared-memory WAL index, which holds no data. */
function filesUnder(directory: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && !entry.name.endsWith('-shm')) files[path] = readFileSync(path).toString('base64');
  }
  return files;
}

describe('a request the core never finishes', () => {
  it('is answered CORE_TIMEOUT at its deadline, the window is told and then hears "locked", a fresh core starts, and the vault on disk is as it was', async () => {
    const dataDirectory = join(folder.path, 'data');
    const pids: number[] = [];
    const client = new CoreClient({
      fork: () => {
        const handle = forkNodeCore(DISTURBED_CORE, { args: [CORE, 'hang', 'cases.years'] });
        pids.push(handle.pid);
        return handle;
      },
      dataDirectory,
      nativeBinding: nodeAddonPath(),
      shell: async () => null,
      deadlineOf: (channel) => (channel === 'cases.years' ? DEADLINE_MS : 120_000),
    });
    const events: VaultEvent[] = [];
    client.onEvent((event) => {
      events.push(event);
      // The window's part of a lock: nothing to save here.
      if (event.type === 'locking') void client.invoke('vault.lockReady', {});
    });
    const ok = async (channel: string, request: unknown) => {
      const result = await client.invoke(channel, request);
      if (!result.ok) throw new Error(`${channel} failed with ${result.error.code}`);
      return result.value;
    };
    try {
      await ok('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
      const { id } = (await ok('cases.create', caseInput())) as { id: number };
      await client.requestLock('menu');
      await ok('vault.unlock', { passphrase: CANARY.passphrase });
      const before = filesUnder(dataDirectory);
      const eventsBefore = events.length;

      const askedAt = performance.now();
      const answer = await client.invoke('cases.years', {});
      const waited = performance.now() - askedAt;
      expect(answer).toEqual({ ok: false, error: { code: 'CORE_TIMEOUT' } });
      expect(waited).toBeGreaterThanOrEqual(DEADLINE_MS);
      expect(waited).toBeLessThan(DEADLINE_MS + 1_000);

      await vi.waitFor(() => expect(pids).toHaveLength(2));
      expect(events.slice(eventsBefore)).toEqual([
        { type: 'coreFailed', code: 'CORE_TIMEOUT' },
        { type: 'locked', reason: 'internal' },
      ]);
      expect(await ok('vault.status', {})).toEqual({ exists: true, unlocked: false, unlockDelaySeconds: 0 });
      expect(filesUnder(dataDirectory)).toEqual(before);
      await ok('vault.unlock', { passphrase: CANARY.passphrase });
      expect(await ok('cases.get', { id })).toMatchObject({ id, label: caseInput().label });
    } finally {
      client.stop();
    }
  });
});
