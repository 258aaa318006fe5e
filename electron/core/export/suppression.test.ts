import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressMatrix, suppressTable } from './suppression';

/** Every line whose total is published has no suppressed member, or at least two. */
function lines(result: ReturnType<typeof suppressMatrix>) {
  const rows = result.cells.map((row, i) => ({ members: row, total: result.rowTotals[i]! }));
  const columns = result.columnTotals.map((total, j) => ({ members: result.cells.map((row) => row[j]!), total }));
  return [...rows, ...columns, { members: result.rowTotals, total: result.total }, { members: result.columnTotals, total: result.total }];
}

describe('small-cell suppression', () => {
  it('hides small counts and never leaves one recoverable by subtraction from a published row or column', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((columns) => fc.array(fc.array(fc.nat({ max: 20 }), { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 8 })),
        fc.integer({ min: 3, max: 10 }),
        (values, k) => {
          const result = suppressMatrix(values, k);
          values.forEach((row, i) =>
            row.forEach((value, j) => {
              const shown = result.cells[i]![j];
              if (value > 0 && value < k) expect(shown).toBeNull();
              if (shown !== null) expect(shown).toBe(value);
            }),
          );
          for (const line of lines(result)) {
            if (line.total === null) continue;
            expect(line.members.filter((member) => member === null).length).not.toBe(1);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('hides the next-smallest cell of a one-way table with a published total', () => {
    expect(suppressTable([40, 2, 7, 0], 5)).toEqual({ cells: [40, null, null, 0], total: 49 });
    expect(suppressTable([40, 20], 5)).toEqual({ cells: [40, 20], total: 60 });
    expect(suppressTable([2, 1], 5)).toEqual({ cells: [null, null], total: null });
  });
});
