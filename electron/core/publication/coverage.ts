import type { Language } from '../../../shared/schemas/primitives';
import type { ImportSummary } from '../../../shared/schemas/teamReport';

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
export function coverageOf(imports: ImportSummary[], language: Language): Coverage[] {
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
