import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VaultEvent } from '../shared/events';
import { pastedText } from '../test/fixtures/pastedText';
import { CoreClient, type CoreClientOptions } from './coreProcess/coreClient';
import type { CoreProcessHandle, CoreToMain, MainToCore } from './coreProcess/protocol';

/** A core process that takes messages and answers nothing, as one busy in a long operation does. */
function busyCore() {
  const forks: { sent: MainToCore[]; kills: number; say: (message: CoreToMain) => void; exit: () => void }[] = [];
  const fork = (): CoreProcessHandle => {
    let listener: (message: CoreToMain) => void = () => undefined;
    let exitListener: (code: number) => void = () => undefined;
    const entry = { sent: [] as MainToCore[], kills: 0, say: (message: CoreToMain) => listener(message), exit: () => exitListener(1) };
    forks.push(entry);
    return {
      postMessage: (message) => entry.sent.push(message),
      onMessage: (next) => (listener = next),
      onExit: (next) => (exitListener = next),
      kill: () => {
        entry.kills += 1;
        entry.exit();
      },
    };
  };
  return { forks, fork };
}

const restoreAt = (phase: 'unlock' | 'verify' | 'copy', done: boolean): CoreToMain => ({
  type: 'event',
  event: { type: 'progress', operation: 'restore', phase, step: ['unlock', 'verify', 'copy'].indexOf(phase) + 1, steps: 3, done },
});

describe('a lock the core does not confirm in time', () => {
  it('stops the core once overdue, and the window hears "locked"', async () => {
    const core = busyCore();
    const client = new CoreClient({ fork: core.fork, dataDirectory: '/nowhere', nativeBinding: '/nowhere', shell: async () => null, lockTimeoutMs: 30 });
    const events: VaultEvent[] = [];
    client.onEvent((event) => events.push(event));
    await client.requestLock('suspend');
    expect(core.forks[0]!.kills).toBe(1);
    expect(events).toEqual([{ type: 'locked', reason: 'internal' }]);
    expect(core.forks).toHaveLength(2);
  });

  it('waits while a restore swaps the vault folder, and stops the core as soon as the swap is over', async () => {
    vi.useFakeTimers();
    try {
      const core = busyCore();
      const client = new CoreClient({ fork: core.fork, dataDirectory: '/nowhere', nativeBinding: '/nowhere', shell: async () => null, lockTimeoutMs: 30 });
      const first = core.forks[0]!;
      first.say(restoreAt('verify', false));
      first.say(restoreAt('copy', false));
      const locked = client.requestLock('screenLock');
      await vi.advanceTimersByTimeAsync(5_000);
      expect(first.kills).toBe(0);
      first.say(restoreAt('copy', true));
      await vi.advanceTimersByTimeAsync(1_000);
      expect(first.kills).toBe(1);
      await locked;
    } finally {
      vi.useRealTimers();
    }
  });
});

const started = (id: number): CoreToMain => ({ type: 'started', id });
const answered = (id: number): CoreToMain => ({ type: 'response', id, result: { ok: true, value: {} } });
const backupAt = (phase: 'snapshot' | 'verify' | 'prune'): CoreToMain => ({
  type: 'event',
  event: { type: 'progress', operation: 'backup', phase, step: ['snapshot', 'verify', 'prune'].indexOf(phase) + 1, steps: 3, done: false },
});
/** Short deadlines for the test: a long operation 10 s a phase, anything else 1 s. */
const testDeadlines = (channel: unknown) => (channel === 'backup.now' || channel === 'backup.restore' || channel === 'export.save' ? 10_000 : 1_000);
const requestIds = (sent: MainToCore[]) => sent.flatMap((message) => (message.type === 'request' ? [message.id] : []));

