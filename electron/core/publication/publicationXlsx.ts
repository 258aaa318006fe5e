import ExcelJS from 'exceljs';
import type { Language } from '../../../shared/schemas/primitives';
import type { PublicationCell, PublicationDocument } from '../../../shared/schemas/publication';
import { cellText } from '../../../shared/publication/shown';
import { neutralised } from '../../../shared/neutralise';
import { translatorFor } from '../i18n/translator';

const SHEET_NAME_LIMIT = 31;

/**
 * Excel's sheet names: at most 31 characters, none of []:*?/\\ , and unique in the workbook. A
 * longer title is cut at the last whole word that fits ("Gebeurtenissen uit een eerdere" rather
 * than "…eerdere "), a second sheet of the same name gets a number.
 */
export function sheetName(title: string, taken: Set<string>): string {
  const clean = title.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim();
  const fit = (limit: number) => {
    if (clean.length <= limit) return clean;
    const cut = clean.slice(0, limit + 1).replace(/\s+\S*$/, '');
    return (cut.length > 0 && cut.length <= limit ? cut : clean.slice(0, limit)).replace(/[\s,;:.(–-]+$/, '');
  };
  for (let attempt = 1; ; attempt++) {
    const suffix = attempt === 1 ? '' : ` (${attempt})`;
    const name = `${fit(SHEET_NAME_LIMIT - suffix.length)}${suffix}`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

/** Counts and changes stay numbers, percentages numbers formatted as such; marks and words are text. */
function cellValue(cell: PublicationCell, k: number, language: Language): { value: ExcelJS.CellValue; format?: string } {
  if ((cell.kind === 'count' || cell.kind === 'change') && typeof cell.value === 'number') return { value: cell.value, ...(cell.kind === 'change' ? { format: '+0;-0;0' } : {}) };
  if (cell.kind === 'percent' && typeof cell.value === 'number') return { value: cell.value / 100, format: '0%' };
  // Format codes are written with a point and shown with the reader's own decimal mark.
  if (cell.kind === 'ratio' && cell.value !== null) return cell.percent ? { value: cell.value / 100, format: '0.0%' } : { value: cell.value, format: '0.0' };
  const text = cellText(cell, k, language);
  return { value: text === '' ? null : neutralised(text) };
}

/** The document as a workbook: a sheet about the report, then one sheet per table. */
export async function publicationXlsx(document: PublicationDocument): Promise<Buffer> {
  const t = translatorFor(document.language);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Confidant';
  const taken = new Set<string>();
  const text = (value: string) => neutralised(value);

  const about = workbook.addWorksheet(sheetName(t('publication.aboutSheet'), taken));
  about.addRow([text(document.title)]).font = { bold: true, size: 14 };
  about.addRow([text(document.organisation)]);
  about.addRow([text(document.madeOn)]);
  about.addRow([]);
  about.addRow([t('publication.function'), t('publication.period'), t('publication.contributing')]).font = { bold: true };
  for (const period of document.periods) about.addRow([text(period.function), text(period.period), period.advisers]);
  about.addRow([]);
  about.addRow([t('publication.notesTitle')]).font = { bold: true };
  for (const note of document.notes) about.addRow([text(note)]);
  about.getColumn(1).width = 50;
  about.getColumn(2).width = 40;

  for (const section of document.sections) {
    for (const table of section.tables) {
      const sheet = workbook.addWorksheet(sheetName(table.title, taken));
      sheet.addRow([text(table.title)]).font = { bold: true, size: 12 };
      sheet.addRow([text(section.title)]);
      if (table.unitLine) sheet.addRow([text(table.unitLine)]);
      sheet.addRow([]);
      sheet.addRow(['', ...table.columns.map((column) => text(column.label))]).font = { bold: true };
      for (const row of table.rows) {
        const line = sheet.addRow([text(row.label)]);
        row.cells.forEach((cell, index) => {
          const { value, format } = cellValue(cell, document.k, document.language);
          const target = line.getCell(index + 2);
          target.value = value;
          if (format) target.numFmt = format;
          target.alignment = { horizontal: 'right' };
        });
        if (row.total) line.font = { bold: true };
      }
      if (table.footnotes.length > 0) sheet.addRow([]);
      for (const note of table.footnotes) sheet.addRow([text(note)]).font = { italic: true };
      sheet.getColumn(1).width = 48;
      for (let column = 2; column <= table.columns.length + 1; column++) sheet.getColumn(column).width = 16;
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
