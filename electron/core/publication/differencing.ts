import type { CellAtRisk, Differencing, PublicationDocument } from '../../../shared/schemas/publication';
import type { Publication } from './publications';

/** Every count a document prints, by table, row and column code, with the words it prints them under. */
function countsOf(document: PublicationDocument) {
  // A hidden count is kept as null: unknown, unlike a row left out, which is zero.
  const counts = new Map<string, { table: string; row: string; column: string | null; value: number | null }>();
  for (const section of document.sections) {
    for (const table of section.tables) {
      for (const row of table.rows) {
        row.cells.forEach((cell, index) => {
          if (cell.kind !== 'count' || cell.value === null) return;
          const column = table.columns[index]!;
          const single = table.columns.filter((entry) => entry.code !== 'change' && entry.code !== 'percent').length === 1;
          counts.set(`${table.id}|${row.code}|${column.code}`, { table: table.title, row: row.label, column: single ? null : column.label, value: typeof cell.value === 'number' ? cell.value : null });
        });
      }
    }
  }
  return counts;
}

/**
 * A publication of the same year made from other imports: whoever holds both can subtract them.
 * Every count printed in both whose difference is from 1 to k − 1 may be a removed adviser's
 * small count. Only removed (or replaced) imports matter: imports added since make the later
 * report larger, they reveal nothing about an adviser who left it.
 */
export function differencingAgainst(earlier: Publication | null, currentExportIds: string[], earlierDocument: PublicationDocument | null, current: PublicationDocument): Differencing | null {
  if (!earlier || !earlierDocument) return null;
  const removed = earlier.exportIds.filter((id) => !currentExportIds.includes(id));
  if (removed.length === 0) return null;
  const before = countsOf(earlierDocument);
  const after = countsOf(current);
  const cells: CellAtRisk[] = [];
  // A row or table left out is zero there (documents leave out rows of zero, sections without imports).
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const then = before.get(key);
    const now = after.get(key);
    const place = (now ?? then)!;
    const previous = then ? then.value : 0;
    const value = now ? now.value : 0;
    if (previous === null || value === null) continue;
    const difference = Math.abs(value - previous);
    if (difference > 0 && difference < current.k) cells.push({ table: place.table, row: place.row, column: place.column, previous, current: value });
  }
  return { publishedOn: earlier.publishedOn, removedImports: removed.length, cells };
}
