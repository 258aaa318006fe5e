import { useTranslation } from 'react-i18next';
import { CodeSelect, OptionalDateField } from '../../../components/form/fields';
import { CaseFormSection, type CaseFormSectionProps } from './CaseFormSection';

export function StatusSection({ formId, value, change, shown }: CaseFormSectionProps) {
  const { t } = useTranslation();
  return (
    <CaseFormSection formId={formId} part="status">
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
    </CaseFormSection>
  );
}
