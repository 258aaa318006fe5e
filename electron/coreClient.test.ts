import { describe, expect, it, vi } from 'vitest';
import type { VaultEvent } from '../shared/events';
import { CoreClient } from './coreProcess/coreClient';
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
