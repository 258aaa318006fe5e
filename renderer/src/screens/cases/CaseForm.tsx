import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseInput, type Consent, type Referral, type Reporter } from '../../../../shared/contract';
import { CONSENT_SCOPES, ownReferralCode } from '../../../../shared/taxonomy';
import type { ErrorCode } from '../../../../shared/errors';
import { futureCaseFields } from '../../../../shared/futureDates';
import { localMinute } from '../../../../shared/time';
import { errorCodeOf } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { fieldErrors, hasErrors } from '../../components/form/fieldErrors';
import {
  Checkbox,
  CodeCheckboxes,
  CodeSelect,
  FieldError,
  NumberField,
  OptionalDateField,
  TextField,
  TriStateSelect,
} from '../../components/form/fields';
import { ListEditor } from '../../components/form/ListEditor';
import { TAXONOMY } from '../../../../shared/i18n/taxonomyLists';
import { useProfileStore } from '../../stores/profileStore';
import { otherConsents, statisticsAnswer, statisticsFirst, withHandlings, withIntakeRoute, withReferredInBy } from './caseFormRules';
import { StatisticsConsentField } from './StatisticsConsentField';
import { UnitField } from './UnitField';
import { useTeamUnits } from '../../hooks/useTeamUnits';
import { DraftNotice } from '../../drafts/DraftNotice';
import { useGuardedForm } from '../../drafts/useGuardedForm';

const today = () => localMinute(new Date()).slice(0, 10);

/** A reporter as the form holds them: category, age band and role stay unchosen until the adviser picks one. */
type ReporterDraft = Omit<Reporter, 'staffCategory' | 'ageBand' | 'role'> & {
  staffCategory: Reporter['staffCategory'] | null;
  ageBand: Reporter['ageBand'] | null;
  role: Reporter['role'] | null;
};

/** The case as the form holds it; the shared schema refuses it until every choice is made. */
export type CaseDraft = Omit<CaseInput, 'reporters'> & { reporters: ReporterDraft[] };

export function emptyCase(): CaseDraft {
  return {
    label: '',
    firstContactAt: localMinute(new Date()),
    firstResponseAt: null,
    intakeRoute: 'direct',
    referredInBy: null,
    reporterIdentified: true,
    reporters: [newReporter()],
    natures: [],
    otherParty: { relation: null, hierarchical: null, description: '' },
    recency: null,
    frequency: null,
    peopleAffected: null,
    peopleBehavingBadly: null,
    handlings: [],
    referrals: [],
    consents: [],
    status: 'open',
    closedOn: null,
    outcome: null,
    destroyBy: null,
  };
}

// No default becomes a statistic: what the adviser does not choose is not counted as chosen.
function newReporter(): ReporterDraft {
  return {
    name: '',
    staffCategory: null,
    employmentStatus: 'current',
    ageBand: null,
    gender: null,
    unit: '',
    role: null,
    earlierPeriod: 'not_earlier',
    international: null,
  };
}

const newReferral = (): Referral => ({ target: 'hr_adviser', referredOn: today() });
const newConsent = (): Consent => ({ scope: 'share_case_content', answer: 'given', withWhom: '', givenOn: today(), withdrawnOn: null });
/** The statistics question has its own field; this list holds what else the reporter allowed or refused. */
const LISTED_SCOPES = CONSENT_SCOPES.filter((scope) => scope !== 'count_in_statistics');

/**
 * The whole case record in one keyboard-first form. It runs the same schema the core enforces,
 * so what the form accepts the core accepts; Ctrl+Enter saves, Escape cancels.
 */
/** The form's parts, in order: a bar of jump links at the top reaches each one without scrolling. */
const FORM_SECTIONS = [
  ['intake', 'caseForm.intake'],
  ['reporters', 'caseForm.reporters'],
  ['nature', 'caseForm.natureAndParty'],
  ['handling', 'caseForm.handlingTitle'],
  ['consent', 'caseForm.consentTitle'],
  ['status', 'caseForm.statusTitle'],
] as const;

