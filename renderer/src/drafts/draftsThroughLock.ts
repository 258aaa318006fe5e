import { invoke } from '../api/client';
import { useNavigationStore } from '../stores/navigationStore';
import { useDraftStore } from './draftStore';
import { dirtyFormsAsDrafts, takeDraftsKeptThroughRestart } from './keptInWindow';

/**
 * Runs before every lock: each dirty form goes into the vault as a draft, with the screen it is
 * on, so the unlock can bring the adviser back to it. Nothing is kept in the window itself (but
 * across a restart of the core, when the vault cannot take drafts: ./keptInWindow.ts).
 */
export async function keepDirtyFormsAsDrafts(): Promise<void> {
  const fromForms = dirtyFormsAsDrafts();
  // Drafts handed back at the unlock whose form was never opened go back into the vault as they were.
  const unopened = Object.values(useDraftStore.getState().waiting).map(({ savedAt: _savedAt, ...draft }) => draft);
  await Promise.all([...unopened, ...fromForms].map((draft) => invoke('drafts.save', draft)));
}

/** Runs right after every unlock: the drafts come back from the vault, and the adviser to their screen. */
export async function restoreDrafts(): Promise<void> {
  const fromVault = await invoke('drafts.take', {});
  const drafts = [...takeDraftsKeptThroughRestart(), ...fromVault];
  const newest = drafts[0];
  if (!newest) return;
  // Newest first: where a form has two, the newer one wins.
  useDraftStore.setState({ waiting: Object.fromEntries(drafts.toReversed().map((draft) => [draft.key, draft])) });
  useNavigationStore.setState({ view: newest.view });
}
