import { useTranslation } from 'react-i18next';
import type { ReportTable } from '../../../../shared/contract';
import { BarChart } from '../../components/BarChart';
import { CountCell } from './CountCell';
import type { KeyLabel } from '../../../../shared/publication/labels';
import { shownCount, shownPercent } from '../../../../shared/publication/shown';


/**
 * One table of the publication: each row's count and its percentage of the stated base, the unit
 * named above it. Zeros are shown, as the publication prints them; the chart beside it leaves
 * them out and keeps hidden rows as marked empty bars.
 */
export function ReportTableView({ title, table, label, k, chart = false, note }: { title: string; table: ReportTable; label: KeyLabel; k: number; chart?: boolean; note?: string }) {
  const { t } = useTranslation();
  const rows = table.rows.every((row) => row.value === 0) ? [] : table.rows;
  return (
    <section className="report-table" aria-label={title}>
      <h3>{title}</h3>
      <p className="table-unit">
        {t('team.unitLine', { unit: t(`team.unit.${table.unit}`), base: shownCount(table.base, k) })}
        {table.multi && ` ${t('team.multiNote', { unit: t(`team.unit.${table.unit}`) })}`}
      </p>
      {note && <p className="hint">{note}</p>}
      {chart && <BarChart id={title} bars={rows.filter((row) => row.value !== 0).map((row) => ({ label: label(row.key), value: row.value }))} k={k} title={t('team.chartOf', { title })} />}
      {rows.length === 0 ? (
        <p className="empty">{t('team.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('team.row')}</th>
              <th scope="col">{t('team.countOf', { unit: t(`team.unit.${table.unit}`) })}</th>
              <th scope="col">{t('team.percent')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{label(row.key)}</th>
                <CountCell value={row.value} k={k} />
                <td>{shownPercent(row.percent, k)}</td>
              </tr>
            ))}
            {table.hasTotal && (
              <tr className="total">
                <th scope="row">{t('team.total')}</th>
                <CountCell value={table.total} k={k} />
                <td />
              </tr>
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
