import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FLOW_ANSWERS, type FlowAnswer, type ReferralFlow, type TeamReport } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/errors';
import { needsAnswer } from '../../../../shared/flowQuestions';
import { errorCodeOf, invoke } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The referrals between functions whose two sides counted differently, in words naming
 * functions (never cases), from the merging member's exact view. Where the sender counted more,
 * the member says what happened before publishing; the total and the footnote follow the answer.
 */
export function FlowQuestions({ report, onAnswered }: { report: TeamReport; onAnswered(): Promise<void> }) {
  const { t } = useTranslation();
  const [error, setError] = useState<ErrorCode | null>(null);
  const [saved, setSaved] = useState(false);
  const flows = (report.exact.team?.referralFlows ?? []).filter((flow) => flow.disagree);
  if (flows.length === 0) return null;

  const party = (code: ReferralFlow['from']) => t(`team.flowParty.${code}`);
  async function answer(flow: ReferralFlow, chosen: FlowAnswer) {
    setError(null);
    setSaved(false);
    try {
      await invoke('team.answerFlow', { year: report.year, from: flow.from, to: flow.to, answer: chosen });
      await onAnswered();
      setSaved(true);
    } catch (caught) {
      setError(errorCodeOf(caught));
    }
  }

  return (
    <section className="card no-print flow-questions" aria-labelledby="flow-questions-title">
      <h2 id="flow-questions-title">{t('team.flowQuestions.title')}</h2>
      <p className="hint">{t('team.flowQuestions.intro')}</p>
      {flows.map((flow) => {
        const made = Number(flow.made);
        const received = Number(flow.received);
        const words = { from: party(flow.from), to: party(flow.to), made, received };
        const key = `${flow.from}>${flow.to}`;
        if (!needsAnswer({ made, received })) {
          return (
            <p key={key} className="flow-question">
              {capitalised(t('team.flowQuestions.receivedMore', words))}
            </p>
          );
        }
        return (
          <fieldset key={key} className="flow-question">
            <legend>{capitalised(t('team.flowQuestions.sentMore', { ...words, count: made }))}</legend>
            <p>{t('team.flowQuestions.question', { count: made - received })}</p>
            {FLOW_ANSWERS.map((option) => (
              <label key={option} className="choice">
                <input type="radio" name={`flow-${key}`} checked={flow.answer === option} onChange={() => void answer(flow, option)} />
                {capitalised(t(`team.flowQuestions.answer.${option}`, words))}
              </label>
            ))}
          </fieldset>
        );
      })}
      <ErrorMessage code={error} />
      {saved && <p role="status">{t('team.flowQuestions.saved')}</p>}
    </section>
  );
}
