import { useTranslation } from 'react-i18next';
import type { TeamReport } from '../../../../shared/contract';
import { ConfirmButton } from '../../components/ConfirmButton';
import { formatDate, formatDateTime } from '../cases/format';
import { useImportDescription } from './ImportSummaryText';

/** The imports the selected year is built from, and the earlier imports they replaced. */
export function ImportList({ report, onRemove }: { report: TeamReport; onRemove(exportId: string): Promise<void> }) {
  const { t, i18n } = useTranslation();
  const describe = useImportDescription();
  return (
    <>
      {report.imports.length === 0 ? (
        <p className="empty">{t('team.noImportsForYear', { year: report.year })}</p>
      ) : (
        <table aria-label={t('team.importsOfYear', { year: report.year })}>
          <thead>
            <tr>
              <th scope="col">{t('team.adviser')}</th>
              <th scope="col">{t('export.function')}</th>
              <th scope="col">{t('team.period')}</th>
              <th scope="col">{t('team.exportedOn')}</th>
              <th scope="col">{t('export.reports')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {report.imports.map((item) => (
              <tr key={item.exportId}>
                <td>{describe.adviser(item)}</td>
                <td>{describe.function(item)}</td>
                <td>{describe.period(item)}</td>
                <td>{describe.exportedOn(item)}</td>
                <td>{item.reports}</td>
                <td>
                  <ConfirmButton label={t('team.remove')} question={t('team.confirmRemove')} confirmLabel={t('team.remove')} onConfirm={() => onRemove(item.exportId)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.replacements.length > 0 && (
        <section aria-labelledby="replacements-title">
          <h3 id="replacements-title">{t('team.replacements')}</h3>
          <ul>
            {report.replacements.map((replacement, index) => (
              <li key={index}>
                {t('team.replacementLine', {
                  adviser: t('team.adviserId', { id: replacement.adviser }),
                  period: `${formatDate(replacement.replacedPeriod.from, i18n.language)} – ${formatDate(replacement.replacedPeriod.to, i18n.language)}`,
                  exportedOn: formatDate(replacement.replacedExportedOn, i18n.language),
                  replacedAt: formatDateTime(replacement.replacedAt, i18n.language),
                })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
