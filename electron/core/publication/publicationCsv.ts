import type { PublicationDocument } from '../../../shared/schemas/publication';
import { translatorFor } from '../i18n/translator';
import { cellText } from '../../../shared/publication/shown';
import { neutralised } from './neutralise';

const quote = (text: string) => (/[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * One line per printed cell: the labels the document prints first, the stable codes after them
 * (for whoever merges years or languages). Counts are bare numbers; marks and labels are text,
 * and text that a spreadsheet would read as a formula is neutralised.
 */
export function publicationCsv(document: PublicationDocument): string {
  const t = translatorFor(document.language);
  const header = [t('publication.csv.section'), t('publication.csv.table'), t('publication.csv.row'), t('publication.csv.column'), t('publication.csv.value'), 'section_code', 'table_code', 'row_code', 'column_code'];
  const lines = [header.map(quote).join(',')];
  for (const section of document.sections) {
    for (const table of section.tables) {
      for (const row of table.rows) {
        row.cells.forEach((cell, index) => {
          const column = table.columns[index]!;
          const numeric = (cell.kind === 'count' || cell.kind === 'change') && typeof cell.value === 'number';
          const value = numeric ? String(cell.value) : neutralised(cellText(cell, document.k));
          if (value === '') return;
          const labels = [section.title, table.title, row.label, column.label].map((text) => quote(neutralised(text)));
          const codes = [section.id, table.id, row.code, column.code].map((text) => quote(neutralised(text)));
          lines.push([...labels, numeric ? value : quote(value), ...codes].join(','));
        });
      }
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
