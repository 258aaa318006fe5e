import { createResettableStore } from '../stores/resettable';

/** How long "Draft thrown away — Undo" stays. */
export const UNDO_MS = 10_000;

export interface UndoOffer {
  /** The form's discard that threw the draft away: its notice shows the offer. */
  discard: () => void;
  undo(): void;
}

/** The last draft thrown away, for a few seconds; the lock clears it with every other store. */
export const useDiscardUndo = createResettableStore<{ offer: UndoOffer | null }>(() => ({ offer: null }));

export function offerUndo(offer: UndoOffer): void {
  useDiscardUndo.setState({ offer });
  window.setTimeout(() => {
    if (useDiscardUndo.getState().offer === offer) useDiscardUndo.setState({ offer: null });
  }, UNDO_MS);
}

export function takeUndo(offer: UndoOffer): void {
  if (useDiscardUndo.getState().offer !== offer) return;
  useDiscardUndo.setState({ offer: null });
  offer.undo();
}
