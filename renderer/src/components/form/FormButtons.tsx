import { useTranslation } from 'react-i18next';

/** A record form's save button, and Cancel where the form can be closed. */
export function FormButtons({ saveLabel, onCancel }: { saveLabel: string; onCancel?: (() => void) | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <button type="submit">{saveLabel}</button>
      {onCancel && (
        <button type="button" className="secondary" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      )}
    </div>
  );
}
