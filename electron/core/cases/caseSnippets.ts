import type { CaseSummary } from '../../../shared/contract';
import { matchText, typedWords } from '../searchText';
import type { Db } from '../vault/database';

/**
 * Each row of a page found by what was typed gets a short window of its case's search document
 * (one per case, migration 12) with the typed words marked. Only the page's rows are read: one
 * document each, looked up by its case id, with no second search.
 */
export function withSnippets(db: Db, search: string, rows: CaseSummary[]): CaseSummary[] {
  const words = typedWords(search);
  if (words.length === 0 || rows.length === 0) return rows;
  // One statement for the page: a statement per row costs four times as much (measured).
  const documents = new Map(
    db
      .prepare('SELECT rowid, body FROM case_index WHERE rowid IN (SELECT value FROM json_each(?))')
      .raw()
      .all(JSON.stringify(rows.map((row) => row.id))) as [number, string][],
  );
  return rows.map((row) => {
    const body = documents.get(row.id);
    // A case found by its number alone may hold none of the typed words.
    return { ...row, snippet: body === undefined ? null : (matchText(body, words)?.snippet ?? null) };
  });
}
