import type { PublicationTable } from '../../../../shared/contract';
import type { PublicationCell } from '../../../../shared/contract';
import { cellText } from '../../../../shared/publication/shown';
import { BarChart } from '../../components/BarChart';

const markClass = (cell: PublicationCell) => (cell.kind === 'count' && typeof cell.value === 'string' ? `suppressed suppressed-${cell.value}` : undefined);

/** One table of the report document, its chart above it and its footnotes below. */
export function DocumentTable({ table, k }: { table: PublicationTable; k: number }) {
  return (
    <section className="document-table" aria-label={table.title}>
      <h3>{table.title}</h3>
      {table.unitLine && <p className="unit-line">{table.unitLine}</p>}
      {table.chart && <BarChart id={table.id} bars={table.chart} k={k} title={table.title} />}
      <table>
        <thead>
          <tr>
            <th />
            {table.columns.map((column) => (
              <th key={column.code} scope="col">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.code} className={row.total ? 'total' : undefined}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell, index) => (
                <td key={index} className={markClass(cell)}>
                  {cellText(cell, k)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {table.footnotes.map((note) => (
        <p key={note} className="footnote">
          {note}
        </p>
      ))}
    </section>
  );
}
