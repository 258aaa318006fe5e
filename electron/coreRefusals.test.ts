import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { VaultEvent } from '../shared/events';
import { CANARY } from '../test/fixtures/canaries';
import { pastedText } from '../test/fixtures/pastedText';
import { forkNodeCore } from '../test/support/nodeCoreProcess';
import { temporaryDirectory } from '../test/support/temporaryDirectory';
import { nodeAddonPath } from './core/vault/sqliteAddon';
import { CoreClient } from './coreProcess/coreClient';

/**
 * The core never dies on a request: the built core in its own process, reached through main's
 * core client as the window reaches it. Before these guards a new passphrase of 1,025 characters
 * kept the core busy for seconds, 10,000 overflowed zxcvbn's stack and ended the process, and
 * 30 MB blocked it for minutes.
 */
const CORE = resolve(__dirname, '../out/main/coreProcess.js');
const DISTURBED_CORE = resolve(__dirname, '../test/support/disturbedCore.cjs');
const folder = temporaryDirectory();
afterAll(() => folder.remove());

/** A recovery key of the right form, for requests whose other field carries the pasted text. */
const RECOVERY_KEY = 'ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789-ABCD-EFGH-JKLM-NPQR-STUV';

/** Every request that takes a passphrase or a recovery key, with the pasted text in each such field in turn. */
const requestsCarrying = (text: string): [string, unknown][] => [
  ['vault.create', { passphrase: text, function: 'ombudsperson' }],
  ['vault.unlock', { passphrase: text }],
  ['vault.recover', { recoveryKey: text, newPassphrase: CANARY.otherPassphrase }],
  ['vault.recover', { recoveryKey: RECOVERY_KEY, newPassphrase: text }],
  ['vault.changePassphrase', { current: text, next: CANARY.otherPassphrase }],
  ['vault.changePassphrase', { current: CANARY.passphrase, next: text }],
  ['vault.newRecoveryKey', { passphrase: text }],
  ['vault.rotateKey', { passphrase: text }],
  ['vault.saveRecoverySheet', { recoveryKey: text }],
  ['backup.restore', { passphrase: text }],
  ['backup.restore', { passphrase: CANARY.passphrase, current: { passphrase: text } }],
  ['backup.restore', { passphrase: CANARY.passphrase, current: { recoveryKey: text } }],
];

function clientOn(entry: string, args: string[] = [], onStderr?: (text: string) => void) {
  const pids: number[] = [];
  const events: VaultEvent[] = [];
  const client = new CoreClient({
    fork: () => {
      const handle = forkNodeCore(entry, { args, onStderr });
      pids.push(handle.pid);
      return handle;
    },
    dataDirectory: join(folder.path, `data-${Math.random().toString(36).slice(2)}`),
    nativeBinding: nodeAddonPath(),
    shell: async () => null,
  });
  client.onEvent((event) => events.push(event));
  return { client, pids, events };
}

beforeAll(() => {
  if (!existsSync(CORE)) throw new Error('Build the app first (npm test does): out/main/coreProcess.js is missing.');
});

describe('a passphrase or recovery key far too long', () => {
  it.each([
    ['1,025 characters', 1_025],
    ['10,000 characters', 10_000],
    ['30 MB', 30_000_000],
  ])('of %s is refused in under 50 ms on every channel that takes one, and the core keeps its key', async (_size, length) => {
    const { client, pids, events } = clientOn(CORE);
    try {
      expect(await client.invoke('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' })).toMatchObject({ ok: true });
      const text = pastedText(length);
      const answers: { channel: string; code: string | undefined; ms: number }[] = [];
      for (const [channel, request] of requestsCarrying(text)) {
        const started = performance.now();
        const result = await client.invoke(channel, request);
        answers.push({ channel, code: result.ok ? undefined : result.error.code, ms: performance.now() - started });
      }
      expect(answers.map(({ channel, code }) => ({ channel, code }))).toEqual(requestsCarrying('').map(([channel]) => ({ channel, code: 'INVALID_INPUT' })));
      expect(Math.max(...answers.map(({ ms }) => ms))).toBeLessThan(50);
      // The same process still holds the key: it neither died nor was restarted.
      expect(await client.invoke('vault.status', {})).toEqual({ ok: true, value: { exists: true, unlocked: true, unlockDelaySeconds: 0 } });
      expect(pids).toHaveLength(1);
      expect(events).toEqual([]);
    } finally {
      client.stop();
    }
  });
});

describe('what no request can cause but the core must outlive', () => {
  it('logs a promise rejected with nobody listening by its event name only, and carries on with the key', async () => {
    let logged = '';
    const { client, pids, events } = clientOn(DISTURBED_CORE, [CORE, 'reject', 'vault.status'], (text) => (logged += text));
    try {
      expect(await client.invoke('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' })).toMatchObject({ ok: true });
      expect(await client.invoke('vault.status', { note: CANARY.noteWord })).toEqual({ ok: false, error: { code: 'INVALID_INPUT' } });
      await vi.waitFor(() => expect(logged).toContain('{"event":"unhandled_rejection"}'));
      expect(await client.invoke('settings.get', {})).toMatchObject({ ok: true });
      expect(await client.invoke('cases.years', {})).toMatchObject({ ok: true });
      expect(pids).toHaveLength(1);
      expect(events).toEqual([]);
      expect(logged).not.toContain(CANARY.noteWord);
    } finally {
      client.stop();
    }
  });

  it('ends on an exception nobody caught, naming only the event, and main starts a fresh core', async () => {
    let logged = '';
    const { client, pids, events } = clientOn(DISTURBED_CORE, [CORE, 'throw', 'vault.status'], (text) => (logged += text));
    try {
      expect(await client.invoke('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' })).toMatchObject({ ok: true });
      await client.invoke('vault.status', { note: CANARY.noteWord });
      await vi.waitFor(() => expect(pids).toHaveLength(2));
      expect(logged).toContain('{"event":"uncaught_exception"}');
      expect(logged).not.toContain(CANARY.noteWord);
      expect(events).toEqual([{ type: 'locked', reason: 'internal' }]);
      expect(await client.invoke('settings.get', {})).toMatchObject({ ok: true });
    } finally {
      client.stop();
    }
  });
});
