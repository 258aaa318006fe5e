import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../../components/form/fieldErrors';
import type { CaseDraft } from './caseDraft';

/** The form's parts, in order, by their headings: a bar of jump links at the top reaches each one without scrolling. */
const PARTS = {
  intake: 'caseForm.intake',
  reporters: 'caseForm.reporters',
  nature: 'caseForm.natureAndParty',
  handling: 'caseForm.handlingTitle',
  consent: 'caseForm.consentTitle',
  status: 'caseForm.statusTitle',
} as const;

type Part = keyof typeof PARTS;

/** What every part of the case form is given: the form's id (its headings' prefix), the case as typed, and the messages shown. */
export interface CaseFormSectionProps {
  formId: string;
  value: CaseDraft;
  change(changes: Partial<CaseDraft>): void;
  shown: FieldErrors;
}

const headingId = (formId: string, part: Part) => `${formId}-${part}`;

/** Brings a part's heading to the top and gives it the focus, so keyboard and screen-reader users land there too. */
function jumpTo(id: string) {
  const heading = document.getElementById(id);
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus({ preventScroll: true });
}

export function SectionLinks({ formId }: { formId: string }) {
  const { t } = useTranslation();
  return (
    <nav className="form-sections" aria-label={t('caseForm.sections')}>
      {(Object.keys(PARTS) as Part[]).map((part) => (
        <button key={part} type="button" className="link" onClick={() => jumpTo(headingId(formId, part))}>
          {t(PARTS[part])}
        </button>
      ))}
    </nav>
  );
}

/** One part of the case form, labelled by its heading, which the jump links focus. */
export function CaseFormSection({ formId, part, children }: { formId: string; part: Part; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={headingId(formId, part)}>
      <h2 id={headingId(formId, part)} tabIndex={-1}>
        {t(PARTS[part])}
      </h2>
      {children}
    </section>
  );
}
