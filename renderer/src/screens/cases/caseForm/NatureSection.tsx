import { useTranslation } from 'react-i18next';
import { CodeCheckboxes, CodeSelect, NumberField, TextField, TriStateSelect } from '../../../components/form/fields';
import { CaseFormSection, type CaseFormSectionProps } from './CaseFormSection';

/** What the report is about, and the other party. */
export function NatureSection({ formId, value, change, shown }: CaseFormSectionProps) {
  const { t } = useTranslation();
  return (
    <CaseFormSection formId={formId} part="nature">
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
    </CaseFormSection>
  );
}
