import { create, type StateCreator, type StoreApi, type UseBoundStore } from 'zustand';

const resetters = new Set<() => void>();

/**
 * A zustand store that returns to its initial state when the vault locks. Every store that may
 * hold case data is made with this, so locking cannot forget one.
 */
export function createResettableStore<T extends object>(initializer: StateCreator<T>): UseBoundStore<StoreApi<T>> {
  const store = create<T>()(initializer);
  const initial = store.getState();
  resetters.add(() => store.setState(initial, true));
  return store;
}

export function resetAllStores(): void {
  for (const reset of resetters) reset();
}
