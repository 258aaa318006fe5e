import { invoke } from '../api/client';
import { useNavigationStore } from '../stores/navigationStore';
import { useDraftStore } from './draftStore';
import { dirtyForms } from './openForms';

/**
 * Runs before every lock: each dirty form goes into the vault as a draft, with the screen it is
 * on, so the unlock can bring the adviser back to it. Nothing is kept in the window itself.
 */
export async function keepDirtyFormsAsDrafts(): Promise<void> {
  const view = useNavigationStore.getState().view;
  const fromForms = dirtyForms().map((form) => ({ key: form.key, caseId: form.caseId, view, content: JSON.stringify(form.snapshot()) }));
  // Drafts handed back at the unlock whose form was never opened go back into the vault as they were.
  const unopened = Object.values(useDraftStore.getState().waiting).map(({ savedAt: _savedAt, ...draft }) => draft);
  await Promise.all([...unopened, ...fromForms].map((draft) => invoke('drafts.save', draft)));
}

/** Runs right after every unlock: the drafts come back from the vault, and the adviser to their screen. */
export async function restoreDrafts(): Promise<void> {
  const drafts = await invoke('drafts.take', {});
  const newest = drafts[0];
  if (!newest) return;
  useDraftStore.setState({ waiting: Object.fromEntries(drafts.map((draft) => [draft.key, draft])) });
  useNavigationStore.setState({ view: newest.view });
}
