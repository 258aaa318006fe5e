import type { CaseShape, ExportCounts, ExportFile } from '../../../shared/schemas/export';

type Tree = { [key: string]: number | Tree };

/**
 * A map without a prototype: keys are the team's unit names too, and a unit called `constructor`
 * or `__proto__` must be a key like any other, not something every object already has.
 */
export const emptyMap = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

/** Adds every number of `source` into `target`, key by key, creating what `target` lacks. */
function addInto(target: Tree, source: Tree): void {
  for (const [key, value] of Object.entries(source)) {
    if (typeof value === 'number') target[key] = ((Object.hasOwn(target, key) ? target[key] : undefined) as number | undefined ?? 0) + value;
    else addInto((Object.hasOwn(target, key) ? target[key] : (target[key] = emptyMap())) as Tree, value);
  }
}

/** Identical shapes from several exports become one row with their reports added. */
function mergeShapes(all: CaseShape[]): CaseShape[] {
  const merged = new Map<string, CaseShape>();
  for (const { reports, ...shape } of all) {
    const key = `${shape.natures.join('+')} ${shape.otherParty} ${shape.hierarchical} ${shape.bystander}`;
    const existing = merged.get(key);
    if (existing) existing.reports += reports;
    else merged.set(key, { ...shape, reports });
  }
  return [...merged.values()];
}

/**
 * Adds the counts of several exports; the per-reporter average is recomputed from the sums. What
 * was open at the start of each export's period adds up only across advisers: see openAtStartOf.
 */
export function mergeCounts(all: ExportCounts[]): ExportCounts | null {
  if (all.length === 0) return null;
  const tables: Tree = emptyMap();
  let byUnit: Tree | null = null;
  for (const { caseShapes: _shapes, byUnit: units, ...counts } of all) {
    addInto(tables, counts as unknown as Tree);
    if (units) addInto((byUnit ??= emptyMap()), units);
  }
  const merged = { ...(tables as unknown as Omit<ExportCounts, 'caseShapes' | 'byUnit'>), byUnit: byUnit as Record<string, number> | null };
  const reporters = merged.reporters;
  return {
    ...merged,
    caseShapes: mergeShapes(all.flatMap((counts) => counts.caseShapes)),
    conversationsPerReporter: reporters === 0 ? 0 : Math.round((merged.conversationsOnReports / reporters) * 100) / 100,
  };
}

/**
 * Reports open at the start of the year: each adviser's first export of it says what they carried
 * in. A later export of the same adviser (say July to December after January to June) starts
 * with what the earlier one left open, which is no report of an earlier year.
 */
export function openAtStartOf(files: readonly ExportFile[]): number {
  const first = new Map<string, ExportFile>();
  for (const file of files) {
    const known = first.get(file.adviserId);
    if (!known || file.period.from < known.period.from) first.set(file.adviserId, file);
  }
  return [...first.values()].reduce((sum, file) => sum + file.counts.openAtStart, 0);
}
