import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConversationInput } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/errors';
import { futureConversationFields } from '../../../../shared/futureDates';
import { localMinute } from '../../../../shared/time';
import { errorCodeOf } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { fieldErrors, hasErrors } from '../../components/form/fieldErrors';
import { CodeSelect, NumberField, TextField } from '../../components/form/fields';
import { DraftNotice } from '../../drafts/DraftNotice';
import { useGuardedForm } from '../../drafts/useGuardedForm';

export const newConversation = (): ConversationInput => ({
  heldAt: localMinute(new Date()),
  durationMinutes: 45,
  mode: 'in_person',
  participants: '',
  notes: '',
});

export function ConversationForm({
  draftKey,
  caseId,
  initial,
  onSave,
  onCancel,
  title,
}: {
  /** `conversation:new:<case>` or `conversation:<id>`: where its draft is kept at a lock. */
  draftKey: string;
  caseId: number;
  initial: ConversationInput;
  onSave(conversation: ConversationInput): Promise<void>;
  onCancel?(): void;
  title: string;
}) {
  const { t } = useTranslation();
  const form = useGuardedForm({ key: draftKey, caseId, initial, submit });
  const { value, setValue } = form;
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const errors = fieldErrors(ConversationInput, value, futureConversationFields(value, new Date()));
  const shown = submitted ? errors : {};
  const change = (changes: Partial<ConversationInput>) => setValue((current) => ({ ...current, ...changes }));

  async function submit(event?: FormEvent): Promise<boolean> {
    event?.preventDefault();
    setSubmitted(true);
    setError(null);
    if (hasErrors(errors)) return false;
    try {
      await form.persist(() => onSave(value));
      form.reset(newConversation());
      setSubmitted(false);
      return true;
    } catch (caught) {
      setError(errorCodeOf(caught));
      return false;
    }
  }

  // Escape closes an edit, or empties the new-conversation form; either way it asks when something is typed.
  const cancel = () => form.leave(onCancel ?? (() => form.reset(initial)));

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') cancel();
  }

  return (
    <form className="card conversation-form" onSubmit={(event) => void submit(event)} onKeyDown={onKeyDown} noValidate aria-label={title}>
      <h3>{title}</h3>
      <DraftNotice restoredAt={form.restoredAt} onThrowAway={form.discard} />
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
          <button type="button" className="secondary" onClick={cancel}>
            {t('form.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
