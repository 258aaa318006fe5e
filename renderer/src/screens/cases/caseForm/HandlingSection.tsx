import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../../../shared/contract';
import { CodeCheckboxes, CodeSelect, TextField } from '../../../components/form/fields';
import { ListEditor } from '../../../components/form/ListEditor';
import { withHandlings } from '../caseFormRules';
import { today } from './caseDraft';
import { CaseFormSection, type CaseFormSectionProps } from './CaseFormSection';

const newReferral = (): Referral => ({ target: 'hr_adviser', referredOn: today() });

export function HandlingSection({ formId, value, change, shown }: CaseFormSectionProps) {
  const { t } = useTranslation();
  return (
    <CaseFormSection formId={formId} part="handling">
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
    </CaseFormSection>
  );
}
