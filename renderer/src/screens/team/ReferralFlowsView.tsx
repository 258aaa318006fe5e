import { useTranslation } from 'react-i18next';
import type { ReferralFlow } from '../../../../shared/contract';
import { CountCell } from './CountCell';

/**
 * Referrals between team functions, as the sender and as the receiver counted them; where the
 * two differ the row says so instead of hiding it in one number.
 */
export function ReferralFlowsView({ flows, k }: { flows: ReferralFlow[]; k: number }) {
  const { t } = useTranslation();
  const title = t('team.referralFlows');
  const countedOnce = flows.some((flow) => flow.countedOnce !== null);
  return (
    <section className="report-table" aria-label={title}>
      <h3>{title}</h3>
      <p className="table-unit">{t('team.referralFlowsUnit')}</p>
      {flows.length === 0 ? (
        <p className="empty">{t('team.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('team.flowFrom')}</th>
              <th scope="col">{t('team.flowTo')}</th>
              <th scope="col">{t('team.flowMade')}</th>
              <th scope="col">{t('team.flowReceived')}</th>
              {countedOnce && <th scope="col">{t('team.flowCountedOnce')}</th>}
              <th />
            </tr>
          </thead>
          <tbody>
            {flows.map((flow) => (
              <tr key={`${flow.from}>${flow.to}`}>
                <td>{t(`taxonomy.referralTarget.${flow.from}`)}</td>
                <td>{t(`taxonomy.referralTarget.${flow.to}`)}</td>
                <CountCell value={flow.made} k={k} />
                <CountCell value={flow.received} k={k} />
                {countedOnce && (flow.countedOnce === null ? <td /> : <CountCell value={flow.countedOnce} k={k} />)}
                <td>
                  {flow.disagree && (
                    <span className="flag-late" role="note">
                      {flow.answer ? t(`publication.flowAnswered.${flow.answer}`, { from: t(`team.flowParty.${flow.from}`), to: t(`team.flowParty.${flow.to}`) }) : t('team.flowDisagree')}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
