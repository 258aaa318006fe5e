import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../shared/errors';
import { errorCodeOf } from '../api/client';
import { ErrorMessage } from './ErrorMessage';

/**
 * A destructive action that asks once more, in place, before it runs. Escape or Cancel puts the
 * focus back on the button; a refused action says why beside it instead of failing silently.
 */
export function ConfirmButton({ label, question, confirmLabel, onConfirm }: { label: string; question: string; confirmLabel: string; onConfirm(): void | Promise<void> }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const stopAsking = () => {
    setAsking(false);
    // The button is back in the page only after this render.
    requestAnimationFrame(() => button.current?.focus());
  };
  async function confirm() {
    setError(null);
    try {
      await onConfirm();
      setAsking(false);
    } catch (caught) {
      setError(errorCodeOf(caught));
      stopAsking();
    }
  }
  if (!asking) {
    return (
      <span className="confirm-wrapper">
        <button type="button" className="danger" ref={button} onClick={() => setAsking(true)}>
          {label}
        </button>
        <ErrorMessage code={error} />
      </span>
    );
  }
  return (
    <div
      role="alertdialog"
      aria-label={question}
      className="confirm"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        // The form around it must not take this Escape as leaving the form.
        event.stopPropagation();
        stopAsking();
      }}
    >
      <p>{question}</p>
      <button type="button" className="danger" onClick={() => void confirm()} autoFocus>
        {confirmLabel}
      </button>
      <button type="button" className="secondary" onClick={stopAsking}>
        {t('form.cancel')}
      </button>
    </div>
  );
}
