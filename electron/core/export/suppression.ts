/** A published count, or null where it is suppressed and shown as "<k". */
export type Published = number | null;

export interface SuppressedMatrix {
  cells: Published[][];
  rowTotals: Published[];
  columnTotals: Published[];
  total: Published;
}

/**
 * Small-cell suppression with complementary suppression. Primary: every non-zero count below k,
 * totals included. Complementary: wherever a published total has exactly one suppressed member,
 * the smallest other member is suppressed too, until no line (row, column, row totals, column
 * totals) has a single suppressed member, so no suppressed count can be found by subtraction.
 */
export function suppressMatrix(values: number[][], k: number): SuppressedMatrix {
  const rows = values.length;
  const columns = values[0]?.length ?? 0;
  const rowTotals = values.map((row) => row.reduce((sum, value) => sum + value, 0));
  const columnTotals = Array.from({ length: columns }, (_, j) => values.reduce((sum, row) => sum + row[j]!, 0));
  const total = rowTotals.reduce((sum, value) => sum + value, 0);
  const small = (value: number) => value > 0 && value < k;

  const cell = values.map((row) => row.map(small));
  const rowTotal = rowTotals.map(small);
  const columnTotal = columnTotals.map(small);
  const grandTotal = small(total);

  /** One line: its members' values and hidden flags, and whether its total is published. */
  interface Line {
    members: { value: number; hidden: () => boolean; hide: () => void }[];
    totalHidden: () => boolean;
    hideTotal: () => void;
  }
  const lines: Line[] = [];
  for (let i = 0; i < rows; i++) {
    lines.push({
      members: values[i]!.map((value, j) => ({ value, hidden: () => cell[i]![j]!, hide: () => (cell[i]![j] = true) })),
      totalHidden: () => rowTotal[i]!,
      hideTotal: () => (rowTotal[i] = true),
    });
  }
  for (let j = 0; j < columns; j++) {
    lines.push({
      members: values.map((row, i) => ({ value: row[j]!, hidden: () => cell[i]![j]!, hide: () => (cell[i]![j] = true) })),
      totalHidden: () => columnTotal[j]!,
      hideTotal: () => (columnTotal[j] = true),
    });
  }
  const totalsLine = (totals: number[], flags: boolean[]): Line => ({
    members: totals.map((value, index) => ({ value, hidden: () => flags[index]!, hide: () => (flags[index] = true) })),
    totalHidden: () => grandTotal,
    hideTotal: () => undefined,
  });
  lines.push(totalsLine(rowTotals, rowTotal), totalsLine(columnTotals, columnTotal));

  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      if (line.totalHidden()) continue;
      const hidden = line.members.filter((member) => member.hidden());
      if (hidden.length !== 1) continue;
      const candidates = line.members.filter((member) => !member.hidden()).sort((a, b) => (a.value === 0 ? 1 : 0) - (b.value === 0 ? 1 : 0) || a.value - b.value);
      const next = candidates[0];
      if (next) next.hide();
      else line.hideTotal();
      changed = true;
    }
  }

  return {
    cells: values.map((row, i) => row.map((value, j) => (cell[i]![j] ? null : value))),
    rowTotals: rowTotals.map((value, i) => (rowTotal[i] ? null : value)),
    columnTotals: columnTotals.map((value, j) => (columnTotal[j] ? null : value)),
    total: grandTotal ? null : total,
  };
}

/** A one-way table with its total: a matrix of one column, whose column total is the table total. */
export function suppressTable(values: number[], k: number): { cells: Published[]; total: Published } {
  const result = suppressMatrix(values.map((value) => [value]), k);
  return { cells: result.cells.map((row) => row[0]!), total: result.columnTotals[0] ?? result.total };
}
