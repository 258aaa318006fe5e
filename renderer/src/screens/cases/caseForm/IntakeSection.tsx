import { useTranslation } from 'react-i18next';
import { TAXONOMY } from '../../../../../shared/i18n/taxonomyLists';
import { ownReferralCode } from '../../../../../shared/taxonomy';
import { CodeSelect, OptionalDateField, TextField } from '../../../components/form/fields';
import { useProfileStore } from '../../../stores/profileStore';
import { withIntakeRoute, withReferredInBy } from '../caseFormRules';
import { CaseFormSection, type CaseFormSectionProps } from './CaseFormSection';

export function IntakeSection({ formId, value, change, shown }: CaseFormSectionProps) {
  const { t } = useTranslation();
  // A concerns point or ombudsperson cannot have passed a report on to themselves.
  const profile = useProfileStore((state) => state.profile);
  const own = profile ? ownReferralCode(profile.function) : null;
  return (
    <CaseFormSection formId={formId} part="intake">
      <div className="grid">
        <TextField label={t('caseForm.label')} value={value.label} onChange={(label) => change({ label })} error={shown.label} autoFocus />
        <TextField label={t('caseForm.firstContact')} type="datetime-local" value={value.firstContactAt} onChange={(firstContactAt) => change({ firstContactAt })} error={shown.firstContactAt} />
        <OptionalDateField label={t('caseForm.firstResponse')} type="datetime-local" value={value.firstResponseAt} onChange={(firstResponseAt) => change({ firstResponseAt })} error={shown.firstResponseAt} />
        <CodeSelect
          list="intakeRoute"
          label={t('caseForm.intakeRoute')}
          only={own === 'concerns_point' ? TAXONOMY.intakeRoute.filter((route) => route !== 'via_concerns_point') : undefined}
          value={value.intakeRoute}
          onChange={(intakeRoute) => change(withIntakeRoute(value, intakeRoute))}
          emptyLabel={t('form.choose')}
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
    </CaseFormSection>
  );
}
