import { invoke } from '../api/client';
import { useNavigationStore } from '../stores/navigationStore';
import { useDraftStore } from './draftStore';
import { takeDraftsKeptThroughRestart } from './keptInWindow';
import { openForms } from './openForms';

/**
 * Runs before every lock: each form writes what waits of its draft (the last second of typing),
 * with the screen it is on, so the unlock can bring the adviser back to it. Drafts not yet shown
 * since the unlock are in the vault already.
 */
export async function keepDirtyFormsAsDrafts(): Promise<void> {
  await Promise.all(openForms().map((form) => form.keep()));
}

/**
 * Runs right after every unlock: the drafts come back from the vault, and the adviser to the
 * screen of the newest, where its form gets the caret; without a draft, to Today, where what is
 * due waits. Reading them leaves them in the vault.
 */
export async function restoreDrafts(): Promise<void> {
  const kept = takeDraftsKeptThroughRestart();
  // Held in the window through a restart of the core, newer than the vault's: into it at once, so a crash now does not lose them.
  for (const { savedAt: _savedAt, ...draft } of kept.toReversed()) await invoke('drafts.save', draft);
  const drafts = [...kept, ...(await invoke('drafts.list', {}))];
  const newest = drafts[0];
  if (!newest) {
    useNavigationStore.setState({ view: { name: 'today' } });
    return;
  }
  // Newest first: where a form has two, the newer one wins.
  useDraftStore.setState({ waiting: Object.fromEntries(drafts.toReversed().map((draft) => [draft.key, draft])), caretFor: newest.key });
  useNavigationStore.setState({ view: newest.view });
}
