import ExcelJS from 'exceljs';
import fc from 'fast-check';
import mammoth from 'mammoth';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportOutcome, PublicationDocument, ReportTexts } from '../../../shared/contract';
import { CANARY } from '../../../test/fixtures/canaries';
import { withPeriod } from '../../../test/fixtures/generatedTeams';
import { syntheticCase, syntheticExport, type SyntheticCase } from '../../../test/fixtures/syntheticExports';
import { answerOpenFlows } from '../../../test/support/answerFlows';
import { callCore } from '../../../test/support/callCore';
import { csvRows, FORMULA_START, xlsxSheets, type SheetCell } from '../../../test/support/outsideReaders';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import { testShell } from '../../../test/support/testShell';
import { createCore, type Core } from '../core';
import { createLogger } from '../log';

/**
 * The publication in every format, read back by tools that are not ours: Excel through exceljs's
 * reader, Word through mammoth, CSV as text. Imports are synthetic export files (hashed as a
 * vault hashes them) into one merging member's vault.
 */
const HOSTILE_UNIT = '=HYPERLINK("https://example.invalid","klik")';
/** Harmless read with `,`, a formula read with `;` unless neutralised after the separator too. */
const SEPARATED_UNIT = 'Dienst;=cmd|calc';
const CHART_PNG = readFileSync('build/icon.png');
const dir = temporaryDirectory();
let core: Core;
const dialogs = testShell(dir.path, async () => ({ pdf: Buffer.from('%PDF-1.4\n'), charts: [{ id: 'team.reporterProfile', png: CHART_PNG }] }));
const { ok, codeOf } = callCore(() => core);
/** Publishes as the merging member does: the questions about flows counted differently answered first. */
const publish = async (request: { year: number } & Record<string, unknown>) => {
  await answerOpenFlows(ok, request.year);
  return ok('team.savePublication', request);
};
const base = { k: 5, grouped: true, language: 'nl' as const, ioa: true };

function casesOf(seed: number, size: number): SyntheticCase[] {
  return fc.sample(fc.array(syntheticCase, { minLength: size, maxLength: size }), { numRuns: 1, seed })[0]!;
}

async function importFile(content: string): Promise<string> {
  const outcome = await ok<ImportOutcome>('team.import', { content, replace: [], acceptUnsealed: true });
  if (outcome.status !== 'imported') throw new Error('not imported');
  return outcome.summary.exportId;
}

const saved = () => readFileSync(dialogs.saved.at(-1)!);

/** A number as Dutch Excel reads one from CSV: optional minus, decimal comma, optional percent sign. */
const NUMBER = /^-?\d+(,\d+)?%?$/;
type Tables = Record<string, Record<string, string | number>>;
const valueOf = (text: string) => (NUMBER.test(text) ? Number(text.replace('%', '').replace(',', '.')) / (text.endsWith('%') ? 100 : 1) : text);

/** The Dutch CSV's cells per table (section, title and which of that name), each by row and column label. */
function csvTables(rows: string[][]): Tables {
  const tables: Tables = {};
  const codes = new Map<string, string[]>();
  for (const [section, title, row, column, value, , tableCode] of rows.slice(1)) {
    const named = codes.get(`${section}|${title}`) ?? [];
    if (!named.includes(tableCode!)) named.push(tableCode!);
    codes.set(`${section}|${title}`, named);
    const key = `${section}|${title}|${named.indexOf(tableCode!)}`;
    (tables[key] ??= {})[`${row}|${column}`] = valueOf(value!);
  }
  return tables;
}

/** The workbook's table sheets read the same way: title, section, (unit line,) a blank row, the header, the rows up to the next blank row. */
function xlsxTables(sheets: { rows: SheetCell[][] }[]): Tables {
  const tables: Tables = {};
  const blank = (row: SheetCell[] | undefined) => !row || row.every((cell) => cell.value === null || cell.value === '');
  for (const { rows } of sheets.slice(1)) {
    const [title, section] = [rows[0]![0]!.value, rows[1]![0]!.value];
    let index = 0;
    while (tables[`${section}|${title}|${index}`]) index++;
    const table: Tables[string] = (tables[`${section}|${title}|${index}`] = {});
    const header = rows.findIndex(blank) + 1;
    for (const row of rows.slice(header + 1)) {
      if (blank(row)) break;
      row.slice(1).forEach((cell, column) => {
        if (cell.value !== null) table[`${row[0]!.value}|${rows[header]![column + 1]!.value}`] = cell.value as string | number;
      });
    }
  }
  return tables;
}

let removable: string;