/** Brings a part's heading to the top and gives it the focus, so keyboard and screen-reader users land there too. */
function jumpTo(headingId: string) {
  const heading = document.getElementById(headingId);
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus({ preventScroll: true });
}

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
  const teamUnits = useTeamUnits();
  // A concerns point or ombudsperson cannot have passed a report on to themselves.
  const profile = useProfileStore((state) => state.profile);
  const own = profile ? ownReferralCode(profile.function) : null;
  const [start] = useState<CaseDraft>(() => ({ ...initial, consents: statisticsFirst(initial.consents) }));
  const form = useGuardedForm({ key: draftKey, caseId, initial: start, submit });
  const { value, setValue } = form;
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const errors = fieldErrors(CaseInput, value, futureCaseFields(value, new Date()));
  const shown = submitted ? errors : {};
  const change = (changes: Partial<CaseDraft>) => setValue((current) => ({ ...current, ...changes }));
  const statistics = statisticsAnswer(value.consents);
  const listedOffset = statistics ? 1 : 0;

  const sectionId = useId();

  async function submit(event?: FormEvent): Promise<boolean> {
    event?.preventDefault();
    setSubmitted(true);
    setError(null);
    if (hasErrors(errors)) return false;
    setSaving(true);
    try {
      // The same schema said yes above, so parsing only narrows the form's unchosen fields away.
      await form.persist(() => onSave(CaseInput.parse(value)));
      return true;
    } catch (caught) {
      setError(errorCodeOf(caught));
      return false;
    } finally {
      setSaving(false);
    }
  }

  // Cancel and Escape leave through the navigation, which asks first when something is typed.
  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit();
    if (event.key === 'Escape') onCancel();
  }

  return (
    <form className="case-form" onSubmit={(event) => void submit(event)} onKeyDown={onKeyDown} noValidate aria-label={t('caseForm.title')}>
      <DraftNotice restoredAt={form.restoredAt} onThrowAway={form.discard} />
      <nav className="form-sections" aria-label={t('caseForm.sections')}>
        {FORM_SECTIONS.map(([id, key]) => (
          <button key={id} type="button" className="link" onClick={() => jumpTo(`${sectionId}-${id}`)}>
            {t(key)}
          </button>
        ))}
      </nav>
      <section aria-labelledby={`${sectionId}-intake`}>
        <h2 id={`${sectionId}-intake`} tabIndex={-1}>
          {t('caseForm.intake')}
        </h2>
        <div className="grid">
          <TextField label={t('caseForm.label')} value={value.label} onChange={(label) => change({ label })} error={shown.label} autoFocus />
          <TextField label={t('caseForm.firstContact')} type="datetime-local" value={value.firstContactAt} onChange={(firstContactAt) => change({ firstContactAt })} error={shown.firstContactAt} />
          <OptionalDateField label={t('caseForm.firstResponse')} type="datetime-local" value={value.firstResponseAt} onChange={(firstResponseAt) => change({ firstResponseAt })} error={shown.firstResponseAt} />
          <CodeSelect
            list="intakeRoute"
            label={t('caseForm.intakeRoute')}
            only={own === 'concerns_point' ? TAXONOMY.intakeRoute.filter((route) => route !== 'via_concerns_point') : undefined}
            value={value.intakeRoute}
            onChange={(intakeRoute) => intakeRoute && change(withIntakeRoute(value, intakeRoute))}
            error={shown.intakeRoute}
          />
          <CodeSelect
            list="referralSource"
            label={t('caseForm.referredInBy')}
            only={own ? TAXONOMY.referralSource.filter((source) => source !== own) : undefined}
            value={value.referredInBy}
            onChange={(referredInBy) => change(withReferredInBy(value, referredInBy))}
            emptyLabel={t('form.notRecorded')}
            error={shown.referredInBy}
          />
        </div>
      </section>

      <section aria-labelledby={`${sectionId}-reporters`}>
        <h2 id={`${sectionId}-reporters`} tabIndex={-1}>
          {t('caseForm.reporters')}
        </h2>
        <Checkbox
          label={t('caseForm.reporterUnidentified')}
          checked={!value.reporterIdentified}
          onChange={(unidentified) => change({ reporterIdentified: !unidentified })}
        />
        <ListEditor
          legend={t('caseForm.reporterList')}
          items={value.reporters}
          onChange={(reporters) => change({ reporters })}
          newItem={newReporter}
          addLabel={t('caseForm.addReporter')}
          removeLabel={t('caseForm.removeReporter')}
          error={<FieldError error={shown.reporters} />}
          renderItem={(reporter, update, index) => (
            <div className="grid">
              <TextField label={t('caseForm.reporterName')} value={reporter.name} onChange={(name) => update({ name })} error={shown[`reporters.${index}.name`]} />
              <CodeSelect
                list="staffCategory"
                label={t('caseForm.staffCategory')}
                value={reporter.staffCategory}
                onChange={(staffCategory) => update({ staffCategory })}
                emptyLabel={t('form.choose')}
                error={shown[`reporters.${index}.staffCategory`]}
              />
              <CodeSelect
                list="employmentStatus"
                label={t('caseForm.employmentStatus')}
                value={reporter.employmentStatus}
                onChange={(employmentStatus) => employmentStatus && update({ employmentStatus })}
              />
              <CodeSelect list="ageBand" label={t('caseForm.ageBand')} value={reporter.ageBand} onChange={(ageBand) => update({ ageBand })} emptyLabel={t('form.choose')} error={shown[`reporters.${index}.ageBand`]} />
              <CodeSelect list="gender" label={t('caseForm.gender')} value={reporter.gender} onChange={(gender) => update({ gender })} emptyLabel={t('form.notRecorded')} />
              <UnitField label={t('caseForm.unit')} value={reporter.unit} units={teamUnits} onChange={(unit) => update({ unit })} error={shown[`reporters.${index}.unit`]} />
              <CodeSelect list="reporterRole" label={t('caseForm.reporterRole')} value={reporter.role} onChange={(role) => update({ role })} emptyLabel={t('form.choose')} error={shown[`reporters.${index}.role`]} />
              <TriStateSelect label={t('caseForm.international')} value={reporter.international} onChange={(international) => update({ international })} />
              <CodeSelect list="earlierPeriod" label={t('caseForm.earlierPeriod')} value={reporter.earlierPeriod} onChange={(earlierPeriod) => earlierPeriod && update({ earlierPeriod })} />
            </div>
          )}
        />
      </section>

      <section aria-labelledby={`${sectionId}-nature`}>
        <h2 id={`${sectionId}-nature`} tabIndex={-1}>
          {t('caseForm.natureAndParty')}
        </h2>
        <CodeCheckboxes list="nature" legend={t('caseForm.natures')} values={value.natures} onChange={(natures) => change({ natures })} error={shown.natures} />
        <div className="grid">
          <CodeSelect
            list="otherPartyRelation"
            label={t('caseForm.otherParty')}
            value={value.otherParty.relation}
            onChange={(relation) => change({ otherParty: { ...value.otherParty, relation } })}
            emptyLabel={t('form.notRecorded')}
          />
          <TriStateSelect label={t('caseForm.hierarchical')} value={value.otherParty.hierarchical} onChange={(hierarchical) => change({ otherParty: { ...value.otherParty, hierarchical } })} />
          <TextField
            label={t('caseForm.otherPartyDescription')}
            value={value.otherParty.description}
            onChange={(description) => change({ otherParty: { ...value.otherParty, description } })}
            error={shown['otherParty.description']}
          />
          <CodeSelect list="recency" label={t('caseForm.recency')} value={value.recency} onChange={(recency) => change({ recency })} emptyLabel={t('form.notRecorded')} />
          <CodeSelect list="frequency" label={t('caseForm.frequency')} value={value.frequency} onChange={(frequency) => change({ frequency })} emptyLabel={t('form.notRecorded')} />
          <NumberField label={t('caseForm.peopleAffected')} value={value.peopleAffected} onChange={(peopleAffected) => change({ peopleAffected })} error={shown.peopleAffected} />
          <NumberField label={t('caseForm.peopleBehavingBadly')} value={value.peopleBehavingBadly} onChange={(peopleBehavingBadly) => change({ peopleBehavingBadly })} error={shown.peopleBehavingBadly} />
        </div>
      </section>

      <section aria-labelledby={`${sectionId}-handling`}>
        <h2 id={`${sectionId}-handling`} tabIndex={-1}>
          {t('caseForm.handlingTitle')}
        </h2>
        <p className="hint">{t('caseForm.handlingsHint')}</p>
        <CodeCheckboxes
          list="handling"
          legend={t('caseForm.handlings')}
          values={value.handlings}
          onChange={(handlings) => change({ handlings: withHandlings(value.handlings, handlings) })}
          error={shown.handlings}
        />
        <ListEditor
          legend={t('caseForm.referrals')}
          items={value.referrals}
          onChange={(referrals) => change({ referrals })}
          newItem={newReferral}
          addLabel={t('caseForm.addReferral')}
          removeLabel={t('caseForm.removeReferral')}
          renderItem={(referral, update, index) => (
            <div className="grid">
              <CodeSelect list="referralTarget" label={t('caseForm.referralTarget')} value={referral.target} onChange={(target) => target && update({ target })} />
              <TextField label={t('caseForm.referredOn')} type="date" value={referral.referredOn} onChange={(referredOn) => update({ referredOn })} error={shown[`referrals.${index}.referredOn`]} />
            </div>
          )}
        />
      </section>

      <section aria-labelledby={`${sectionId}-consent`}>
        <h2 id={`${sectionId}-consent`} tabIndex={-1}>
          {t('caseForm.consentTitle')}
        </h2>
        <StatisticsConsentField
          consents={value.consents}
          onChange={(consents) => change({ consents })}
          today={today()}
          errors={shown}
        />
        <p className="hint">{t('caseForm.consentHint')}</p>
        <ListEditor
          legend={t('caseForm.consents')}
          items={otherConsents(value.consents)}
          onChange={(listed) => change({ consents: [...(statistics ? [statistics] : []), ...listed] })}
          newItem={newConsent}
          addLabel={t('caseForm.addConsent')}
          removeLabel={t('caseForm.removeConsent')}
          renderItem={(consent, update, index) => {
            const at = `consents.${index + listedOffset}`;
            return (
              <div className="grid">
                <CodeSelect list="consentScope" only={LISTED_SCOPES} label={t('caseForm.consentScope')} value={consent.scope} onChange={(scope) => scope && update({ scope })} />
                <CodeSelect
                  list="consentAnswer"
                  label={t('caseForm.consentAnswer')}
                  value={consent.answer}
                  onChange={(answer) => answer && update(answer === 'refused' ? { answer, withdrawnOn: null } : { answer })}
                />
                <TextField label={t('caseForm.withWhom')} value={consent.withWhom} onChange={(withWhom) => update({ withWhom })} error={shown[`${at}.withWhom`]} />
                <TextField label={t('caseForm.answeredOn')} type="date" value={consent.givenOn} onChange={(givenOn) => update({ givenOn })} error={shown[`${at}.givenOn`]} />
                {consent.answer === 'given' && (
                  <OptionalDateField label={t('caseForm.withdrawnOn')} type="date" value={consent.withdrawnOn} onChange={(withdrawnOn) => update({ withdrawnOn })} error={shown[`${at}.withdrawnOn`]} />
                )}
              </div>
            );
          }}
        />
      </section>

      <section aria-labelledby={`${sectionId}-status`}>
        <h2 id={`${sectionId}-status`} tabIndex={-1}>
          {t('caseForm.statusTitle')}
        </h2>
        <div className="grid">
          <CodeSelect
            list="status"
            label={t('caseForm.status')}
            value={value.status}
            onChange={(status) => status && change(status === 'open' ? { status, closedOn: null, outcome: null } : { status })}
            error={shown.status}
          />
          {value.status === 'closed' && (
            <>
              <OptionalDateField label={t('caseForm.closedOn')} type="date" value={value.closedOn} onChange={(closedOn) => change({ closedOn })} error={shown.closedOn} />
              <CodeSelect list="outcome" label={t('caseForm.outcome')} value={value.outcome} onChange={(outcome) => change({ outcome })} emptyLabel={t('form.notRecorded')} />
            </>
          )}
          <OptionalDateField label={t('caseForm.destroyBy')} type="date" value={value.destroyBy} onChange={(destroyBy) => change({ destroyBy })} error={shown.destroyBy} />
        </div>
      </section>

      {submitted && hasErrors(errors) && (
        <p className="error" role="alert">
          {t('caseForm.fixErrors')}
        </p>
      )}
      <ErrorMessage code={error} />
      <div className="actions">
        <button type="submit" disabled={saving}>
          {t('caseForm.save')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
