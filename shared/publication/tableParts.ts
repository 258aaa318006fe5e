import type { PublicationTable } from '../schemas/publication';

/**
 * A table too wide for the page is printed in parts, each with the row labels again and a share
 * of the columns, rather than cut at the page edge. Widths are estimated from the text in
 * DejaVu Sans (the print font), erring wide so a part never overflows.
 */

/** Advance widths in em of DejaVu Sans, in classes: narrow, wide and capital letters, everything else. */
const NARROW = new Set([...' ,.:;!|\'()[]ijlrtfI']);
const WIDE = new Set([...'mwMW%']);

/** The width in points of text in DejaVu Sans at `size` points; bold runs about a tenth wider. */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const character of text) em += NARROW.has(character) ? 0.36 : WIDE.has(character) ? 1 : character >= 'A' && character <= 'Z' ? 0.75 : 0.64;
  return em * size * (bold ? 1.1 : 1);
}

/** The widest word: where a header or label that may wrap cannot be narrower. */
const widestWord = (text: string, size: number, bold: boolean) => Math.max(0, ...text.split(/\s+/).map((word) => textWidth(word, size, bold)));

export interface TableMetrics {
  /** Width the table may take, in points. */
  width: number;
  /** Text size of the table, in points. */
  size: number;
  /** Horizontal padding of one cell, both sides together, in points. */
  padding: number;
  /** The share of the width the row labels keep when the table is split. */
  labelShare: number;
}

/** One part of a table: a share of its columns (by index) with every row. */
export interface TablePart {
  columns: number[];
  part: number;
  parts: number;
}

/**
 * The columns of a table in parts that each fit the width beside the row labels; one part when
 * the whole table fits. Columns keep their order, so the total column ends the last part.
 */
export function tableParts(table: PublicationTable, cellTexts: (column: number) => string[], metrics: TableMetrics): TablePart[] {
  const { width, size, padding } = metrics;
  const columnWidth = (index: number) =>
    padding + Math.max(widestWord(table.columns[index]!.label, size, true), ...cellTexts(index).map((text) => textWidth(text, size, true)));
  const widths = table.columns.map((_, index) => columnWidth(index));
  const labels = padding + Math.max(...table.rows.map((row) => widestWord(row.label, size, row.total)), 0);
  const whole = widths.reduce((sum, entry) => sum + entry, 0);
  if (labels + whole <= width) return [{ columns: table.columns.map((_, index) => index), part: 1, parts: 1 }];
  const room = width - Math.max(labels, width * metrics.labelShare);
  const fewest = split(widths, room, Infinity);
  // As many parts as needed, with the columns spread evenly over them (never a total column left on its own).
  const even = split(widths, room, whole / fewest.length);
  const groups = even.length === fewest.length ? even : fewest;
  return groups.map((columns, index) => ({ columns, part: index + 1, parts: groups.length }));
}

/** Columns in order, a part closed once the next column would pass the room, or pass half-way over the target. */
function split(widths: number[], room: number, target: number): number[][] {
  const groups: number[][] = [];
  let current: number[] = [];
  let used = 0;
  widths.forEach((entry, index) => {
    if (current.length > 0 && (used + entry > room || used + entry / 2 > target)) {
      groups.push(current);
      current = [];
      used = 0;
    }
    current.push(index);
    used += entry;
  });
  groups.push(current);
  return groups;
}
