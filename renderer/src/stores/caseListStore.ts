import type { CaseFilter, CaseListRequest, CaseSummary, SignalSearchResponse } from '../../../shared/contract';
import { CASE_LIST_PAGE } from '../../../shared/limits';
import { invoke } from '../api/client';
import { i18n } from '../i18n/i18n';
import { createResettableStore } from './resettable';

export const PAGE_SIZE = CASE_LIST_PAGE;

export const NO_FILTER: CaseFilter = { status: null, year: null, nature: null, intakeRoute: null, openWithoutResponse: false, search: '' };

interface CaseListState {
  filter: CaseFilter;
  sort: CaseListRequest['sort'];
  total: number | null;
  /** Loaded pages by index: the list is virtualised, so only what scrolls into view is fetched. */
  pages: Record<number, CaseSummary[]>;
  years: number[];
  /** Signals holding the typed words, listed under the cases; null without a search. */
  signalHits: SignalSearchResponse | null;
  /** Bumped on every new query, so answers to an older query are dropped. */
  generation: number;
  setFilter(changes: Partial<CaseFilter>): Promise<void>;
  setSort(sort: CaseListRequest['sort']): Promise<void>;
  reload(): Promise<void>;
  ensureRows(first: number, last: number): Promise<void>;
  rowAt(index: number): CaseSummary | undefined;
}

export const useCaseListStore = createResettableStore<CaseListState>((set, get) => {
  const pending = new Set<string>();
  /** While scrolling fast only the latest visible range matters: one fetch at a time, then the newest range. */
  let fetching = false;
  let wanted: [number, number] | null = null;

  async function loadPage(page: number) {
    const { filter, sort, generation } = get();
    const key = `${generation}:${page}`;
    if (pending.has(key)) return;
    pending.add(key);
    try {
      const result = await invoke('cases.list', { filter, sort, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
      if (get().generation !== generation) return;
      set((state) => ({ total: result.total, pages: { ...state.pages, [page]: result.rows } }));
    } finally {
      pending.delete(key);
    }
  }

  /** Signals are searched once for each search, not for each page of cases. */
  async function loadSignalHits() {
    const { filter, generation } = get();
    if (!/[\p{L}\p{N}]/u.test(filter.search)) return;
    const signalHits = await invoke('signals.search', { search: filter.search, language: i18n.language === 'en' ? 'en' : 'nl' });
    if (get().generation === generation) set({ signalHits });
  }

  return {
    filter: NO_FILTER,
    sort: 'first_contact_desc',
    total: null,
    pages: {},
    years: [],
    signalHits: null,
    generation: 0,
    async setFilter(changes) {
      set((state) => ({ filter: { ...state.filter, ...changes } }));
      await get().reload();
    },
    async setSort(sort) {
      set({ sort });
      await get().reload();
    },
    async reload() {
      set((state) => ({ generation: state.generation + 1, pages: {}, total: null, signalHits: null }));
      const [years] = await Promise.all([invoke('cases.years', {}), loadPage(0), loadSignalHits()]);
      set({ years });
    },
    async ensureRows(first, last) {
      wanted = [first, last];
      if (fetching) return;
      fetching = true;
      try {
        while (wanted) {
          const [from, to] = wanted;
          wanted = null;
          for (let page = Math.floor(from / PAGE_SIZE); page <= Math.floor(to / PAGE_SIZE); page++) {
            if (!get().pages[page]) await loadPage(page);
          }
        }
      } finally {
        fetching = false;
      }
    },
    rowAt(index) {
      return get().pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
    },
  };
});
