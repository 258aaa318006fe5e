import { create } from 'zustand';
import { keepDraftsThroughRestart } from '../drafts/keptInWindow';

type CoreFailure = 'CORE_TIMEOUT' | 'CORE_STOPPED';

/**
 * What main said about the core process, shown in words: a restart after a request past its
 * deadline until the next unlock, a core that kept stopping until the app starts again. Not
 * cleared at a lock: the lock is what follows it.
 */
export const useCoreFailure = create<{ code: CoreFailure | null }>(() => ({ code: null }));

/** Heard before the "locked" that clears the forms: after a restart the typed work is kept for the next unlock. */
export function coreFailed(code: CoreFailure): void {
  if (code === 'CORE_TIMEOUT') keepDraftsThroughRestart();
  useCoreFailure.setState({ code });
}

/** An after-unlock step: the core answers again. */
export async function coreAnswersAgain(): Promise<void> {
  useCoreFailure.setState({ code: null });
}
