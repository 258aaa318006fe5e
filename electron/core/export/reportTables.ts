import type { ReportCross, ReportTable, ReportUnit } from '../../../shared/schemas/teamReport';
import { suppressMatrix, suppressTable, type Published } from './suppression';

/**
 * The building blocks of the published report. Every table states its unit and the base its
 * percentages are taken of; with k = 1 nothing is suppressed (the merging member's exact view).
 */
const small = (value: number, k: number) => value > 0 && value < k;

function percentOf(value: Published, base: Published): number | null {
  if (value === null || base === null || base === 0) return null;
  return Math.round((value / base) * 100);
}

export function publish(value: number, k: number): Published {
  return small(value, k) ? null : value;
}

/** Rows that are parts of one whole: complementary suppression keeps a hidden row from being recomputed from the total. */
export function partsTable(unit: ReportUnit, values: Record<string, number>, k: number, base?: number): ReportTable {
  const keys = Object.keys(values);
  const { cells, total } = suppressTable(keys.map((key) => values[key]!), k);
  const shownBase = base === undefined ? total : publish(base, k);
  return {
    unit,
    base: shownBase,
    multi: false,
    rows: keys.map((key, index) => ({ key, value: cells[index]!, percent: percentOf(cells[index]!, shownBase) })),
    hasTotal: true,
    total,
  };
}

/** Rows one report can carry several of (natures, handlings): each small count hidden, no total. */
export function tagsTable(unit: ReportUnit, values: Record<string, number>, k: number, base: number): ReportTable {
  const shownBase = publish(base, k);
  return {
    unit,
    base: shownBase,
    multi: true,
    rows: Object.entries(values).map(([key, value]) => {
      const shown = publish(value, k);
      return { key, value: shown, percent: percentOf(shown, shownBase) };
    }),
    hasTotal: false,
    total: null,
  };
}

/** Rows and columns that are zero throughout say nothing, so they are left out before suppressing. */
export function crossTable(unit: ReportUnit, values: Record<string, Record<string, number>>, columns: readonly string[], k: number): ReportCross {
  const rowKeys = Object.keys(values).filter((row) => Object.values(values[row]!).some((value) => value > 0));
  const columnKeys = columns.filter((column) => rowKeys.some((row) => (values[row]![column] ?? 0) > 0));
  const result = suppressMatrix(rowKeys.map((row) => columnKeys.map((column) => values[row]![column] ?? 0)), k);
  return { unit, rowKeys, columnKeys, ...result };
}
