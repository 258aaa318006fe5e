import { useTranslation } from 'react-i18next';
import type { Language, PublicationTable } from '../../../../shared/contract';
import type { PublicationCell } from '../../../../shared/contract';
import { cellText } from '../../../../shared/publication/shown';
import { tableParts, type TableMetrics } from '../../../../shared/publication/tableParts';
import { BarChart } from '../../components/BarChart';

const markClass = (cell: PublicationCell) => (cell.kind === 'count' && typeof cell.value === 'string' ? `suppressed suppressed-${cell.value}` : undefined);

const POINTS_PER_MM = 72 / 25.4;

/** The print route's table, as reportDocument.css sets it: the 180 mm of an A4 page between its margins, 9.5 pt text, 2 mm padding each side. */
const PRINT_TABLE: TableMetrics = { width: 178 * POINTS_PER_MM, size: 9.5, padding: 4 * POINTS_PER_MM, labelShare: 0.3 };

/**
 * One table of the report document, its chart above it and its footnotes below. A table wider
 * than the page is printed in parts, each with the row labels again, never cut at the edge.
 */
export function DocumentTable({ table, k, language }: { table: PublicationTable; k: number; language: Language }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT(language);
  const text = (cell: PublicationCell) => cellText(cell, k, language);
  const parts = tableParts(table, (column) => table.rows.map((row) => text(row.cells[column]!)), PRINT_TABLE);
  return (
    <section className="document-table" aria-label={table.title}>
      <h3>{table.title}</h3>
      {table.unitLine && <p className="unit-line">{table.unitLine}</p>}
      {table.chart && <BarChart id={table.id} bars={table.chart} k={k} title={table.title} />}
      {parts.map(({ columns, part, parts: count }) => (
        <table key={part} className={count > 1 ? 'table-part' : undefined}>
          {count > 1 && <caption>{t('publication.tablePart', { title: table.title, part, parts: count })}</caption>}
          <thead>
            <tr>
              <th />
              {columns.map((index) => (
                <th key={table.columns[index]!.code} scope="col">
                  {table.columns[index]!.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.code} className={row.total ? 'total' : undefined}>
                <th scope="row">{row.label}</th>
                {columns.map((index) => (
                  <td key={index} className={markClass(row.cells[index]!)}>
                    {text(row.cells[index]!)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      {table.footnotes.map((note) => (
        <p key={note} className="footnote">
          {note}
        </p>
      ))}
    </section>
  );
}
