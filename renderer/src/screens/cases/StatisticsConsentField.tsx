import { useTranslation } from 'react-i18next';
import { statisticsConsentOf, type Consent } from '../../../../shared/contract';
import type { FieldErrors } from '../../components/form/fieldErrors';
import { CodeRadios, OptionalDateField, TextField } from '../../components/form/fields';
import { statisticsAnswer, withStatisticsAnswer } from './caseFormRules';

/**
 * The one question that decides whether a case is counted at all. Nothing is pre-filled: "not
 * asked yet" is a visible answer, so the adviser settles it before the annual export.
 */
export function StatisticsConsentField({
  consents,
  onChange,
  today,
  errors,
}: {
  consents: Consent[];
  onChange(consents: Consent[]): void;
  today: string;
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const answer = statisticsAnswer(consents);
  const choice = statisticsConsentOf(consents);
  // The statistics answer is always the first consent (see statisticsFirst), so its errors sit at index 0.
  const update = (changes: Partial<Consent>) => answer && onChange(consents.map((consent) => (consent === answer ? { ...consent, ...changes } : consent)));
  return (
    <CodeRadios
      list="statisticsConsent"
      legend={t('caseForm.statisticsQuestion')}
      value={choice}
      onChange={(next) => onChange(withStatisticsAnswer(consents, next, today))}
      error={errors.consents}
      className={`statistics-question statistics-${choice}`}
    >
      <p className="hint">{t(`caseForm.statisticsHint.${choice}`)}</p>
      {answer && (
        <div className="grid">
          <TextField label={t('caseForm.answeredOn')} type="date" value={answer.givenOn} onChange={(givenOn) => update({ givenOn })} error={errors['consents.0.givenOn']} />
          {answer.answer === 'given' && (
            <OptionalDateField
              label={t('caseForm.statisticsWithdrawnOn')}
              type="date"
              value={answer.withdrawnOn}
              onChange={(withdrawnOn) => update({ withdrawnOn })}
              error={errors['consents.0.withdrawnOn']}
            />
          )}
        </div>
      )}
    </CodeRadios>
  );
}
