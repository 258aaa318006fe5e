import type { CaseSummary, NewCase } from '../../../shared/contract';
import { invoke } from '../api/client';
import { createResettableStore } from './resettable';

interface CasesState {
  cases: CaseSummary[];
  loaded: boolean;
  load(): Promise<void>;
  add(input: NewCase): Promise<CaseSummary>;
}

export const useCasesStore = createResettableStore<CasesState>((set, get) => ({
  cases: [],
  loaded: false,
  async load() {
    set({ cases: await invoke('cases.list', {}), loaded: true });
  },
  async add(input) {
    const created = await invoke('cases.create', input);
    await get().load();
    return created;
  },
}));
