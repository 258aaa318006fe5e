import { MOST_TYPED_WORDS } from '../searchText';
import type { Db } from '../vault/database';

/** How the index is asked for what the adviser typed, and what its word list already says of the hits. */
export interface CaseSearch {
  match: string;
  /** The number of cases found, when the word list knows it exactly. */
  total: number | null;
  /** At least this many cases are found (known for a single typed word). */
  fewestHits: number | null;
}

/**
 * A word of plain ASCII letters and digits is, lowercased, exactly what the index's tokenizer
 * stores; any other word keeps the index's own prefix search, which folds it the same way.
 */
const PLAIN_WORD = /^[a-z0-9]+$/;
/**
 * A shorter word begins too many index words for the list to help: reading their counts would cost
 * as much as the prefix search itself.
 */
const FEWEST_LETTERS_LISTED = 3;
/** A word that begins more index words than this is searched as a prefix. */
const MOST_WORDS_PER_PREFIX = 8;

const quoted = (term: string) => `"${term.replaceAll('"', '""')}"`;

/** The first string after every string that starts with `prefix` (its last character raised by one). */
const pastPrefix = (prefix: string) => prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

/**
 * Turns what the adviser typed into an FTS5 query that cannot be misread as FTS syntax: every word
 * must match as the beginning of a word in the case. The index gathers a prefix's matches into
 * one list before answering, which for a common word costs more than the search itself; so a
 * word that begins only a few index words is asked as those words, which the index streams.
 */
export function caseSearch(db: Db, search: string): CaseSearch | null {
  const words = search.normalize('NFC').match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  const terms = db.prepare('SELECT term, doc FROM case_index_terms WHERE term >= ? AND term < ? LIMIT ?');
  const parts = words.slice(0, MOST_TYPED_WORDS).map((word) => {
    const prefix = word.toLowerCase();
    if (!PLAIN_WORD.test(prefix) || prefix.length < FEWEST_LETTERS_LISTED) return { match: `${quoted(word)}*`, total: null, fewest: null };
    const found = terms.all(prefix, pastPrefix(prefix), MOST_WORDS_PER_PREFIX + 1) as { term: string; doc: number }[];
    if (found.length === 0) return { match: `${quoted(prefix)}*`, total: 0, fewest: 0 };
    if (found.length > MOST_WORDS_PER_PREFIX) return { match: `${quoted(prefix)}*`, total: null, fewest: null };
    const fewest = Math.max(...found.map((row) => row.doc));
    if (found.length === 1) return { match: quoted(found[0]!.term), total: fewest, fewest };
    return { match: `(${found.map((row) => quoted(row.term)).join(' OR ')})`, total: null, fewest };
  });
  // All words must match: one that begins no index word leaves nothing to find.
  const nothing = parts.some((part) => part.total === 0);
  const [single] = parts.length === 1 ? parts : [];
  return { match: parts.map((part) => part.match).join(' AND '), total: nothing ? 0 : (single?.total ?? null), fewestHits: nothing ? 0 : (single?.fewest ?? null) };
}
