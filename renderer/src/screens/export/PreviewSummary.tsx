import { useTranslation } from 'react-i18next';
import type { ExportPreview } from '../../../../shared/contract';
import { FUNCTION_REFERRAL_CODES } from '../../../../shared/taxonomy';
import { TAXONOMY } from '../../../../shared/i18n/taxonomyLists';

/**
 * Key figures of the preview, readable; the exact file content is shown beneath them. Reports
 * first received here and reports passed on by another function are kept apart, as the team
 * report counts each report once, where it was first received.
 */
export function PreviewSummary({ preview }: { preview: ExportPreview }) {
  const { t } = useTranslation();
  const { file } = preview;
  const counts = file.counts;
  const natures = TAXONOMY.nature.filter((nature) => counts.byNature[nature] > 0);
  const received = FUNCTION_REFERRAL_CODES.filter((code) => counts.referralsReceived[code] > 0);
  return (
    <dl className="overview">
      <dt>{t('export.function')}</dt>
      <dd>
        {t(`taxonomy.vaultFunction.${file.function}`)}
        {file.external && ` (${t('team.external')})`}
      </dd>
      <dt>{t('export.adviserId')}</dt>
      <dd>{file.adviserId.slice(0, 8)}</dd>
      <dt>{t('export.reports')}</dt>
      <dd>{counts.reports}</dd>
      <dt>{t('export.receivedReports')}</dt>
      <dd>
        {counts.receivedReports}
        {received.length > 0 &&
          ` (${received.map((code) => `${t(`taxonomy.referralSource.${code}`)}: ${counts.referralsReceived[code]}`).join(', ')})`}
      </dd>
      <dt>{t('export.reporters')}</dt>
      <dd>
        {counts.reporters} ({t('export.jointReports', { count: counts.jointReports })})
      </dd>
      <dt>{t('export.conversations')}</dt>
      <dd>
        {counts.conversations} ({t('export.perReporter', { value: counts.conversationsPerReporter })})
      </dd>
      <dt>{t('export.within24h')}</dt>
      <dd>{counts.firstResponse.within24h}</dd>
      <dt>{t('export.natures')}</dt>
      <dd>{natures.map((nature) => `${t(`taxonomy.nature.${nature}`)}: ${counts.byNature[nature]}`).join(', ') || '—'}</dd>
      <dt>{t('export.handlingSummary')}</dt>
      <dd>{TAXONOMY.handlingSummary.map((key) => `${t(`taxonomy.handlingSummary.${key}`)}: ${counts.handlingSummary[key]}`).join(', ')}</dd>
      <dt>{t('export.boardAdvices')}</dt>
      <dd>{counts.boardAdvices.total}</dd>
      <dt>{t('export.signalsAndActivities')}</dt>
      <dd>
        {counts.signals.total} / {Object.values(counts.activities).reduce((sum, activity) => sum + activity.count, 0)}
      </dd>
    </dl>
  );
}