beforeAll(async () => {
  core = createCore({ dataDirectory: dir.path, clock: () => new Date(2026, 1, 2, 12, 0), log: createLogger(() => undefined), shell: dialogs.shell });
  await ok('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
  // Imports count only units on the team's list: the hostile name is one the team itself wrote.
  await ok('team.create', { organisation: 'Universiteit Voorbeeld', units: [HOSTILE_UNIT, SEPARATED_UNIT, '@SUM(A1)', 'Faculteit Canarywetenschappen'], k: 5 });
  // Last year: a larger report, kept as published, so this year's changes are negative numbers.
  await importFile(JSON.stringify(syntheticExport('ombudsperson', casesOf(1, 60), 2024)));
  await publish({ ...base, year: 2024, format: 'csv', acceptDifferencing: false });
  await importFile(JSON.stringify(syntheticExport('ombudsperson', casesOf(2, 30), 2025, { [HOSTILE_UNIT]: 9, [SEPARATED_UNIT]: 6, '@SUM(A1)': 5, 'Faculteit Canarywetenschappen': 2 })));
  await importFile(JSON.stringify(syntheticExport('concerns_point_coordinator', casesOf(3, 14), 2025)));
  // An adviser who joined on 1 September: the period line says so instead of claiming the year.
  removable = await importFile(JSON.stringify(withPeriod(syntheticExport('central_confidential_adviser', casesOf(4, 3), 2025), { from: '2025-09-01', to: '2025-12-31' })));
  // 47 reporters of 2,000 staff: a share with a decimal, for the decimal comma.
  await ok('team.setHeadcount', { year: 2025, headcount: 2000 });
  await ok('team.saveText', { year: 2025, text: 'organisation', value: 'Universiteit Canaryland' });
  await ok('team.saveText', { year: 2025, text: 'nature', value: '=cmd|calc\nTweede alinea.' });
}, 60_000);

afterAll(() => {
  core.vault.lock();
  dir.remove();
});

describe('the annual report as a publication', () => {
  it('lays out one document: title page facts, every section, texts from the vault, marks with footnotes, last year’s change', async () => {
    const document = await ok<PublicationDocument>('team.document', { ...base, year: 2025 });
    expect(document.title).toBe('Jaarverslag 2025: sociale veiligheid');
    expect(document.organisation).toBe('Universiteit Canaryland');
    expect(document.periods.map((period) => period.line)).toEqual([
      'Coördinator meldpunt (CCP): 1 adviseur over januari – december 2025',
      'Ombudsfunctionaris: 1 adviseur over januari – december 2025',
      'Centrale vertrouwenspersoon: 1 adviseur over september – december 2025',
    ]);
    expect(document.sections.map((section) => section.id)).toEqual(['summary', 'profile', 'age', 'functions', 'nature', 'handling', 'signals', 'outreach', 'mediation', 'ioa']);
    expect(document.sections.find((section) => section.id === 'nature')!.text).toBe('=cmd|calc\nTweede alinea.');
    expect(document.comparedWith).toBe(2024);
    const keyFigures = document.sections[0]!.tables[0]!;
    // Last year only the ombudsperson contributed: this year's change is marked, and says how the coverage differs.
    expect(keyFigures.columns.map((column) => column.label)).toEqual(['Aantal', 'Verschil met 2024, andere dekking']);
    expect(keyFigures.footnotes.at(-1)).toBe(
      'Verschil met 2024: de dekking was niet dezelfde, dus een verschil komt deels daaruit. Coördinator meldpunt (CCP): nu 1 adviseur over januari – december 2025, in 2024 geen adviseur. Centrale vertrouwenspersoon: nu 1 adviseur over september – december 2025, in 2024 geen adviseur.',
    );
    const reports = keyFigures.rows.find((row) => row.code === 'reports')!;
    expect(reports.cells).toEqual([{ kind: 'count', value: 47 }, { kind: 'change', value: -13 }]);
    const tables = document.sections.flatMap((section) => section.tables);
    const marked = tables.filter((table) => table.rows.some((row) => row.cells.some((cell) => cell.kind === 'count' && cell.value === 'complement')));
    expect(marked.length).toBeGreaterThan(0);
    for (const table of marked) expect(table.footnotes).toContain('×: een aantal dat alleen is verborgen zodat een klein aantal in dezelfde rij, kolom of totaal niet terug te rekenen is.');
    expect(JSON.stringify(document)).not.toContain('Canarywetenschappen');
  });

  it('writes Excel that reads back with numbers as numbers, marks as text and no formula from a unit’s name', async () => {
    await publish({ ...base, year: 2025, format: 'xlsx', acceptDifferencing: false });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(dialogs.saved.at(-1)!);
    const document = await ok<PublicationDocument>('team.document', { ...base, year: 2025 });
    expect(workbook.worksheets).toHaveLength(1 + document.sections.flatMap((section) => section.tables).length);
    expect(workbook.worksheets[0]!.getCell('A1').value).toBe('Jaarverslag 2025: sociale veiligheid');

    const key = workbook.getWorksheet('Kerncijfers')!;
    const reportsRow = key.getRows(1, key.rowCount)!.find((row) => row.getCell(1).value === 'Meldingen (uniek, elk één keer geteld)')!;
    expect(reportsRow.getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect([reportsRow.getCell(2).value, reportsRow.getCell(3).value]).toEqual([47, -13]);

    const cells = workbook.worksheets.flatMap((sheet) => sheet.getRows(1, sheet.rowCount)!.flatMap((row) => (row.values as ExcelJS.CellValue[]).slice(1)));
    expect(cells.some((value) => value === '×')).toBe(true);
    expect(cells.some((value) => value === '<5')).toBe(true);
    const units = workbook.getWorksheet('Meldingen per eenheid (vanaf de')!;
    const hostile = units.getRows(1, units.rowCount)!.find((row) => String(row.getCell(1).value).includes('HYPERLINK'))!;
    expect(hostile.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(hostile.getCell(1).value).toBe(`'${HOSTILE_UNIT}`);
    expect(hostile.getCell(2).value).toBe(9);
    for (const sheet of workbook.worksheets) sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    const profile = workbook.getWorksheet('Profiel van de melders')!;
    const percent = profile.getRows(1, profile.rowCount)!.find((row) => typeof row.getCell(3).value === 'number')!.getCell(3);
    expect(percent.numFmt).toBe('0%');
    // Figures with a decimal stay numbers, shown with the reader's own decimal mark by their format.
    const ratio = (label: string) => key.getRows(1, key.rowCount)!.find((row) => row.getCell(1).value === label)!.getCell(2);
    const perReporter = ratio('Gesprekken per melder (meldingen van het jaar, hun gesprekken in het jaar)');
    expect([perReporter.value, perReporter.numFmt]).toEqual([2, '0.0']);
    expect([ratio('Melders als deel van het personeel').value, ratio('Melders als deel van het personeel').numFmt]).toEqual([0.024, '0.0%']);
    // Sheet names are cut at a whole word and never repeat.
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names).toContain('Gebeurtenissen uit een eerdere');
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(31);
  });

  it('writes the Dutch CSV as Dutch Excel opens it (byte-order mark, `;`, decimal comma), with the Excel file’s tables and numbers, and no formula however it is split', async () => {
    await publish({ ...base, year: 2025, format: 'xlsx', acceptDifferencing: false });
    const xlsx = dialogs.saved.at(-1)!;
    await publish({ ...base, year: 2025, format: 'csv', acceptDifferencing: false });
    const csv = dialogs.saved.at(-1)!;
    expect([...readFileSync(csv).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csvRows(csv, ';');
    expect(rows[0]).toEqual(['Hoofdstuk', 'Tabel', 'Rij', 'Kolom', 'Waarde', 'section_code', 'table_code', 'row_code', 'column_code']);
    expect(rows).toContainEqual(['Kerncijfers', 'Kerncijfers', 'Meldingen (uniek, elk één keer geteld)', 'Verschil met 2024, andere dekking', '-13', 'summary', 'team.keyFigures', 'reports', 'change']);
    expect(rows).toContainEqual(['Kerncijfers', 'Meldingen per eenheid (vanaf de drempel)', `'${HOSTILE_UNIT}`, 'Aantal meldingen', '9', 'summary', 'team.units', `'${HOSTILE_UNIT}`, 'count']);
    expect(rows).toContainEqual(['Kerncijfers', 'Meldingen per eenheid (vanaf de drempel)', "Dienst;'=cmd|calc", 'Aantal meldingen', '6', 'summary', 'team.units', "Dienst;'=cmd|calc", 'count']);
    expect(rows.find((row) => row[7] === 'staffShare')![4]).toBe('2,4%');

    const fromCsv = csvTables(rows);
    expect(fromCsv).toEqual(xlsxTables(xlsxSheets(xlsx)));
    expect(Object.keys(fromCsv)).toHaveLength((await ok<PublicationDocument>('team.document', { ...base, year: 2025 })).sections.flatMap((section) => section.tables).length);
    for (const separator of [';', ',']) for (const field of csvRows(csv, separator).flat()) if (!NUMBER.test(field)) expect(field, separator).not.toMatch(FORMULA_START);
    for (const sheet of xlsxSheets(xlsx)) {
      for (const cell of sheet.rows.flat()) {
        expect(cell.type).not.toBe('f');
        if (typeof cell.value === 'string') expect(cell.value).not.toMatch(FORMULA_START);
      }
    }
  });

  it('writes the English CSV as English Excel opens it: `,` and a decimal point, with the byte-order mark that keeps "×" and "–" readable', async () => {
    await publish({ ...base, language: 'en', year: 2025, format: 'csv', acceptDifferencing: false });
    const csv = dialogs.saved.at(-1)!;
    expect([...readFileSync(csv).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csvRows(csv, ',');
    expect(rows[0]).toHaveLength(9);
    expect(rows.find((row) => row[7] === 'staffShare')![4]).toBe('2.4%');
    expect(rows.find((row) => row[7] === 'reports' && row[8] === 'change')![4]).toBe('-13');
    for (const separator of [';', ',']) for (const field of csvRows(csv, separator).flat()) if (!NUMBER.test(field)) expect(field, separator).not.toMatch(FORMULA_START);
  });

  it('writes Word that a reader opens: title page, every section heading, real tables, the chart as a picture, the text from the vault', async () => {
    await publish({ ...base, year: 2025, format: 'docx', acceptDifferencing: false });
    const file = saved();
    const document = await ok<PublicationDocument>('team.document', { ...base, year: 2025 });
    const { value: html } = await mammoth.convertToHtml({ buffer: file });
    expect(html).toContain('<h1>Kerncijfers</h1>');
    for (const section of document.sections) expect(html).toContain(`<h1>${section.title}</h1>`);
    // A table too wide for the page comes in parts, each named so, each a table of its own.
    const extraParts = [...html.matchAll(/\(deel 1 van (\d+)\)/g)].reduce((sum, match) => sum + Number(match[1]) - 1, 0);
    expect(extraParts).toBeGreaterThan(0);
    expect(html.match(/<table>/g)).toHaveLength(document.sections.flatMap((section) => section.tables).length + extraParts);
    expect(html.match(/<img /g)).toHaveLength(1);
    expect(html).toContain('Universiteit Canaryland');
    expect(html).toContain('<p>=cmd|calc</p><p>Tweede alinea.</p>');
    expect(html).toContain('<td><p>×</p></td>');
    const { value: text } = await mammoth.extractRawText({ buffer: file });
    expect(text).toContain('Centrale vertrouwenspersoon: 1 adviseur over september – december 2025');
  });

  it('warns after an import was removed, lists the cells whose change reveals it, and publishes only once the member confirms', async () => {
    await publish({ ...base, year: 2025, format: 'pdf', acceptDifferencing: false });
    expect(saved().subarray(0, 5).toString()).toBe('%PDF-');
    expect((await ok<PublicationDocument>('team.document', { ...base, year: 2025 })).differencing).toBeNull();

    await ok('team.remove', { exportId: removable });
    const { differencing } = await ok<PublicationDocument>('team.document', { ...base, year: 2025 });
    expect(differencing).toMatchObject({ publishedOn: '2026-02-02', removedImports: 1 });
    expect(differencing!.cells).toContainEqual({ table: 'Kerncijfers', row: 'Meldingen (uniek, elk één keer geteld)', column: null, previous: 47, current: 44 });
    for (const cell of differencing!.cells) expect(Math.abs(cell.current - cell.previous)).toBeLessThan(5);

    const before = dialogs.saved.length;
    expect(await codeOf('team.savePublication', { ...base, year: 2025, format: 'pdf', acceptDifferencing: false })).toBe('DIFFERENCING_RISK');
    expect(dialogs.saved).toHaveLength(before);
    await publish({ ...base, year: 2025, format: 'pdf', acceptDifferencing: true });
    expect((await ok<PublicationDocument>('team.document', { ...base, year: 2025 })).differencing).toBeNull();
  });

  it('keeps the team’s texts per year in the vault, and an empty text removes it', async () => {
    expect(await ok<ReportTexts>('team.texts', { year: 2025 })).toEqual({ organisation: 'Universiteit Canaryland', nature: '=cmd|calc\nTweede alinea.' });
    await ok('team.saveText', { year: 2025, text: 'nature', value: '   ' });
    expect(await ok<ReportTexts>('team.texts', { year: 2025 })).toEqual({ organisation: 'Universiteit Canaryland' });
    expect(await ok<ReportTexts>('team.texts', { year: 2024 })).toEqual({});
  });
});
