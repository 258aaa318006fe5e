import type { Percent, Published, ReportCross, ReportTable, ReportUnit } from '../../../shared/schemas/teamReport';
import { cellName, type QuantityKind } from './declarations';
import type { SuppressionPlan } from './suppression';

/**
 * The building blocks of the published report. Each registers its printed numbers with the
 * publication's suppression plan under their places in the document, and declares there what a
 * reader can check of them: a table's total is the sum of its rows, a cross's rows and columns
 * are sums, a number printed in two tables is one quantity, a percentage is of the stated base.
 * A table cannot be made without these declarations, and the audit reads the same ones. Each
 * table is read back once the plan is solved at a threshold (k = 1: nothing hidden, the merging
 * member's exact view).
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

/** A named number printed as it is (or hidden), outside any table. */
export function single(plan: SuppressionPlan, name: string, value: number, kind: QuantityKind = 'count'): Deferred<Published> {
  plan.quantity(name, value, kind);
  return (resolve) => resolve(name);
}

/** A figure with one decimal made of two printed numbers (or a number and a known constant): printed only when both are. */
export function ratioFigure(plan: SuppressionPlan, name: string, numerator: string, denominator: string | number | null, scale: number): Deferred<number | null> {
  if (denominator === null) return () => null;
  plan.ratio(name, numerator, denominator, scale);
  return (resolve) => {
    const top = resolve(numerator);
    const bottom = typeof denominator === 'number' ? denominator : resolve(denominator);
    if (typeof top !== 'number' || typeof bottom !== 'number' || bottom === 0) return null;
    return Math.round((top / bottom) * scale * 10) / 10;
  };
}

interface TableLinks {
  /** The quantity printed elsewhere that a row's count is (the same where the values agree). */
  row?: (key: string) => string | undefined;
  /** The quantity printed elsewhere that the total is, e.g. the reporters of the key figures. */
  total?: string;
  /** What percentages are taken of, when not the total: a quantity printed elsewhere, or a number of the table's own. */
  base?: string | number;
  /** The team's own acts are printed as they are. */
  kind?: QuantityKind;
}

function rows(plan: SuppressionPlan, table: string, values: Record<string, number>, links: TableLinks): string[] {
  return Object.keys(values).map((key) => {
    const name = plan.quantity(cellName(table, key, 'count'), values[key]!, links.kind);
    const twin = links.row?.(key);
    if (twin !== undefined) plan.same(name, twin);
    return name;
  });
}

/** The base a table's percentages are of: printed in its unit line, so a quantity of its own, declared the same as its source. */
function base(plan: SuppressionPlan, table: string, source: string | number, kind: QuantityKind | undefined): string {
  const name = cellName(table, 'base', 'count');
  if (typeof source === 'number') return plan.quantity(name, source, kind);
  plan.quantity(name, plan.valueOf(source), kind);
  plan.same(name, source);
  return name;
}

function readTable(unit: ReportUnit, keys: string[], rowNames: string[], baseName: string, totalName: string | null): Deferred<ReportTable> {
  return (resolve) => {
    const shownBase = resolve(baseName);
    return {
      unit,
      base: shownBase,
      multi: totalName === null,
      rows: keys.map((key, index) => {
        const value = resolve(rowNames[index]!);
        return { key, value, percent: percentOf(value, shownBase) };
      }),
      hasTotal: totalName !== null,
      total: totalName === null ? null : resolve(totalName),
    };
  };
}

/** Rows that are parts of one whole: the total is their sum. */
export function partsTable(plan: SuppressionPlan, table: string, unit: ReportUnit, values: Record<string, number>, links: TableLinks = {}): Deferred<ReportTable> {
  const keys = Object.keys(values);
  const rowNames = rows(plan, table, values, links);
  const totalName = plan.quantity(cellName(table, 'total', 'count'), keys.reduce((sum, key) => sum + values[key]!, 0), links.kind);
  if (links.total !== undefined) plan.same(totalName, links.total);
  plan.sum(totalName, rowNames);
  return readTable(unit, keys, rowNames, base(plan, table, links.base ?? totalName, links.kind), totalName);
}

/** Rows one report can carry several of (natures, handlings): no total, so no sum; percentages of a base printed elsewhere. */
export function tagsTable(plan: SuppressionPlan, table: string, unit: ReportUnit, values: Record<string, number>, baseOf: string | number, links: TableLinks = {}): Deferred<ReportTable> {
  const keys = Object.keys(values);
  const rowNames = rows(plan, table, values, links);
  return readTable(unit, keys, rowNames, base(plan, table, baseOf, links.kind), null);
}

interface CrossLinks {
  /** The quantity printed elsewhere that a row's total is, e.g. the nature's count in the natures table. */
  rowTotal?: (row: string) => string | undefined;
  columnTotal?: (column: string) => string | undefined;
  total?: string;
}

/**
 * A two-way table: every row and column is a sum. Rows and columns that are zero throughout are
 * left out; a zero inside prints only where both its row's and its column's totals print.
 */
export function crossTable(plan: SuppressionPlan, table: string, unit: ReportUnit, values: Record<string, Record<string, number>>, columns: readonly string[], links: CrossLinks = {}): Deferred<ReportCross> {
  const rowKeys = Object.keys(values).filter((row) => Object.values(values[row]!).some((value) => value > 0));
  const columnKeys = columns.filter((column) => rowKeys.some((row) => (values[row]![column] ?? 0) > 0));
  const cell = (row: string, column: string) => values[row]![column] ?? 0;
  const named = (name: string, value: number, twin: string | undefined) => {
    plan.quantity(name, value);
    if (twin !== undefined) plan.same(name, twin);
    return name;
  };
  const cellNames = rowKeys.map((row) => columnKeys.map((column) => plan.quantity(cellName(table, row, column), cell(row, column))));
  const rowTotalNames = rowKeys.map((row) => named(cellName(table, row, 'total'), columnKeys.reduce((sum, column) => sum + cell(row, column), 0), links.rowTotal?.(row)));
  const columnTotalNames = columnKeys.map((column) => named(cellName(table, 'total', column), rowKeys.reduce((sum, row) => sum + cell(row, column), 0), links.columnTotal?.(column)));
  const totalName = named(
    cellName(table, 'total', 'total'),
    rowKeys.reduce((sum, row) => sum + columnKeys.reduce((rowSum, column) => rowSum + cell(row, column), 0), 0),
    links.total,
  );
  rowTotalNames.forEach((name, i) => plan.sum(name, cellNames[i]!));
  columnTotalNames.forEach((name, j) => plan.sum(name, cellNames.map((row) => row[j]!)));
  plan.sum(totalName, rowTotalNames);
  plan.sum(totalName, columnTotalNames);
  cellNames.forEach((row, i) => row.forEach((name, j) => plan.zeroNeedsMargins(name, [rowTotalNames[i]!, columnTotalNames[j]!])));
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
