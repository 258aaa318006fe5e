import { useTranslation } from 'react-i18next';
import { ConversationInput } from '../../../../shared/contract';
import { futureConversationFields } from '../../../../shared/futureDates';
import { localMinute } from '../../../../shared/time';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ErrorSummary } from '../../components/form/ErrorSummary';
import { fieldErrors, type FieldErrors } from '../../components/form/fieldErrors';
import { CodeSelect, NumberField, TextField } from '../../components/form/fields';
import { FormButtons } from '../../components/form/FormButtons';
import { useRecordForm } from '../../components/form/useRecordForm';
import { DraftNotice } from '../../drafts/DraftNotice';
import { saveOnCtrlEnter } from './saveOnCtrlEnter';

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
  composer = false,
}: {
  /** `conversation:new:<case>` or `conversation:<id>`: where its draft is kept at a lock. */
  draftKey: string;
  caseId: number;
  initial: ConversationInput;
  onSave(conversation: ConversationInput): Promise<void>;
  onCancel?(): void;
  title: string;
  /** The case page's writing area: the note first, kept in view while the conversations scroll. */
  composer?: boolean;
}) {
  const { t } = useTranslation();
  // Escape closes an edit, or empties the new-conversation form; either way it asks when something is typed.
  const form = useRecordForm({
    key: draftKey,
    caseId,
    initial,
    validate: (value) => fieldErrors(ConversationInput, value, futureConversationFields(value, new Date())),
    save: onSave,
    afresh: newConversation,
    onCancel,
  });
  const { value, shown, change } = form;

  return (
    <form className={composer ? 'card conversation-form composer' : 'card conversation-form'} onSubmit={form.onSubmit} onKeyDown={saveOnCtrlEnter(form)} noValidate aria-label={title}>
      <h3>{title}</h3>
      <ErrorSummary form={form} />
      <DraftNotice restoredAt={form.restoredAt} onThrowAway={form.discard} />
      <ConversationFields value={value} shown={shown} change={change} />
      <ErrorMessage code={form.error} />
      <FormButtons saveLabel={t('conversation.save')} onCancel={onCancel && form.cancel} />
    </form>
  );
}

/**
 * What is written about one conversation: the note first, its other facts compact beneath it (the
 * time defaults to now). Shared by the case page and the capture of a new case.
 */
export function ConversationFields({ value, shown, change }: { value: ConversationInput; shown: FieldErrors; change(changes: Partial<ConversationInput>): void }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField className="conversation-notes" label={t('conversation.notes')} multiline value={value.notes} onChange={(notes) => change({ notes })} error={shown.notes} />
      <div className="conversation-facts">
        <TextField label={t('conversation.heldAt')} type="datetime-local" value={value.heldAt} onChange={(heldAt) => change({ heldAt })} error={shown.heldAt} />
        <NumberField label={t('conversation.duration')} value={value.durationMinutes} onChange={(minutes) => change({ durationMinutes: minutes ?? 0 })} error={shown.durationMinutes} />
        <CodeSelect list="conversationMode" label={t('conversation.mode')} value={value.mode} onChange={(mode) => mode && change({ mode })} />
        <TextField label={t('conversation.participants')} value={value.participants} onChange={(participants) => change({ participants })} error={shown.participants} />
      </div>
    </>
  );
}
