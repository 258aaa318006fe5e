import type { Clock } from '../clock';
import type { Db } from '../vault/database';

/** The highest sequence issued per year: what a restored older database must never fall below. */
export type IssuedNumbers = Record<string, number>;

/** How the adviser writes a case number on paper: 2026-014. */
export function formatCaseNumber(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(3, '0')}`;
}

/**
 * The next number of the clock's year, never one issued before: the counter only rises, so
 * deleting or destroying a case frees no number. Runs inside the creating transaction.
 */
export function issueCaseNumber(db: Db, clock: Clock): { year: number; sequence: number } {
  const year = clock().getFullYear();
  const highest = (db.prepare('SELECT highest FROM case_numbers WHERE year = ?').pluck().get(year) as number | undefined) ?? 0;
  db.prepare('INSERT INTO case_numbers (year, highest) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET highest = excluded.highest').run(year, highest + 1);
  return { year, sequence: highest + 1 };
}

export function issuedNumbersIn(db: Db): IssuedNumbers {
  const rows = db.prepare('SELECT year, highest FROM case_numbers').all() as { year: number; highest: number }[];
  return Object.fromEntries(rows.map((row) => [String(row.year), row.highest]));
}

/** After a restore: numbers issued since the backup was made stay issued. */
export function keepIssuedNumbers(db: Db, issued: IssuedNumbers): void {
  const raise = db.prepare('INSERT INTO case_numbers (year, highest) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET highest = max(highest, excluded.highest)');
  for (const [year, highest] of Object.entries(issued)) raise.run(Number(year), highest);
}

/** A search for a number: `2026-014`, `2026-14` (that case), or `14` (that sequence in any year). */
export function numberSearch(search: string): { year: number | null; sequence: number } | null {
  const text = search.trim();
  const full = /^(\d{4})-(\d{1,6})$/.exec(text);
  if (full) return { year: Number(full[1]), sequence: Number(full[2]) };
  return /^\d{1,6}$/.test(text) ? { year: null, sequence: Number(text) } : null;
}
