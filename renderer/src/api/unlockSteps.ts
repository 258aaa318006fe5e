type Step = () => Promise<void>;

const steps = new Set<Step>();

/**
 * Registers work that must be done after every unlock before the vault's screens show (open
 * forms' drafts coming back): the mirror of `saveBeforeLock`.
 */
export function restoreAfterUnlock(step: Step): () => void {
  steps.add(step);
  return () => steps.delete(step);
}

/** Runs what is registered; a step that fails fails the unlock, as the adviser must hear of it. */
export async function runAfterUnlockSteps(): Promise<void> {
  await Promise.all([...steps].map((step) => step()));
}
