import { useTranslation } from 'react-i18next';
import type { ExportPreview } from '../../../../shared/contract';
import { formatDate } from '../cases/format';

/**
 * What leaves the laptop, in plain words, before any table: how many reports, which tables, and
 * what never leaves. `leftOut` counts the period's cases the file does not count (listed below it).
 */
export function PreviewSummary({ preview, leftOut }: { preview: ExportPreview; leftOut: number }) {
  const { t, i18n } = useTranslation();
  const { file } = preview;
  const counts = file.counts;
  const activities = Object.values(counts.activities).reduce((sum, activity) => sum + activity.count, 0);
  return (
    <section className="export-summary" aria-labelledby="summary-title">
      <h3 id="summary-title">{t('export.summary.title')}</h3>
      <ul>
        <li>
          {t('export.summary.numbers', {
            from: formatDate(file.period.from, i18n.language),
            to: formatDate(file.period.to, i18n.language),
            reports: t('export.summary.reportCount', { count: counts.reports }),
            reporters: t('export.summary.reporterCount', { count: counts.reporters }),
            conversations: t('export.summary.conversationCount', { count: counts.conversations }),
          })}
        </li>
        <li>
          {t('export.summary.alsoCounted', {
            received: t('export.summary.receivedCount', { count: counts.receivedReports }),
            signals: t('export.summary.signalCount', { count: counts.signals.total }),
            activities: t('export.summary.activityCount', { count: activities }),
          })}
        </li>
        <li>
          {t('export.summary.tables')}
          {counts.byUnit && ` ${t('export.summary.units')}`}
        </li>
        <li>
          <strong>{t('export.summary.never')}</strong> {t('export.summary.onlyThese', { function: t(`taxonomy.vaultFunction.${file.function}`), adviserId: file.adviserId.slice(0, 8) })}
        </li>
        {leftOut > 0 && <li>{t('export.summary.leftOut', { count: leftOut })}</li>}
      </ul>
    </section>
  );
}
