import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseInput, IncompleteCaseInput } from '../../../../shared/contract';
import { futureCaseFields } from '../../../../shared/futureDates';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ErrorSummary } from '../../components/form/ErrorSummary';
import { fieldErrors, type FieldErrors } from '../../components/form/fieldErrors';
import { useRecordForm } from '../../components/form/useRecordForm';
import { DraftNotice } from '../../drafts/DraftNotice';
import { statisticsFirst } from './caseFormRules';
import { forCompleteSave, forIncompleteSave, type CaseDraft } from './caseForm/caseDraft';
import { SectionLinks } from './caseForm/CaseFormSection';
import { ConsentSection } from './caseForm/ConsentSection';
import { HandlingSection } from './caseForm/HandlingSection';
import { IntakeSection } from './caseForm/IntakeSection';
import { NatureSection } from './caseForm/NatureSection';
import { ReportersSection } from './caseForm/ReportersSection';
import { StatusSection } from './caseForm/StatusSection';

/** Saved complete (every answer, every rule) or to be completed later (only the facts checked). */
type SaveMode = 'complete' | 'incomplete';

/**
 * The checks of a save in either mode, the shared schemas the core enforces. An incomplete save
 * is checked on the form as it stands (an untouched reporter row passes), so each message stays
 * beside its own row.
 */
function checks(value: CaseDraft, mode: SaveMode): FieldErrors {
  const future = futureCaseFields(value, new Date());
  const errors = mode === 'complete' ? fieldErrors(CaseInput, forCompleteSave(value), future) : fieldErrors(IncompleteCaseInput, value, future);
  // The first contact is asked, never guessed (caseDraft.ts), so an empty one is missing, not malformed.
  if (value.firstContactAt === '') errors.firstContactAt = 'required';
  return errors;
}

/**
 * The whole case record in one keyboard-first form. It runs the same schema the core enforces,
 * so what the form accepts the core accepts; Ctrl+Enter saves, Escape cancels. "Save, complete
 * later" keeps unanswered statistics open (NULL): the case is then counted nowhere and flagged
 * until a complete save.
 */
export function CaseForm({
  draftKey,
  caseId,
  initial,
  onSave,
  onSaveIncomplete,
  onCancel,
}: {
  /** `case:new` or `case:<id>`: where the form is kept as a draft at a lock. */
  draftKey: string;
  caseId: number | null;
  initial: CaseDraft;
  onSave(input: CaseInput): Promise<void>;
  onSaveIncomplete(input: IncompleteCaseInput): Promise<void>;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [start] = useState<CaseDraft>(() => ({ ...initial, consents: statisticsFirst(initial.consents) }));
  // Each press of a save button, in its mode: the form's checks follow the mode of the last press.
  const [attempt, setAttempt] = useState<{ mode: SaveMode; count: number }>({ mode: 'complete', count: 0 });
  const form = useRecordForm({
    key: draftKey,
    caseId,
    initial: start,
    validate: (value) => checks(value, attempt.mode),
    // The same schema said yes first, so parsing only narrows the form's unchosen fields away.
    save: (value) =>
      attempt.mode === 'complete' ? onSave(CaseInput.parse(forCompleteSave(value))) : onSaveIncomplete(IncompleteCaseInput.parse(forIncompleteSave(value))),
  });
  const formId = useId();
  const section = { formId, value: form.value, change: form.change, shown: form.shown };

  // The save runs once the form has rendered with the pressed button's checks.
  const submit = useRef(form.submit);
  useEffect(() => {
    submit.current = form.submit;
  });
  useEffect(() => {
    if (attempt.count > 0) void submit.current();
  }, [attempt]);
  const saveAs = (mode: SaveMode) => setAttempt((previous) => ({ mode, count: previous.count + 1 }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    saveAs('complete');
  }

  // Cancel and Escape leave through the leave guard, which asks first when something is typed.
  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) saveAs('complete');
    if (event.key === 'Escape') onCancel();
  }

  return (
    <form className="case-form" onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate aria-label={t('caseForm.title')}>
      <ErrorSummary form={form} />
      <DraftNotice restoredAt={form.restoredAt} onThrowAway={form.discard} />
      <SectionLinks formId={formId} />
      <IntakeSection {...section} />
      <ReportersSection {...section} />
      <NatureSection {...section} />
      <HandlingSection {...section} />
      <ConsentSection {...section} />
      <StatusSection {...section} />
      {form.invalid && (
        <p className="error" role="alert">
          {t('caseForm.fixErrors')}
        </p>
      )}
      <ErrorMessage code={form.error} />
      <div className="actions">
        <button type="submit" disabled={form.saving}>
          {t('caseForm.save')}
        </button>
        <button type="button" className="secondary" disabled={form.saving} onClick={() => saveAs('incomplete')}>
          {t('caseForm.saveIncomplete')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
