import { execFileSync } from 'node:child_process';

/**
 * Spreadsheet files read by tools that are not ours: Python's csv module and openpyxl, both from
 * Debian (`python3-openpyxl`). The full path skips any other Python on the PATH.
 */
const PYTHON = '/usr/bin/python3';

const python = (script: string, ...args: string[]): unknown => JSON.parse(execFileSync(PYTHON, ['-c', script, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));

/** Every row's fields, read as a spreadsheet would split them at `separator` (a byte-order mark skipped). */
export function csvRows(path: string, separator: string): string[][] {
  const script = `
import csv, json, sys
with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:
    print(json.dumps(list(csv.reader(f, delimiter=sys.argv[2]))))`;
  return python(script, path, separator) as string[][];
}

/** A cell as openpyxl reads it: its value and its type ('n' number, 's' text, 'f' formula). */
export interface SheetCell {
  value: string | number | boolean | null;
  type: string;
}

/** Every sheet's rows in order, each row's cells from column A, empty cells as null values. */
export function xlsxSheets(path: string): { name: string; rows: SheetCell[][] }[] {
  const script = `
import json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
print(json.dumps([{'name': s.title, 'rows': [[{'value': c.value, 'type': c.data_type} for c in row] for row in s.iter_rows()]} for s in book.worksheets]))`;
  return python(script, path) as { name: string; rows: SheetCell[][] }[];
}

/** What a spreadsheet would take for a formula (or DDE) at the start of a cell. */
export const FORMULA_START = /^[=+\-@\t\r]/;