describe('a request past its deadline', () => {
  function clientOnBusyCore(shell: CoreClientOptions['shell'] = async () => null) {
    const core = busyCore();
    const client = new CoreClient({ fork: core.fork, dataDirectory: '/nowhere', nativeBinding: '/nowhere', shell, deadlineOf: testDeadlines });
    const events: VaultEvent[] = [];
    client.onEvent((event) => events.push(event));
    return { core, client, events, first: core.forks[0]! };
  }

  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('counts from when the core starts it: a draft save queued behind a backup is not late; stuck, the window hears CORE_TIMEOUT, then "locked", and a fresh core starts', async () => {
    const { core, client, events, first } = clientOnBusyCore();
    const backup = client.invoke('backup.now', {});
    const draft = client.invoke('drafts.save', {});
    const [backupId, draftId] = requestIds(first.sent);
    first.say(started(backupId!));
    await vi.advanceTimersByTimeAsync(8_000);
    first.say(answered(backupId!));
    expect(await backup).toEqual({ ok: true, value: {} });
    first.say(started(draftId!));
    await vi.advanceTimersByTimeAsync(900);
    expect(first.kills).toBe(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(first.kills).toBe(1);
    expect(await draft).toEqual({ ok: false, error: { code: 'CORE_TIMEOUT' } });
    expect(events).toEqual([
      { type: 'coreFailed', code: 'CORE_TIMEOUT' },
      { type: 'locked', reason: 'internal' },
    ]);
    expect(core.forks).toHaveLength(2);
  });

  it('is not called stuck while a request started later is within its own: the earlier one may wait behind it', async () => {
    const { client, first } = clientOnBusyCore();
    void client.invoke('cases.list', {});
    void client.invoke('backup.now', {});
    const [listId, backupId] = requestIds(first.sent);
    first.say(started(listId!));
    first.say(started(backupId!));
    await vi.advanceTimersByTimeAsync(9_900);
    expect(first.kills).toBe(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(first.kills).toBe(1);
  });

  it('starts a long operation’s deadline again at each phase it reports', async () => {
    const { client, first } = clientOnBusyCore();
    void client.invoke('backup.now', {});
    first.say(started(requestIds(first.sent)[0]!));
    for (const phase of ['snapshot', 'verify', 'prune'] as const) {
      await vi.advanceTimersByTimeAsync(9_000);
      first.say(backupAt(phase));
    }
    await vi.advanceTimersByTimeAsync(9_000);
    expect(first.kills).toBe(0);
    await vi.advanceTimersByTimeAsync(1_100);
    expect(first.kills).toBe(1);
  });

  it('runs no deadline while the core waits for the adviser’s dialog, and counts afresh from the answer', async () => {
    let choose: (path: string) => void = () => undefined;
    const { client, first } = clientOnBusyCore(() => new Promise((resolve) => (choose = resolve)));
    void client.invoke('cases.get', { id: 1 });
    first.say(started(requestIds(first.sent)[0]!));
    first.say({ type: 'shell', id: 1, method: 'chooseSavePath', argument: 'export.json' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(first.kills).toBe(0);
    choose('/home/adviser/export.json');
    await vi.advanceTimersByTimeAsync(900);
    expect(first.sent.at(-1)).toEqual({ type: 'shellAnswer', id: 1, value: '/home/adviser/export.json', failed: false });
    expect(first.kills).toBe(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(first.kills).toBe(1);
  });

  it('waits while a restore swaps the vault folder, and stops the core as soon as the swap is over', async () => {
    const { client, first } = clientOnBusyCore();
    void client.invoke('backup.restore', { passphrase: 'x' });
    first.say(started(requestIds(first.sent)[0]!));
    first.say(restoreAt('copy', false));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(first.kills).toBe(0);
    first.say(restoreAt('copy', true));
    await vi.advanceTimersByTimeAsync(9_900);
    expect(first.kills).toBe(0);
    await vi.advanceTimersByTimeAsync(500);
    expect(first.kills).toBe(1);
  });
});

describe('a request far larger than any the contract allows', () => {
  it('is refused with INVALID_INPUT before it reaches the core, while the largest legitimate one (a 2,000,000-character team import) passes', async () => {
    const core = busyCore();
    const client = new CoreClient({ fork: core.fork, dataDirectory: '/nowhere', nativeBinding: '/nowhere', shell: async () => null });
    const refused = [
      { content: pastedText(30_000_000), replace: [], acceptUnsealed: false },
      { content: '', replace: Array.from({ length: 2_000_000 }, (_, index) => index), acceptUnsealed: false },
      { content: '', replace: [], acceptUnsealed: false, extra: Object.fromEntries(Array.from({ length: 1_000_000 }, (_, index) => [`k${index}`, index])) },
    ];
    const answers = refused.map((request) => client.invoke('team.import', request));
    expect(requestIds(core.forks[0]!.sent)).toEqual([]);
    expect(await Promise.all(answers)).toEqual(refused.map(() => ({ ok: false, error: { code: 'INVALID_INPUT' } })));
    void client.invoke('team.import', { content: pastedText(2_000_000), replace: Array.from({ length: 100 }, () => crypto.randomUUID()), acceptUnsealed: false });
    expect(requestIds(core.forks[0]!.sent)).toHaveLength(1);
  });
});

describe('a core process that keeps exiting', () => {
  it('is no longer restarted: requests answer CORE_STOPPED, not APP_DAMAGED, the window hears it, and a restart the adviser asks for starts it again', async () => {
    const core = busyCore();
    const client = new CoreClient({ fork: core.fork, dataDirectory: '/nowhere', nativeBinding: '/nowhere', shell: async () => null });
    const events: VaultEvent[] = [];
    client.onEvent((event) => events.push(event));
    for (let exit = 0; exit < 4; exit++) core.forks.at(-1)!.exit();
    expect(core.forks).toHaveLength(4);
    expect(events.at(-1)).toEqual({ type: 'coreFailed', code: 'CORE_STOPPED' });
    expect(events.filter((event) => event.type === 'damage')).toEqual([]);
    expect(await client.invoke('vault.status', {})).toEqual({ ok: false, error: { code: 'CORE_STOPPED' } });
    client.restartAfterStop();
    expect(core.forks).toHaveLength(5);
    void client.invoke('vault.status', {});
    expect(requestIds(core.forks[4]!.sent)).toHaveLength(1);
  });
});
