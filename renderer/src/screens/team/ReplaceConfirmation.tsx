import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../../../../shared/contract';
import { ImportSummaryText } from './ImportSummaryText';

export interface PendingReplacement {
  fileName: string;
  content: string;
  incoming: ImportSummary;
  overlapping: ImportSummary[];
}

/**
 * One adviser's days are never counted twice: an export that overlaps their earlier imports
 * lands only when the merging member has seen both sides and confirms the replacement.
 */
export function ReplaceConfirmation({ pending, onConfirm, onKeep }: { pending: PendingReplacement; onConfirm(): void; onKeep(): void }) {
  const { t } = useTranslation();
  return (
    <div role="alertdialog" aria-labelledby="replace-title" className="confirm-block">
      <h3 id="replace-title">{t('team.replaceTitle', { fileName: pending.fileName })}</h3>
      <p>{t('team.replaceExplanation')}</p>
      <h4>{t('team.replaceIncoming')}</h4>
      <ul aria-label={t('team.replaceIncoming')}>
        <li>
          <ImportSummaryText item={pending.incoming} />
        </li>
      </ul>
      <h4>{t('team.replaceOverlapping', { count: pending.overlapping.length })}</h4>
      <ul aria-label={t('team.replaceOverlapping', { count: pending.overlapping.length })}>
        {pending.overlapping.map((item) => (
          <li key={item.exportId}>
            <ImportSummaryText item={item} />
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="danger" onClick={onConfirm}>
          {t('team.replaceConfirm', { count: pending.overlapping.length })}
        </button>
        <button type="button" className="secondary" onClick={onKeep}>
          {t('team.replaceKeep')}
        </button>
      </div>
    </div>
  );
}
