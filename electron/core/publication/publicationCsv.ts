import type { PublicationCell, PublicationDocument } from '../../../shared/schemas/publication';
import type { Language } from '../../../shared/schemas/primitives';
import { translatorFor } from '../i18n/translator';
import { cellText } from '../../../shared/publication/shown';
import { neutralised } from '../../../shared/neutralise';

/**
 * What the document's readers' Excel opens with a double click: Dutch Excel splits at `;` and
 * reads "2,5" as a number, English Excel splits at `,` and reads "2.5". Both get a byte-order
 * mark: without one, Excel takes UTF-8 for the system's ANSI code page and prints "één", "×"
 * and "–" (in every language's document) as "Ã©Ã©n"; other readers skip the mark.
 */
const DIALECT: Record<Language, { separator: string; decimal: string }> = {
  nl: { separator: ';', decimal: ',' },
  en: { separator: ',', decimal: '.' },
};
const BYTE_ORDER_MARK = '\uFEFF';

const quote = (text: string) => (/[",;\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** A number as the reader's Excel takes it, or null for a mark or a word. */
function numberText(cell: PublicationCell, decimal: string): string | null {
  const decimalText = (value: number) => String(value).replace('.', decimal);
  switch (cell.kind) {
    case 'count':
    case 'change':
      return typeof cell.value === 'number' ? String(cell.value) : null;
    case 'percent':
      return typeof cell.value === 'number' ? `${cell.value}%` : null;
    case 'ratio':
      return cell.value === null ? null : `${decimalText(cell.value)}${cell.percent ? '%' : ''}`;
    case 'text':
      return null;
  }
}

/**
 * One line per printed cell: the labels the document prints first, the stable codes after them
 * (for whoever merges years or languages). Numbers are bare; marks and labels are text, and text
 * that a spreadsheet would read as a formula is neutralised.
 */
export function publicationCsv(document: PublicationDocument): string {
  const t = translatorFor(document.language);
  const { separator, decimal } = DIALECT[document.language];
  const text = (value: string) => quote(neutralised(value));
  const header = [t('publication.csv.section'), t('publication.csv.table'), t('publication.csv.row'), t('publication.csv.column'), t('publication.csv.value'), 'section_code', 'table_code', 'row_code', 'column_code'];
  const lines = [header.map(text).join(separator)];
  for (const section of document.sections) {
    for (const table of section.tables) {
      for (const row of table.rows) {
        row.cells.forEach((cell, index) => {
          const column = table.columns[index]!;
          const value = numberText(cell, decimal) ?? text(cellText(cell, document.k, document.language));
          if (value === '') return;
          const labels = [section.title, table.title, row.label, column.label].map(text);
          const codes = [section.id, table.id, row.code, column.code].map(text);
          lines.push([...labels, value, ...codes].join(separator));
        });
      }
    }
  }
  return `${BYTE_ORDER_MARK}${lines.join('\r\n')}\r\n`;
}
