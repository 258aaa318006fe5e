import { useTranslation } from 'react-i18next';
import type { Consent } from '../../../../../shared/contract';
import { CONSENT_SCOPES } from '../../../../../shared/taxonomy';
import { CodeSelect, OptionalDateField, TextField } from '../../../components/form/fields';
import { ListEditor } from '../../../components/form/ListEditor';
import { otherConsents, statisticsAnswer } from '../caseFormRules';
import { StatisticsConsentField } from '../StatisticsConsentField';
import { today } from './caseDraft';
import { CaseFormSection, type CaseFormSectionProps } from './CaseFormSection';

const newConsent = (): Consent => ({ scope: 'share_case_content', answer: 'given', withWhom: '', givenOn: today(), withdrawnOn: null });
/** The statistics question has its own field; this list holds what else the reporter allowed or refused. */
const LISTED_SCOPES = CONSENT_SCOPES.filter((scope) => scope !== 'count_in_statistics');

export function ConsentSection({ formId, value, change, shown }: CaseFormSectionProps) {
  const { t } = useTranslation();
  const statistics = statisticsAnswer(value.consents);
  const listedOffset = statistics ? 1 : 0;
  return (
    <CaseFormSection formId={formId} part="consent">
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
    </CaseFormSection>
  );
}
