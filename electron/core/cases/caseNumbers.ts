import type { Clock } from '../clock';
import type { Db } from '../vault/database';

/** The highest sequence issued in a year: what the vault record keeps so no number comes twice. */
export interface IssuedNumber {
  year: number;
  last: number;
}

/** As the adviser sees and types it: 2026-014, the sequence growing past 999 when it must. */
export function formatCaseNumber(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(3, '0')}`;
}

/** The SQL expression giving a case row's number in that form (for list queries). */
export const CASE_NUMBER_SQL = "printf('%d-%03d', c.number_year, c.number_seq)";

/** The next number of the clock's current local year; call inside the transaction that inserts the case. */
export function issueCaseNumber(db: Db, clock: Clock): { year: number; sequence: number } {
  const year = clock().getFullYear();
  const sequence = db
    .prepare('INSERT INTO case_numbers (year, last) VALUES (?, 1) ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last')
    .pluck()
    .get(year) as number;
  return { year, sequence };
}

export function issuedNumbers(db: Db): IssuedNumber[] {
  return db.prepare('SELECT year, last FROM case_numbers ORDER BY year').all() as IssuedNumber[];
}

/** Raises each year's counter to at least the given one (a restore merging what was issued elsewhere). */
export function raiseIssuedNumbers(db: Db, numbers: readonly IssuedNumber[]): void {
  const raise = db.prepare('INSERT INTO case_numbers (year, last) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET last = max(last, excluded.last)');
  db.transaction(() => {
    for (const entry of numbers) raise.run(entry.year, entry.last);
  })();
}

/** Per year, the highest of the lists. */
export function highestIssued(...lists: (readonly IssuedNumber[])[]): IssuedNumber[] {
  const highest = new Map<number, number>();
  for (const entry of lists.flat()) highest.set(entry.year, Math.max(highest.get(entry.year) ?? 0, entry.last));
  return [...highest].sort(([a], [b]) => a - b).map(([year, last]) => ({ year, last }));
}

/**
 * A search that is a case number — 2026-014, 2026-14, or only the sequence, 14 — as an SQL
 * condition on the list's `c`; null for any other search.
 */
export function caseNumberCondition(search: string): { sql: string; params: Record<string, number> } | null {
  const match = /^\s*(?:(\d{4})-)?(\d{1,9})\s*$/.exec(search);
  if (!match) return null;
  const sequence = Number(match[2]);
  if (match[1] === undefined) return { sql: 'c.number_seq = @numberSeq', params: { numberSeq: sequence } };
  return { sql: '(c.number_year = @numberYear AND c.number_seq = @numberSeq)', params: { numberYear: Number(match[1]), numberSeq: sequence } };
}
