import { useTranslation } from 'react-i18next';
import { useCaseStore } from '../../stores/caseStore';

/**
 * A case saved incomplete, or under earlier rules, stays readable; this says what to complete. An
 * incomplete case is counted nowhere until completed, or can be left out of the statistics on purpose.
 */
export function NeedsAttentionNotice() {
  const { t } = useTranslation();
  const { record, leaveOutOfStatistics } = useCaseStore();
  const incomplete = record?.statisticsCompletion === 'incomplete';
  return (
    <p className="flag-attention notice" role="note">
      {t(incomplete ? 'casePage.incomplete' : 'casePage.needsAttention')}
      {record && incomplete && (
        <>
          {' '}
          <button type="button" className="link" onClick={() => void leaveOutOfStatistics(record.id, true)}>
            {t('casePage.leaveOut')}
          </button>
        </>
      )}
    </p>
  );
}
