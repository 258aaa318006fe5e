import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { statisticsConsentOf, type CaseRecord } from '../../../../shared/contract';
import { isResponseLate } from '../../../../shared/responseTime';
import { useCaseStore } from '../../stores/caseStore';
import { formatDate, formatDateTime } from './format';

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** An incomplete case the adviser left out of the statistics on purpose, and the way back. */
function LeftOutNote({ id }: { id: number }) {
  const { t } = useTranslation();
  const leaveOut = useCaseStore((state) => state.leaveOutOfStatistics);
  return (
    <p className="hint">
      {t('casePage.leftOut')}{' '}
      <button type="button" className="link" onClick={() => void leaveOut(id, false)}>
        {t('casePage.takeBack')}
      </button>
    </p>
  );
}

export function CaseOverview({ record }: { record: CaseRecord }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const none = t('form.notRecorded');
  const late = isResponseLate(record.firstContactAt, record.firstResponseAt, record.status, new Date());
  return (
    <section aria-labelledby="overview-title" className="card">
      <h2 id="overview-title">{t('casePage.overview')}</h2>
      {late && (
        <p className="flag-late" role="note">
          {record.firstResponseAt ? t('casePage.responseWasLate') : t('casePage.responseIsLate')}
        </p>
      )}
      <dl className="overview">
        <Item term={t('caseForm.firstContact')}>{formatDateTime(record.firstContactAt, lang)}</Item>
        <Item term={t('caseForm.firstResponse')}>{record.firstResponseAt ? formatDateTime(record.firstResponseAt, lang) : t('casePage.noResponseYet')}</Item>
        <Item term={t('caseForm.intakeRoute')}>{record.intakeRoute ? t(`taxonomy.intakeRoute.${record.intakeRoute}`) : none}</Item>
        <Item term={t('caseForm.referredInBy')}>{record.referredInBy ? t(`taxonomy.referralSource.${record.referredInBy}`) : none}</Item>
        <Item term={t('caseForm.reporters')}>
          {record.reporterIdentified === false && <span>{t('caseForm.reporterUnidentified')}. </span>}
          {record.reporters.length === 0 ? null : (
            <ul>
              {record.reporters.map((reporter, index) => (
                <li key={index}>
                  {[
                    reporter.name,
                    reporter.staffCategory && t(`taxonomy.staffCategory.${reporter.staffCategory}`),
                    reporter.employmentStatus && reporter.employmentStatus !== 'current' && t(`taxonomy.employmentStatus.${reporter.employmentStatus}`),
                    reporter.ageBand && t(`taxonomy.ageBand.${reporter.ageBand}`),
                    reporter.unit,
                    reporter.role && t(`taxonomy.reporterRole.${reporter.role}`),
                    reporter.earlierPeriod && reporter.earlierPeriod !== 'not_earlier' && t(`taxonomy.earlierPeriod.${reporter.earlierPeriod}`),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </li>
              ))}
            </ul>
          )}
        </Item>
        <Item term={t('caseForm.natures')}>{record.natures.map((nature) => t(`taxonomy.nature.${nature}`)).join(', ') || none}</Item>
        <Item term={t('caseForm.otherParty')}>
          {[record.otherParty.relation && t(`taxonomy.otherPartyRelation.${record.otherParty.relation}`), record.otherParty.hierarchical === true && t('casePage.hierarchical'), record.otherParty.description]
            .filter(Boolean)
            .join(' · ') || none}
        </Item>
        <Item term={t('caseForm.handlings')}>{record.handlings.map((handling) => t(`taxonomy.handling.${handling}`)).join(', ') || none}</Item>
        <Item term={t('caseForm.referrals')}>
          {record.referrals.map((referral) => `${t(`taxonomy.referralTarget.${referral.target}`)} (${formatDate(referral.referredOn, lang)})`).join(', ') || none}
        </Item>
        <Item term={t('casePage.statistics')}>
          <span className={`statistics-badge statistics-${statisticsConsentOf(record.consents)}`}>{t(`taxonomy.statisticsConsent.${statisticsConsentOf(record.consents)}`)}</span>
          {record.statisticsCompletion === 'left_out' && <LeftOutNote id={record.id} />}
        </Item>
        <Item term={t('caseForm.consents')}>
          {record.consents.length === 0 ? (
            none
          ) : (
            <ul>
              {record.consents.map((consent, index) => (
                <li key={index}>
                  {t(`taxonomy.consentScope.${consent.scope}`)}
                  {consent.withWhom && ` — ${consent.withWhom}`} · {t(`casePage.answered.${consent.answer}`, { date: formatDate(consent.givenOn, lang) })}
                  {consent.withdrawnOn && ` · ${t('casePage.withdrawnOn', { date: formatDate(consent.withdrawnOn, lang) })}`}
                </li>
              ))}
            </ul>
          )}
        </Item>
        <Item term={t('caseForm.status')}>
          {t(`taxonomy.status.${record.status}`)}
          {record.closedOn && ` · ${formatDate(record.closedOn, lang)}`}
          {record.outcome && ` · ${t(`taxonomy.outcome.${record.outcome}`)}`}
        </Item>
        <Item term={t('caseForm.destroyBy')}>{record.destroyBy ? formatDate(record.destroyBy, lang) : none}</Item>
      </dl>
    </section>
  );
}
