import type { Draft } from '../../../shared/contract';
import { createResettableStore } from '../stores/resettable';

interface DraftState {
  /** Drafts read after the unlock, by form, until their form takes them. */
  waiting: Record<string, Draft>;
  /** The form whose draft was written last: it gets the caret back when it shows. */
  caretFor: string | null;
}

export const useDraftStore = createResettableStore<DraftState>(() => ({ waiting: {}, caretFor: null }));

/** Whether a form with this key has a draft waiting (a container opens that form). */
export function hasDraft(key: string): boolean {
  return key in useDraftStore.getState().waiting;
}

/** The form's draft, once: the form holds it from then on. `withCaret`: the form is the one to get the caret. */
export function takeDraft(key: string): { draft: Draft; withCaret: boolean } | null {
  const { waiting, caretFor } = useDraftStore.getState();
  const draft = waiting[key];
  if (!draft) return null;
  useDraftStore.setState({ waiting: Object.fromEntries(Object.entries(waiting).filter(([waitingKey]) => waitingKey !== key)), caretFor: caretFor === key ? null : caretFor });
  return { draft, withCaret: caretFor === key };
}
