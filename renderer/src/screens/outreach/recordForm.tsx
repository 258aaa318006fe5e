import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../../shared/errors';
import { errorCodeOf } from '../../api/client';
import { ConfirmButton } from '../../components/ConfirmButton';
import { hasErrors, type FieldErrors } from '../../components/form/fieldErrors';

/** A small form: validates with the shared schema, saves, then starts afresh. */
export function useRecordForm<T>(initial: T, validate: (value: T) => FieldErrors, save: (value: T) => Promise<void>) {
  const [value, setValue] = useState(initial);
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const errors = validate(value);
  return {
    value,
    shown: submitted ? errors : ({} as FieldErrors),
    error,
    change: (changes: Partial<T>) => setValue((current) => ({ ...current, ...changes })),
    async submit(event: FormEvent) {
      event.preventDefault();
      setSubmitted(true);
      setError(null);
      if (hasErrors(errors)) return;
      try {
        await save(value);
        setValue(initial);
        setSubmitted(false);
      } catch (caught) {
        setError(errorCodeOf(caught));
      }
    },
  };
}

export interface FormProps<T> {
  initial: T;
  title: string;
  onSave(value: T): Promise<void>;
  onCancel?(): void;
}

export function FormButtons({ title, onCancel }: { title: string; onCancel?: (() => void) | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <button type="submit">{title}</button>
      {onCancel && (
        <button type="button" className="secondary" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      )}
    </div>
  );
}

export function RowActions({ onEdit, question, onDelete }: { onEdit(): void; question: string; onDelete(): Promise<void> }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <button type="button" className="secondary" onClick={onEdit}>
        {t('form.edit')}
      </button>
      <ConfirmButton label={t('form.delete')} question={question} confirmLabel={t('form.confirmDelete')} onConfirm={onDelete} />
    </div>
  );
}
