import type { Db } from '../database';

export const caseIndexTerms = {
  version: 14,
  up(db: Db): void {
    // The search index's own word list: a typed word becomes the few words it begins, which the
    // index reads as they stream instead of gathering every prefix match first (caseSearch.ts).
    db.exec(`CREATE VIRTUAL TABLE case_index_terms USING fts5vocab(case_index, 'row');`);
  },
};
