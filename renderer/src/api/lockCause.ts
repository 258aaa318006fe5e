import type { LockReason } from '../../../shared/events';
import { useDraftStore } from '../drafts/draftStore';
import { dirtyForms } from '../drafts/openForms';

/** Why the vault locked, as the unlock screen tells the adviser. */
export type LockCause = 'adviser' | 'idle' | 'suspend' | 'screenLock' | 'shutdown' | 'failure';

/** What the unlock screen says about the last lock. */
export interface LockedBecause {
  cause: LockCause;
  /** Something typed was on screen: it went into the vault (or the window, through a core restart) and comes back at the unlock. */
  typingKept: boolean;
}

/** A lock of a closing window or app has no screen left to explain it on. */
const CAUSES: Record<LockReason | 'internal', LockCause | null> = {
  renderer: 'adviser',
  menu: 'adviser',
  idle: 'idle',
  suspend: 'suspend',
  screenLock: 'screenLock',
  shutdown: 'shutdown',
  sessionEnd: 'shutdown',
  internal: 'failure',
  quit: null,
  windowClosing: null,
  windowClosed: null,
};

export const causeOf = (reason: LockReason | 'internal'): LockCause | null => CAUSES[reason];

/** Read while the forms are still on screen, before the lock clears them. */
export function lockedBecause(cause: LockCause | null): LockedBecause | null {
  if (!cause) return null;
  return { cause, typingKept: dirtyForms().length > 0 || Object.keys(useDraftStore.getState().waiting).length > 0 };
}
