import { useTranslation } from 'react-i18next';
import type { ReportCross } from '../../../../shared/contract';
import { CountCell } from './CountCell';
import type { KeyLabel } from '../../../../shared/publication/labels';

/** A nature crossed with one other trait; a report with two natures stands in two rows. */
export function ReportCrossView({ title, cross, rowLabel, columnLabel, k }: { title: string; cross: ReportCross; rowLabel: KeyLabel; columnLabel: KeyLabel; k: number }) {
  const { t } = useTranslation();
  if (cross.rowKeys.length === 0) return null;
  return (
    <section className="report-table" aria-label={title}>
      <h3>{title}</h3>
      <p className="table-unit">
        {t('team.crossUnitLine', { unit: t(`team.unit.${cross.unit}`) })} {t('team.multiNote', { unit: t(`team.unit.${cross.unit}`) })}
      </p>
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
                <CountCell key={j} value={value} k={k} />
              ))}
              <CountCell value={cross.rowTotals[i]!} k={k} />
            </tr>
          ))}
          <tr className="total">
            <th scope="row">{t('team.total')}</th>
            {cross.columnTotals.map((value, j) => (
              <CountCell key={j} value={value} k={k} />
            ))}
            <CountCell value={cross.total} k={k} />
          </tr>
        </tbody>
      </table>
    </section>
  );
}
