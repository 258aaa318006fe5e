import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { PublishedCross, PublishedTable } from '../../../../shared/contract';

/** "<k" for a suppressed count, exactly as the CSV and PDF show it. */
export function shown(value: number | null, k: number): string {
  return value === null ? `<${k}` : String(value);
}

/** A bar chart of the published counts beside the table; suppressed counts are not plotted. */
export function PublishedTableView({
  title,
  table,
  label,
  k,
}: {
  title: string;
  table: PublishedTable;
  label(key: string): string;
  k: number;
}) {
  const { t } = useTranslation();
  const rows = table.rows.filter((row) => row.value !== 0);
  const plotted = rows.filter((row): row is { key: string; value: number } => row.value !== null).map((row) => ({ name: label(row.key), value: row.value }));
  return (
    <section className="report-table" aria-label={title}>
      <h3>{title}</h3>
      {plotted.length > 0 && (
        <figure className="chart" aria-label={t('team.chartOf', { title })}>
          <BarChart layout="vertical" width={620} height={plotted.length * 30 + 40} data={plotted} margin={{ left: 10, right: 20 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={260} />
            <Bar dataKey="value" fill="#2f5d8a" isAnimationActive={false} />
          </BarChart>
        </figure>
      )}
      {rows.length === 0 && <p className="empty">{t('team.none')}</p>}
      <table>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{label(row.key)}</th>
              <td>{shown(row.value, k)}</td>
            </tr>
          ))}
          {table.hasTotal && rows.length > 0 && (
            <tr className="total">
              <th scope="row">{t('team.total')}</th>
              <td>{shown(table.total, k)}</td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}

export function PublishedCrossView({ title, cross, rowLabel, columnLabel, k }: { title: string; cross: PublishedCross; rowLabel(key: string): string; columnLabel(key: string): string; k: number }) {
  const { t } = useTranslation();
  if (cross.rowKeys.length === 0) return null;
  return (
    <section className="report-table" aria-label={title}>
      <h3>{title}</h3>
      <table className="cross">
        <thead>
          <tr>
            <th />
            {cross.columnKeys.map((column) => (
              <th key={column} scope="col">
                {columnLabel(column)}
              </th>
            ))}
            <th scope="col">{t('team.total')}</th>
          </tr>
        </thead>
        <tbody>
          {cross.rowKeys.map((row, i) => (
            <tr key={row}>
              <th scope="row">{rowLabel(row)}</th>
              {cross.cells[i]!.map((value, j) => (
                <td key={j}>{shown(value, k)}</td>
              ))}
              <td>{shown(cross.rowTotals[i]!, k)}</td>
            </tr>
          ))}
          <tr className="total">
            <th scope="row">{t('team.total')}</th>
            {cross.columnTotals.map((value, j) => (
              <td key={j}>{shown(value, k)}</td>
            ))}
            <td>{shown(cross.total, k)}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
