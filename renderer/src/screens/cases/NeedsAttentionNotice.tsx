import { useTranslation } from 'react-i18next';

/** A case saved under earlier rules stays readable; this says what to complete at the next edit. */
export function NeedsAttentionNotice() {
  const { t } = useTranslation();
  return (
    <p className="flag-attention notice" role="note">
      {t('casePage.needsAttention')}
    </p>
  );
}
