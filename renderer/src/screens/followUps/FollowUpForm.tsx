import { useTranslation } from 'react-i18next';
import { FollowUpInput } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ErrorSummary } from '../../components/form/ErrorSummary';
import { fieldErrors } from '../../components/form/fieldErrors';
import { TextField } from '../../components/form/fields';
import { FormButtons } from '../../components/form/FormButtons';
import { useRecordForm } from '../../components/form/useRecordForm';
import { DraftNotice } from '../../drafts/DraftNotice';

interface FollowUpFields {
  dueDate: string;
  /** Empty: the step has a day, not a time. */
  dueTime: string;
  text: string;
}

const empty = (): FollowUpFields => ({ dueDate: '', dueTime: '', text: '' });

/** A time typed as 9:30, 9.30 or 09:30 is stored as 09:30; anything else is checked as typed. */
function storedTime(typed: string): string | null {
  const trimmed = typed.trim();
  if (trimmed === '') return null;
  const parts = /^(\d{1,2})[:.](\d{2})$/.exec(trimmed);
  return parts ? `${parts[1]!.padStart(2, '0')}:${parts[2]}` : trimmed;
}

/**
 * The adviser's next step on a case, or on one of its conversations: a day, a time if it has one,
 * and a few words. Kept as a draft at a lock like every record form.
 */
export function FollowUpForm({ caseId, conversationId, title, onSaved, onCancel }: { caseId: number; conversationId: number | null; title: string; onSaved(): Promise<void>; onCancel?: () => void }) {
  const { t } = useTranslation();
  const request = (value: FollowUpFields): FollowUpInput => ({ caseId, conversationId, dueDate: value.dueDate, dueTime: storedTime(value.dueTime), text: value.text });
  const form = useRecordForm({
    key: conversationId === null ? `followUp:new:${caseId}` : `followUp:new:${caseId}:${conversationId}`,
    caseId,
    initial: empty(),
    validate: (value) => fieldErrors(FollowUpInput, request(value)),
    save: async (value) => {
      await invoke('followUps.add', request(value));
      await onSaved();
      onCancel?.();
    },
    afresh: empty,
    onCancel,
  });
  const { value, shown, change } = form;
  return (
    <form className="card follow-up-form" onSubmit={form.onSubmit} onKeyDown={form.onKeyDown} noValidate aria-label={title}>
      <h3>{title}</h3>
      <ErrorSummary form={form} />
      <DraftNotice restoredAt={form.restoredAt} onThrowAway={form.discard} />
      <div className="follow-up-fields">
        <TextField label={t('followUps.dueDate')} type="date" value={value.dueDate} onChange={(dueDate) => change({ dueDate })} error={shown.dueDate} autoFocus />
        <TextField label={t('followUps.dueTime')} value={value.dueTime} onChange={(dueTime) => change({ dueTime })} error={shown.dueTime} />
        <TextField label={t('followUps.text')} className="follow-up-text" value={value.text} onChange={(text) => change({ text })} error={shown.text} />
      </div>
      <ErrorMessage code={form.error} />
      <FormButtons saveLabel={t('followUps.save')} onCancel={onCancel && form.cancel} />
    </form>
  );
}
