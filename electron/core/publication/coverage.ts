import type { Language } from '../../../shared/schemas/primitives';
import type { ImportSummary } from '../../../shared/schemas/teamReport';
import type { VaultFunction } from '../../../shared/taxonomy';

/** What coverage is read from: an import of the year, or one a kept publication recorded. */
type Covered = Pick<ImportSummary, 'function' | 'adviser' | 'period'>;

const LOCALE: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

/** Advisers of one function who covered the same months, and those months in words ("juni – december 2022"). */
export interface Coverage {
  advisers: number;
  months: string;
}

/** The months (1–12) an import's period covers; exports cover whole months of one year. */
function monthsOf(period: ImportSummary['period']): number[] {
  const first = Number(period.from.slice(5, 7));
  const last = Number(period.to.slice(5, 7));
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

function monthsInWords(months: number[], year: string, language: Language): string {
  const name = (month: number) => new Intl.DateTimeFormat(LOCALE[language], { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, month - 1, 1));
  const runs: [number, number][] = [];
  for (const month of months) {
    const last = runs.at(-1);
    if (last && last[1] === month - 1) last[1] = month;
    else runs.push([month, month]);
  }
  const parts = runs.map(([from, to]) => (from === to ? name(from) : `${name(from)} – ${name(to)}`));
  return `${new Intl.ListFormat(LOCALE[language], { type: 'conjunction' }).format(parts)} ${year}`;
}

/**
 * How a function's advisers covered the year: each adviser's months (all their imports together),
 * advisers with the same months counted together, earliest start first. An adviser who joined in
 * September stands apart from those who covered the whole year.
 */
export function coverageOf(imports: readonly Omit<Covered, 'function'>[], language: Language): Coverage[] {
  const perAdviser = new Map<string, Set<number>>();
  for (const entry of imports) {
    const months = perAdviser.get(entry.adviser) ?? new Set<number>();
    for (const month of monthsOf(entry.period)) months.add(month);
    perAdviser.set(entry.adviser, months);
  }
  const groups = new Map<string, { months: number[]; advisers: number }>();
  for (const months of perAdviser.values()) {
    const sorted = [...months].sort((a, b) => a - b);
    const key = sorted.join(',');
    const group = groups.get(key) ?? { months: sorted, advisers: 0 };
    group.advisers += 1;
    groups.set(key, group);
  }
  const year = imports[0]!.period.from.slice(0, 4);
  return [...groups.values()]
    .sort((a, b) => a.months[0]! - b.months[0]! || b.months.length - a.months.length)
    .map((group) => ({ advisers: group.advisers, months: monthsInWords(group.months, year, language) }));
}

const NO_MONTHS: readonly number[] = Array.from({ length: 12 }, () => 0);

/** Per function, how many of its advisers covered each month of the year, January first. */
function advisersPerMonth(covered: readonly Covered[]): Map<VaultFunction, number[]> {
  const byAdviser = new Map<string, { fn: VaultFunction; months: Set<number> }>();
  for (const entry of covered) {
    const key = `${entry.function} ${entry.adviser}`;
    const adviser = byAdviser.get(key) ?? { fn: entry.function, months: new Set<number>() };
    for (const month of monthsOf(entry.period)) adviser.months.add(month);
    byAdviser.set(key, adviser);
  }
  const perMonth = new Map<VaultFunction, number[]>();
  for (const { fn, months } of byAdviser.values()) {
    const counts = perMonth.get(fn) ?? [...NO_MONTHS];
    for (const month of months) counts[month - 1]! += 1;
    perMonth.set(fn, counts);
  }
  return perMonth;
}

/**
 * The functions whose coverage differs between two years: a month covered in one and not the
 * other (a partial year), or by more or fewer advisers. A change between such years is partly
 * the coverage's, so the year-over-year says so.
 */
export function coveredDifferently(current: readonly Covered[], previous: readonly Covered[], functions: readonly VaultFunction[]): VaultFunction[] {
  const now = advisersPerMonth(current);
  const then = advisersPerMonth(previous);
  return functions.filter((fn) => (now.get(fn) ?? NO_MONTHS).join() !== (then.get(fn) ?? NO_MONTHS).join());
}
