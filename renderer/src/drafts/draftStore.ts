import type { Draft } from '../../../shared/contract';
import { createResettableStore } from '../stores/resettable';

interface DraftState {
  /** Drafts handed back after the unlock, by form, until their form takes them. */
  waiting: Record<string, Draft>;
}

export const useDraftStore = createResettableStore<DraftState>(() => ({ waiting: {} }));

/** Whether a form with this key has a draft waiting (a container opens that form). */
export function hasDraft(key: string): boolean {
  return key in useDraftStore.getState().waiting;
}

/** The form's draft, once: the form holds it from then on. */
export function takeDraft(key: string): Draft | null {
  const draft = useDraftStore.getState().waiting[key] ?? null;
  if (draft) {
    useDraftStore.setState(({ waiting }) => ({ waiting: Object.fromEntries(Object.entries(waiting).filter(([waitingKey]) => waitingKey !== key)) }));
  }
  return draft;
}
