import { useTranslation } from 'react-i18next';
import { Checkbox, CodeSelect, FieldError, TextField, TriStateSelect } from '../../../components/form/fields';
import { ListEditor } from '../../../components/form/ListEditor';
import { useTeamUnits } from '../../../hooks/useTeamUnits';
import { UnitField } from '../UnitField';
import { isEmptyReporter, newReporter, type CaseDraft } from './caseDraft';
import { CaseFormSection, type CaseFormSectionProps } from './CaseFormSection';

/**
 * "Not identified" takes away the reporter rows nobody filled in, so no empty row asks for answers
 * about a reporter who is not known; a row with something typed in stays for the adviser to decide.
 * Unticked, the form offers an empty row again.
 */
function withReporterUnidentified(reporters: CaseDraft['reporters'], unidentified: boolean): Partial<CaseDraft> {
  if (unidentified) return { reporterIdentified: false, reporters: reporters.filter((reporter) => !isEmptyReporter(reporter)) };
  return { reporterIdentified: null, reporters: reporters.length > 0 ? reporters : [newReporter()] };
}

export function ReportersSection({ formId, value, change, shown }: CaseFormSectionProps) {
  const { t } = useTranslation();
  const teamUnits = useTeamUnits();
  return (
    <CaseFormSection formId={formId} part="reporters">
      <Checkbox
        label={t('caseForm.reporterUnidentified')}
        checked={value.reporterIdentified === false}
        onChange={(unidentified) => change(withReporterUnidentified(value.reporters, unidentified))}
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
              onChange={(employmentStatus) => update({ employmentStatus })}
              emptyLabel={t('form.choose')}
              error={shown[`reporters.${index}.employmentStatus`]}
            />
            <CodeSelect list="ageBand" label={t('caseForm.ageBand')} value={reporter.ageBand} onChange={(ageBand) => update({ ageBand })} emptyLabel={t('form.choose')} error={shown[`reporters.${index}.ageBand`]} />
            <CodeSelect list="gender" label={t('caseForm.gender')} value={reporter.gender} onChange={(gender) => update({ gender })} emptyLabel={t('form.notRecorded')} />
            <UnitField label={t('caseForm.unit')} value={reporter.unit} units={teamUnits} onChange={(unit) => update({ unit })} error={shown[`reporters.${index}.unit`]} />
            <CodeSelect list="reporterRole" label={t('caseForm.reporterRole')} value={reporter.role} onChange={(role) => update({ role })} emptyLabel={t('form.choose')} error={shown[`reporters.${index}.role`]} />
            <TriStateSelect label={t('caseForm.international')} value={reporter.international} onChange={(international) => update({ international })} />
            <CodeSelect
              list="earlierPeriod"
              label={t('caseForm.earlierPeriod')}
              value={reporter.earlierPeriod}
              onChange={(earlierPeriod) => update({ earlierPeriod })}
              emptyLabel={t('form.choose')}
              error={shown[`reporters.${index}.earlierPeriod`]}
            />
          </div>
        )}
      />
    </CaseFormSection>
  );
}
