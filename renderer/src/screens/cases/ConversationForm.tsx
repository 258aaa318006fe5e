import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ConversationInput } from '../../../../shared/contract';
import { futureConversationFields } from '../../../../shared/futureDates';
import { localMinute } from '../../../../shared/time';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ErrorSummary } from '../../components/form/ErrorSummary';
import { fieldErrors, type FieldErrors } from '../../components/form/fieldErrors';
import { CodeRadios, CodeSelect, NumberField, TextField } from '../../components/form/fields';
import { FormButtons } from '../../components/form/FormButtons';
import { useRecordForm } from '../../components/form/useRecordForm';
import { useStickyBottom } from '../../components/stickyBottom';
import { DraftNotice } from '../../drafts/DraftNotice';
import { useCaseStore } from '../../stores/caseStore';
import { saveOnCtrlEnter } from './saveOnCtrlEnter';

export const newConversation = (): ConversationInput => ({
  kind: 'conversation',
  heldAt: localMinute(new Date()),
  durationMinutes: 45,
  mode: 'in_person',
  participants: '',
  notes: '',
});

/** The entry's own fields: an entry being edited arrives with its id and case, which are not its to send. */
const entryOf = ({ kind, heldAt, durationMinutes, mode, participants, notes }: ConversationInput): ConversationInput => ({ kind, heldAt, durationMinutes, mode, participants, notes });

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
  // A session is an entry of a case with a mediation; the core refuses one elsewhere.
  const hasMediation = useCaseStore((state) => state.record?.id === caseId && state.record.mediation !== null);
  // Escape closes an edit, or empties the new-conversation form; either way it asks when something is typed.
  const form = useRecordForm({
    key: draftKey,
    caseId,
    initial: entryOf(initial),
    validate: (value) => fieldErrors(ConversationInput, value, futureConversationFields(value, new Date())),
    save: (value) => onSave(entryOf(value)),
    afresh: newConversation,
    onCancel,
  });
  const { value, shown, change } = form;
  const box = useRef<HTMLFormElement>(null);
  useStickyBottom(box, composer);

  return (
    <form ref={box} className={composer ? 'card conversation-form composer' : 'card conversation-form'} onSubmit={form.onSubmit} onKeyDown={saveOnCtrlEnter(form)} noValidate aria-label={title}>
      <h3>{title}</h3>
      <ErrorSummary form={form} />
      <DraftNotice restoredAt={form.restoredAt} onThrowAway={form.discard} />
      <ConversationFields value={value} shown={shown} change={change} sessionChoice={hasMediation} />
      <ErrorMessage code={form.error} />
      <FormButtons saveLabel={t('conversation.save')} onCancel={onCancel && form.cancel} />
    </form>
  );
}

/**
 * What is written about one conversation: the note first, its other facts compact beneath it (the
 * time defaults to now). Shared by the case page and the capture of a new case. On a case with a
 * mediation the entry may be one of its sessions, whose mode and duration may stay empty.
 */
export function ConversationFields({
  value,
  shown,
  change,
  sessionChoice = false,
}: {
  value: ConversationInput;
  shown: FieldErrors;
  change(changes: Partial<ConversationInput>): void;
  /** The case has a mediation: the entry can be written as one of its sessions. */
  sessionChoice?: boolean;
}) {
  const { t } = useTranslation();
  const session = value.kind === 'mediation_session';
  return (
    <>
      {(sessionChoice || session) && (
        <CodeRadios list="conversationKind" legend={t('conversation.kind')} className="conversation-kind" value={value.kind} onChange={(kind) => change({ kind })} error={shown.kind} />
      )}
      <TextField className="conversation-notes" label={t('conversation.notes')} multiline value={value.notes} onChange={(notes) => change({ notes })} error={shown.notes} />
      <div className="conversation-facts">
        <TextField label={t('conversation.heldAt')} type="datetime-local" value={value.heldAt} onChange={(heldAt) => change({ heldAt })} error={shown.heldAt} />
        <NumberField label={t('conversation.duration')} value={value.durationMinutes} onChange={(durationMinutes) => change({ durationMinutes })} error={shown.durationMinutes} />
        <CodeSelect
          list="conversationMode"
          label={t('conversation.mode')}
          value={value.mode}
          onChange={(mode) => change({ mode })}
          emptyLabel={session || value.mode === null ? t('form.notRecorded') : undefined}
          error={shown.mode}
        />
        <TextField label={session ? t('mediation.attendees') : t('conversation.participants')} value={value.participants} onChange={(participants) => change({ participants })} error={shown.participants} />
      </div>
    </>
  );
}
