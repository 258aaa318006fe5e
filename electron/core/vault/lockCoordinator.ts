import { LOCK_DEADLINE_MS, type LockReason } from '../../../shared/events';
import type { CoreEvents } from '../events';
import type { VaultSession } from './vaultSession';

/** Locks with no window left to tell. */
const WINDOWLESS: readonly LockReason[] = ['windowClosed'];

/**
 * The one lock path. Whatever starts a lock (the window, the menu, idle, suspend, screen lock,
 * shutdown) asks here: the window is told "locking" and may answer `vault.lockReady` once its
 * work is saved; at the deadline the vault locks regardless, so a hung window never keeps the key.
 */
export class LockCoordinator {
  private pending: { done: Promise<void>; release: () => void } | null = null;
  private reason: LockReason | null = null;

  constructor(
    private readonly vault: VaultSession,
    private readonly events: CoreEvents,
    private readonly deadlineMs = LOCK_DEADLINE_MS,
  ) {
    vault.onLock(() => events.emit({ type: 'locked', reason: this.reason ?? 'internal' }));
  }

  request(reason: LockReason, deadlineMs = this.deadlineMs): Promise<void> {
    if (!this.vault.isUnlocked) return Promise.resolve();
    if (this.pending) return this.pending.done;
    if (!this.events.hasListeners || deadlineMs <= 0 || WINDOWLESS.includes(reason)) {
      this.lockNow(reason);
      return Promise.resolve();
    }
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const timer = setTimeout(release, deadlineMs);
    const done = released.then(() => {
      clearTimeout(timer);
      this.pending = null;
      this.lockNow(reason);
    });
    this.pending = { done, release };
    this.events.emit({ type: 'locking', reason, deadlineMs });
    return done;
  }

  /** The window has saved its work. */
  ready(): void {
    this.pending?.release();
  }

  private lockNow(reason: LockReason): void {
    this.reason = reason;
    try {
      this.vault.lock();
    } finally {
      this.reason = null;
    }
  }
}
