import type { CaseShape, ExportCounts } from '../../../shared/schemas/export';

function addDeep(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return Object.fromEntries(
      [...keys].map((key) => [key, addDeep((a as Record<string, unknown>)[key] ?? 0, (b as Record<string, unknown>)[key] ?? 0)]),
    );
  }
  return a ?? b;
}

/** Identical shapes from several exports become one row with their reports added. */
function mergeShapes(all: CaseShape[]): CaseShape[] {
  const merged = new Map<string, CaseShape>();
  for (const { reports, ...shape } of all) {
    const key = JSON.stringify(shape);
    const existing = merged.get(key);
    if (existing) existing.reports += reports;
    else merged.set(key, { ...shape, reports });
  }
  return [...merged.values()];
}

/** Adds the counts of several exports; the per-reporter average is recomputed from the sums. */
export function mergeCounts(all: ExportCounts[]): ExportCounts | null {
  if (all.length === 0) return null;
  const merged: ExportCounts = { ...all.reduce((sum, counts) => {
    const byUnit = sum.byUnit || counts.byUnit ? (addDeep(sum.byUnit ?? {}, counts.byUnit ?? {}) as Record<string, number>) : null;
    const { caseShapes: left, ...sumTables } = sum;
    const { caseShapes: right, ...tables } = counts;
    return { ...(addDeep(sumTables, tables) as Omit<ExportCounts, 'caseShapes'>), caseShapes: [...left, ...right], byUnit };
  }) };
  merged.caseShapes = mergeShapes(merged.caseShapes);
  merged.conversationsPerReporter = merged.reporters === 0 ? 0 : Math.round((merged.conversations / merged.reporters) * 100) / 100;
  return merged;
}
