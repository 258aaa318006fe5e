import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticCase, syntheticExport } from '../../../test/fixtures/syntheticExports';
import { csvRows, FORMULA_START } from '../../../test/support/outsideReaders';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import { exportCsv } from './exportFile';

/** Unit names are the team's own words: each of these starts a formula somewhere unless neutralised. */
const UNITS = ['=HYPERLINK("https://example.invalid","klik")', '+31 20 000 0000', '@SUM(A1)', '-2+3', 'Dienst;=cmd|calc', 'Faculteit,@SUM(A1)', 'Één faculteit'];
const dir = temporaryDirectory();
afterAll(() => dir.remove());

describe('the adviser’s own export as CSV', () => {
  it('keeps every unit name text under either separator, counts as numbers, and opens as UTF-8', () => {
    const cases = fc.sample(fc.array(syntheticCase, { minLength: 8, maxLength: 8 }), { numRuns: 1, seed: 5 })[0]!;
    const file = syntheticExport('central_confidential_adviser', cases, 2025, Object.fromEntries(UNITS.map((unit, index) => [unit, index + 1])));
    const path = join(dir.path, 'export.csv');
    writeFileSync(path, exportCsv(file));
    expect([...readFileSync(path).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const rows = csvRows(path, ',');
    const units = rows.filter((row) => row[0] === 'byUnit');
    expect(units.map((row) => row[1])).toEqual(["'=HYPERLINK(\"https://example.invalid\",\"klik\")", "'+31 20 000 0000", "'@SUM(A1)", "'-2+3", "Dienst;'=cmd|calc", "Faculteit,'@SUM(A1)", 'Één faculteit']);
    expect(units.map((row) => row[3])).toEqual(UNITS.map((_, index) => String(index + 1)));
    for (const separator of [',', ';']) {
      for (const field of csvRows(path, separator).flat()) if (!/^-?\d+(\.\d+)?$/.test(field)) expect(field, separator).not.toMatch(FORMULA_START);
    }
  });
});
