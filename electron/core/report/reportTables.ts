import type { Percent, Published, ReportCross, ReportTable, ReportUnit } from '../../../shared/schemas/teamReport';
import type { SuppressionPlan } from './suppression';

/**
 * The building blocks of the published report. Each registers its numbers and sums with the
 * section's suppression plan, and is read back once the plan is solved at a threshold (k = 1:
 * nothing hidden, the merging member's exact view). Every table states its unit and the base its
 * percentages are taken of.
 */
export type Resolve = (name: string) => Published;
export type Deferred<T> = (resolve: Resolve) => T;

/** A percentage hides with what it is taken from: the mark of a hidden count or base. */
function percentOf(value: Published, base: Published): Percent {
  if (typeof value === 'string') return value;
  if (typeof base === 'string') return base;
  if (base === 0) return null;
  return Math.round((value / base) * 100);
}

/** A named number that is published as it is (or hidden), outside any table. */
export function single(plan: SuppressionPlan, name: string, value: number): Deferred<Published> {
  plan.quantity(name, value);
  return (resolve) => resolve(name);
}

interface TableNames {
  /** The name a row's count shares with the same quantity elsewhere (linked only where values agree). */
  row?: (key: string) => string | undefined;
  /** The name the total shares, e.g. `reporters` above the profile and the age table. */
  total?: string;
  /** The number percentages are taken of, when not the total. */
  base?: { name: string; value: number };
}

function rowName(plan: SuppressionPlan, table: string, key: string, value: number, names: TableNames): string {
  const own = `${table}:${key}`;
  const shared = names.row?.(key);
  return shared === undefined ? plan.quantity(own, value) : plan.linked(shared, own, value);
}

/** Rows that are parts of one whole: the total is an equation of the plan. */
export function partsTable(plan: SuppressionPlan, table: string, unit: ReportUnit, values: Record<string, number>, names: TableNames = {}): Deferred<ReportTable> {
  const keys = Object.keys(values);
  const rowNames = keys.map((key) => rowName(plan, table, key, values[key]!, names));
  const totalValue = keys.reduce((sum, key) => sum + values[key]!, 0);
  const totalName = names.total === undefined ? plan.quantity(`${table}:total`, totalValue) : plan.linked(names.total, `${table}:total`, totalValue);
  plan.equation(totalName, rowNames);
  const baseName = names.base ? plan.linked(names.base.name, `${table}:base`, names.base.value) : totalName;
  return (resolve) => {
    const base = resolve(baseName);
    return {
      unit,
      base,
      multi: false,
      rows: keys.map((key, index) => {
        const value = resolve(rowNames[index]!);
        return { key, value, percent: percentOf(value, base) };
      }),
      hasTotal: true,
      total: resolve(totalName),
    };
  };
}

/** Rows one report can carry several of (natures, handlings): no total, so no equation. */
export function tagsTable(plan: SuppressionPlan, table: string, unit: ReportUnit, values: Record<string, number>, base: { name: string; value: number }, names: TableNames = {}): Deferred<ReportTable> {
  const keys = Object.keys(values);
  const rowNames = keys.map((key) => rowName(plan, table, key, values[key]!, names));
  const baseName = plan.linked(base.name, `${table}:base`, base.value);
  return (resolve) => {
    const shownBase = resolve(baseName);
    return {
      unit,
      base: shownBase,
      multi: true,
      rows: keys.map((key, index) => {
        const value = resolve(rowNames[index]!);
        return { key, value, percent: percentOf(value, shownBase) };
      }),
      hasTotal: false,
      total: null,
    };
  };
}

interface CrossNames {
  /** The name a row total shares, e.g. the nature's count in the natures table. */
  rowTotal?: (row: string) => string;
  columnTotal?: (column: string) => string | undefined;
  total?: string;
}

/** A two-way table: every row and column is an equation. Rows and columns that are zero throughout are left out. */
export function crossTable(plan: SuppressionPlan, table: string, unit: ReportUnit, values: Record<string, Record<string, number>>, columns: readonly string[], names: CrossNames = {}): Deferred<ReportCross> {
  const rowKeys = Object.keys(values).filter((row) => Object.values(values[row]!).some((value) => value > 0));
  const columnKeys = columns.filter((column) => rowKeys.some((row) => (values[row]![column] ?? 0) > 0));
  const cell = (row: string, column: string) => values[row]![column] ?? 0;
  const cellNames = rowKeys.map((row) => columnKeys.map((column) => plan.quantity(`${table}:${row}|${column}`, cell(row, column))));
  const rowSum = (row: string) => columnKeys.reduce((sum, column) => sum + cell(row, column), 0);
  const columnSum = (column: string) => rowKeys.reduce((sum, row) => sum + cell(row, column), 0);
  const named = (shared: string | undefined, own: string, value: number) => (shared === undefined ? plan.quantity(own, value) : plan.linked(shared, own, value));
  const rowTotalNames = rowKeys.map((row) => named(names.rowTotal?.(row), `${table}:${row}|*`, rowSum(row)));
  const columnTotalNames = columnKeys.map((column) => named(names.columnTotal?.(column), `${table}:*|${column}`, columnSum(column)));
  const totalName = named(names.total, `${table}:*`, rowKeys.reduce((sum, row) => sum + rowSum(row), 0));
  rowTotalNames.forEach((name, i) => plan.equation(name, cellNames[i]!));
  columnTotalNames.forEach((name, j) => plan.equation(name, cellNames.map((row) => row[j]!)));
  plan.equation(totalName, rowTotalNames);
  plan.equation(totalName, columnTotalNames);
  return (resolve) => ({
    unit,
    rowKeys,
    columnKeys,
    cells: cellNames.map((row) => row.map(resolve)),
    rowTotals: rowTotalNames.map(resolve),
    columnTotals: columnTotalNames.map(resolve),
    total: resolve(totalName),
  });
}
