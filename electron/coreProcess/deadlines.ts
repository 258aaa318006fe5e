import type { Channel } from '../../shared/contract';

/** Reads and saves of one record or one list: well under a second even at 100,000 conversations. */
const ORDINARY_MS = 30_000;
/**
 * Argon2, which creation, recovery and a passphrase change run more than once, and at an unlock
 * the check of the backup made at the last lock; a slow machine takes ten times the build machine.
 */
const KEY_WORK_MS = 3 * 60_000;
/**
 * One phase of a long operation (a copy of the vault, a re-key, the search index rebuilt): 2.8–4.4 s
 * for a whole backup at 100,000 conversations on the build machine. Each progress report the
 * operation sends starts the count again.
 */
const LONG_PHASE_MS = 10 * 60_000;

/** Contract channels (a misspelt one does not compile), in which any value can be looked up. */
const channels = (...names: Channel[]): ReadonlySet<unknown> => new Set(names);

const KEY_WORK = channels('vault.create', 'vault.unlock', 'vault.recover', 'vault.changePassphrase', 'vault.newRecoveryKey', 'vault.saveRecoverySheet');

/**
 * The channels that run a long operation (shared/events.ts, OPERATION_PHASES), and those that do
 * as much work without reporting phases: a backup made before stale ones go, a publication written.
 */
const LONG = channels(
  'backup.now',
  'backup.restore',
  'retention.destroy',
  'retention.deleteStaleBackups',
  'vault.rotateKey',
  'export.preview',
  'export.save',
  'team.import',
  'team.savePublication',
  'handover.previewExport',
  'handover.saveExport',
  'handover.send',
  'handover.receive',
  'handover.confirm',
  'access.saveDossier',
  'access.erase',
);

/** How long the core may work on a request on this channel, counted from when it started it. */
export function deadlineOf(channel: unknown): number {
  if (LONG.has(channel)) return LONG_PHASE_MS;
  return KEY_WORK.has(channel) ? KEY_WORK_MS : ORDINARY_MS;
}

/** Whether the operation on this channel reports progress, each report starting its deadline again. */
export function extendedByProgress(channel: unknown): boolean {
  return LONG.has(channel);
}

interface Running {
  channel: unknown;
  dueAt: number;
}

/**
 * The requests the core has started and when each is due. The core does one step at a time, so
 * a request started later may be what an earlier one is waiting behind: the core counts as stuck
 * only once every request it has started is overdue. While the core waits for the adviser's
 * dialog (a shell call) no deadline runs; each counts again from the answer.
 */
export class Deadlines {
  private readonly running = new Map<number, Running>();
  private shellCalls = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly deadlineOf: (channel: unknown) => number,
    private readonly stuck: () => void,
  ) {}

  started(id: number, channel: unknown): void {
    this.running.set(id, { channel, dueAt: Date.now() + this.deadlineOf(channel) });
    this.schedule();
  }

  finished(id: number): void {
    if (this.running.delete(id)) this.schedule();
  }

  /** A long operation reached its next phase. */
  progressed(): void {
    this.restart((channel) => extendedByProgress(channel));
  }

  shellCalled(): void {
    this.shellCalls += 1;
    this.schedule();
  }

  shellAnswered(): void {
    this.shellCalls -= 1;
    if (this.shellCalls === 0) this.restart(() => true);
  }

  /** Asks again after `ms` instead of now: a restore swapping the vault's folder is never interrupted. */
  askAgainIn(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.stuck(), ms);
  }

  /** The process is gone: nothing it started is waited for any more. */
  clear(): void {
    clearTimeout(this.timer);
    this.running.clear();
    this.shellCalls = 0;
  }

  private restart(which: (channel: unknown) => boolean): void {
    const now = Date.now();
    for (const request of this.running.values()) if (which(request.channel)) request.dueAt = now + this.deadlineOf(request.channel);
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.running.size === 0 || this.shellCalls > 0) return;
    const lastDue = Math.max(...[...this.running.values()].map((request) => request.dueAt));
    this.timer = setTimeout(() => this.stuck(), Math.max(0, lastDue - Date.now()));
  }
}
