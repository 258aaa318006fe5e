/**
 * What the core tells the window without being asked: a lock is coming or has happened, a long
 * operation moved to its next phase, the vault or the app turned out damaged (and what main adds:
 * the core process was restarted or stopped). One channel, core → renderer; the window never has
 * to poll.
 */

/**
 * Everything that can start a lock. All of them go through the core's one lock path.
 * `windowClosing`: the adviser closes the window and keeps a dirty form as a draft first.
 */
export const LOCK_REASONS = ['renderer', 'idle', 'menu', 'suspend', 'screenLock', 'shutdown', 'sessionEnd', 'quit', 'windowClosing', 'windowClosed'] as const;
export type LockReason = (typeof LOCK_REASONS)[number];

/**
 * How long the window has to save what it must before the key is dropped anyway. Shared because
 * main needs it too: it stops a core that has not confirmed a lock well past this deadline.
 */
export const LOCK_DEADLINE_MS = 2_000;

/**
 * The phases of each long operation, in order. SQLite reports no progress inside a VACUUM or a
 * re-key, so a phase is the finest step there is.
 */
export const OPERATION_PHASES = {
  backup: ['snapshot', 'verify', 'prune'],
  // The backup's passphrase and pages are checked before anything of the current vault moves.
  restore: ['unlock', 'verify', 'copy'],
  retention: ['delete', 'reindex', 'rewrite'],
  rotation: ['confirm', 'rekey', 'header'],
  export: ['count', 'format'],
  import: ['check', 'store'],
} as const;

export type LongOperation = keyof typeof OPERATION_PHASES;
export type PhaseOf<O extends LongOperation> = (typeof OPERATION_PHASES)[O][number];

export type ProgressEvent = {
  [O in LongOperation]: { type: 'progress'; operation: O; phase: PhaseOf<O>; step: number; steps: number; done: boolean };
}[LongOperation];

export type VaultEvent =
  /** The vault locks in `deadlineMs` at the latest; the window saves what it must and answers `vault.lockReady`. */
  | { type: 'locking'; reason: LockReason; deadlineMs: number }
  /** The key is gone; `internal` when the core locked on its own (damage, restore, a stopped core). */
  | { type: 'locked'; reason: LockReason | 'internal' }
  | ProgressEvent
  /** The vault file is damaged (offer a restore) or the app's own files are (reinstall). */
  | { type: 'damage'; code: 'CORRUPT_VAULT' | 'APP_DAMAGED' }
  /** The automatic backup at lock did not succeed; the adviser must know before trusting it. */
  | { type: 'autoBackupFailed' }
  /**
   * Main restarted the core process because a request ran past its deadline (`CORE_TIMEOUT`: the
   * vault is locked and unchanged), or stopped restarting it because it kept exiting (`CORE_STOPPED`).
   * Sent before the "locked" that follows, so the window can keep what was typed first.
   */
  | { type: 'coreFailed'; code: 'CORE_TIMEOUT' | 'CORE_STOPPED' };

/** The IPC channel main uses to pass events to the window. */
export const EVENT_CHANNEL = 'vault-event';
