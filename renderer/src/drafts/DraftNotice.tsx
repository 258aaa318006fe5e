import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../screens/cases/format';
import { localMinute } from '../../../shared/time';

/** Tells the adviser that the form holds what they were typing when the vault locked. */
export function DraftNotice({ restoredAt, onThrowAway }: { restoredAt: string | null; onThrowAway(): void }) {
  const { t, i18n } = useTranslation();
  if (!restoredAt) return null;
  return (
    <div role="status" className="notice draft-notice">
      <p>{t('drafts.restored', { when: formatDateTime(localMinute(new Date(restoredAt)), i18n.language) })}</p>
      <button type="button" className="secondary" onClick={onThrowAway}>
        {t('drafts.throwAway')}
      </button>
    </div>
  );
}
