import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A destructive action that asks once more, in place, before it runs. */
export function ConfirmButton({ label, question, confirmLabel, onConfirm }: { label: string; question: string; confirmLabel: string; onConfirm(): void | Promise<void> }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="danger" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div role="alertdialog" aria-label={question} className="confirm">
      <p>{question}</p>
      <button type="button" className="danger" onClick={() => void onConfirm()} autoFocus>
        {confirmLabel}
      </button>
      <button type="button" className="secondary" onClick={() => setAsking(false)}>
        {t('form.cancel')}
      </button>
    </div>
  );
}
