import { createResettableStore } from './resettable';

interface RestoreState {
  /** What the last restore brought back, shown on the restore form until the vault locks. */
  restored: { madeAt: string; cases: number } | null;
}

export const useRestoreStore = createResettableStore<RestoreState>(() => ({ restored: null }));
