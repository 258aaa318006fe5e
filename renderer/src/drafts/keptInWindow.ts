import type { Draft, DraftInput } from '../../../shared/contract';
import { useNavigationStore } from '../stores/navigationStore';
import { useDraftStore } from './draftStore';
import { dirtyForms } from './openForms';

/** Each dirty form on screen as a draft, with the screen it is on. */
export function dirtyFormsAsDrafts(): DraftInput[] {
  const view = useNavigationStore.getState().view;
  return dirtyForms().map((form) => ({ key: form.key, caseId: form.caseId, view, content: form.content() }));
}

const keptNow = (drafts: DraftInput[]): Draft[] => {
  const savedAt = new Date().toISOString();
  return drafts.map((draft) => ({ ...draft, savedAt }));
};

/**
 * A screen broke while rendering: what its dirty forms hold waits in the draft store, as drafts
 * from the vault do after an unlock, so each form starts from it when it is shown again.
 */
export function keepDirtyFormsWaiting(): void {
  const kept = keptNow(dirtyFormsAsDrafts());
  if (kept.length > 0) useDraftStore.setState(({ waiting }) => ({ waiting: { ...waiting, ...Object.fromEntries(kept.map((draft) => [draft.key, draft])) } }));
}

/**
 * Held in the window only while the vault cannot take them: main restarted the core, whose key
 * died with it, so nothing can be saved until the next unlock.
 */
let keptThroughRestart: Draft[] = [];

/**
 * Runs before the "locked" that a restart brings clears the forms and the draft store. A second
 * restart before the unlock (the unlock itself ran late) keeps what the first one kept.
 */
export function keepDraftsThroughRestart(): void {
  const unopened = Object.values(useDraftStore.getState().waiting);
  keptThroughRestart = [...keptNow(dirtyFormsAsDrafts()), ...unopened, ...keptThroughRestart];
}

/** Once, at the unlock that follows: the newest first, newer than any draft the vault holds. */
export function takeDraftsKeptThroughRestart(): Draft[] {
  const taken = keptThroughRestart;
  keptThroughRestart = [];
  return taken;
}
