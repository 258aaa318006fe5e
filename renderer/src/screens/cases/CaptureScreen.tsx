import { useTranslation } from 'react-i18next';
import { CaseCapture } from '../../../../shared/contract';
import { futureConversationFields } from '../../../../shared/futureDates';
import { invoke } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ErrorSummary } from '../../components/form/ErrorSummary';
import { fieldErrors, type FieldErrors } from '../../components/form/fieldErrors';
import { TextField } from '../../components/form/fields';
import { FormButtons } from '../../components/form/FormButtons';
import { useRecordForm } from '../../components/form/useRecordForm';
import { DraftNotice } from '../../drafts/DraftNotice';
import { leaveTo } from '../../drafts/leaveGuard';
import { ConversationFields, newConversation } from './ConversationForm';
import { saveOnCtrlEnter } from './saveOnCtrlEnter';

const emptyCapture = (): CaseCapture => ({ label: '', conversation: newConversation() });

/** The conversation's own messages, named as its fields name them. */
function conversationErrors(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).flatMap(([path, message]) => (path.startsWith('conversation.') ? [[path.slice('conversation.'.length), message]] : [])));
}

/**
 * A conversation written down at once, with a new case that needs only a label: the case's
 * statistics stay unanswered (NULL) and the case is marked to complete, so nothing is counted
 * until the adviser completes them.
 */
export function CaptureScreen() {
  const { t } = useTranslation();
  const form = useRecordForm<CaseCapture>({
    key: 'capture:new',
    caseId: null,
    initial: emptyCapture(),
    validate: (value) => fieldErrors(CaseCapture, value, futureConversationFields(value.conversation, new Date()).map((path) => ['conversation', ...path])),
    save: async (value) => leaveTo({ name: 'case', id: (await invoke('cases.capture', value)).id }),
    onCancel: () => leaveTo({ name: 'cases' }),
  });
  const { value, shown, change } = form;
  return (
    <section className="capture" aria-labelledby="capture-title">
      <h1 id="capture-title">{t('capture.title')}</h1>
      <p className="hint">{t('capture.intro')}</p>
      <form className="card conversation-form capture-form" onSubmit={form.onSubmit} onKeyDown={saveOnCtrlEnter(form)} noValidate aria-label={t('capture.form')}>
        <ErrorSummary form={form} />
        <DraftNotice restoredAt={form.restoredAt} onThrowAway={form.discard} />
        <TextField label={t('caseForm.label')} value={value.label} onChange={(label) => change({ label })} error={shown.label} autoFocus />
        <ConversationFields value={value.conversation} shown={conversationErrors(shown)} change={(changes) => change({ conversation: { ...value.conversation, ...changes } })} />
        <ErrorMessage code={form.error} />
        <FormButtons saveLabel={t('conversation.save')} onCancel={form.cancel} />
      </form>
      <p className="hint">{t('capture.existingCase')}</p>
    </section>
  );
}
