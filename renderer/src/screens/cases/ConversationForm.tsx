import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConversationInput } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/errors';
import { futureConversationFields } from '../../../../shared/futureDates';
import { localMinute } from '../../../../shared/time';
import { errorCodeOf } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { fieldErrors, hasErrors } from '../../components/form/fieldErrors';
import { CodeSelect, NumberField, TextField } from '../../components/form/fields';

export const newConversation = (): ConversationInput => ({
  heldAt: localMinute(new Date()),
  durationMinutes: 45,
  mode: 'in_person',
  participants: '',
  notes: '',
});

export function ConversationForm({
  initial,
  onSave,
  onCancel,
  title,
}: {
  initial: ConversationInput;
  onSave(conversation: ConversationInput): Promise<void>;
  onCancel?(): void;
  title: string;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const errors = fieldErrors(ConversationInput, value, futureConversationFields(value, new Date()));
  const shown = submitted ? errors : {};
  const change = (changes: Partial<ConversationInput>) => setValue((current) => ({ ...current, ...changes }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setError(null);
    if (hasErrors(errors)) return;
    try {
      await onSave(value);
      setValue(newConversation());
      setSubmitted(false);
    } catch (caught) {
      setError(errorCodeOf(caught));
    }
  }

  return (
    <form className="card conversation-form" onSubmit={submit} noValidate aria-label={title}>
      <h3>{title}</h3>
      <div className="grid">
        <TextField label={t('conversation.heldAt')} type="datetime-local" value={value.heldAt} onChange={(heldAt) => change({ heldAt })} error={shown.heldAt} />
        <NumberField label={t('conversation.duration')} value={value.durationMinutes} onChange={(minutes) => change({ durationMinutes: minutes ?? 0 })} error={shown.durationMinutes} />
        <CodeSelect list="conversationMode" label={t('conversation.mode')} value={value.mode} onChange={(mode) => mode && change({ mode })} />
        <TextField label={t('conversation.participants')} value={value.participants} onChange={(participants) => change({ participants })} error={shown.participants} />
      </div>
      <TextField label={t('conversation.notes')} multiline value={value.notes} onChange={(notes) => change({ notes })} error={shown.notes} />
      <ErrorMessage code={error} />
      <div className="actions">
        <button type="submit">{t('conversation.save')}</button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            {t('form.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
