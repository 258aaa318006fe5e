import type { ExportCounts } from '../../../shared/schemas/export';

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

/** Adds the counts of several exports; the per-reporter average is recomputed from the sums. */
export function mergeCounts(all: ExportCounts[]): ExportCounts | null {
  if (all.length === 0) return null;
  const merged = all.reduce((sum, counts) => {
    const byUnit = sum.byUnit || counts.byUnit ? (addDeep(sum.byUnit ?? {}, counts.byUnit ?? {}) as Record<string, number>) : null;
    return { ...(addDeep(sum, counts) as ExportCounts), byUnit };
  });
  merged.conversationsPerReporter = merged.reporters === 0 ? 0 : Math.round((merged.conversations / merged.reporters) * 100) / 100;
  return merged;
}
