import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseInput } from '../../../../shared/contract';
import { futureCaseFields } from '../../../../shared/futureDates';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ErrorSummary } from '../../components/form/ErrorSummary';
import { fieldErrors } from '../../components/form/fieldErrors';
import { useRecordForm } from '../../components/form/useRecordForm';
import { DraftNotice } from '../../drafts/DraftNotice';
import { statisticsFirst } from './caseFormRules';
import type { CaseDraft } from './caseForm/caseDraft';
import { SectionLinks } from './caseForm/CaseFormSection';
import { ConsentSection } from './caseForm/ConsentSection';
import { HandlingSection } from './caseForm/HandlingSection';
import { IntakeSection } from './caseForm/IntakeSection';
import { NatureSection } from './caseForm/NatureSection';
import { ReportersSection } from './caseForm/ReportersSection';
import { StatusSection } from './caseForm/StatusSection';

/**
 * The whole case record in one keyboard-first form. It runs the same schema the core enforces,
 * so what the form accepts the core accepts; Ctrl+Enter saves, Escape cancels.
 */
export function CaseForm({
  draftKey,
  caseId,
  initial,
  onSave,
  onCancel,
}: {
  /** `case:new` or `case:<id>`: where the form is kept as a draft at a lock. */
  draftKey: string;
  caseId: number | null;
  initial: CaseDraft;
  onSave(input: CaseInput): Promise<void>;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [start] = useState<CaseDraft>(() => ({ ...initial, consents: statisticsFirst(initial.consents) }));
  const form = useRecordForm({
    key: draftKey,
    caseId,
    initial: start,
    validate: (value) => fieldErrors(CaseInput, value, futureCaseFields(value, new Date())),
    // The same schema said yes first, so parsing only narrows the form's unchosen fields away.
    save: (value) => onSave(CaseInput.parse(value)),
  });
  const formId = useId();
  const section = { formId, value: form.value, change: form.change, shown: form.shown };

  // Cancel and Escape leave through the leave guard, which asks first when something is typed.
  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void form.submit();
    if (event.key === 'Escape') onCancel();
  }

  return (
    <form className="case-form" onSubmit={form.onSubmit} onKeyDown={onKeyDown} noValidate aria-label={t('caseForm.title')}>
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
        <button type="button" className="secondary" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
