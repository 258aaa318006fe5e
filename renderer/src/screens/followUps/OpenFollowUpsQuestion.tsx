import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLegalFollowUp, type OpenStepsChoice } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/errors';
import { errorCodeOf, invoke } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useFollowUpStore } from '../../stores/followUpStore';

/** The case's open follow-ups as the case page last read them: the adviser's own, and legal deadlines. */
export function useOpenFollowUps(caseId: number): { own: number; legal: number; today: string } {
  const { caseId: loadedFor, ofCase, today } = useFollowUpStore();
  const open = loadedFor === caseId ? ofCase.filter((followUp) => followUp.doneOn === null) : [];
  const legal = open.filter((followUp) => isLegalFollowUp(followUp.kind)).length;
  return { own: open.length - legal, legal, today };
}

/**
 * Closing a case with open steps asks what becomes of them: done today, or kept open (they stay on
 * Today). Legal deadlines are never done by this answer: only with the date each was met.
 */
export function OpenFollowUpsQuestion({ own, legal, choice, onChoose, unanswered }: { own: number; legal: number; choice: OpenStepsChoice | null; onChoose(choice: OpenStepsChoice): void; unanswered: boolean }) {
  const { t } = useTranslation();
  const name = useId();
  if (own === 0 && legal === 0) return null;
  return (
    <fieldset className="radio-group open-follow-ups" aria-describedby={unanswered ? `${name}-error` : undefined}>
      <legend>{t('followUps.closeQuestion', { count: own + legal })}</legend>
      {own > 0 &&
        (['complete', 'keep'] as const).map((option) => (
          <label key={option} className="checkbox">
            <input type="radio" name={name} value={option} checked={choice === option} onChange={() => onChoose(option)} />
            {t(option === 'complete' ? 'followUps.closeComplete' : 'followUps.closeKeep')}
          </label>
        ))}
      {legal > 0 && <p className="hint">{t('followUps.closeLegal')}</p>}
      {unanswered && (
        <span className="field-error" id={`${name}-error`} role="alert">
          {t('followUps.closeChoose')}
        </span>
      )}
    </fieldset>
  );
}

/** The same question after the case was closed through its form: answered on the case page, in one click. */
export function ClosedCaseFollowUps({ caseId }: { caseId: number }) {
  const { t } = useTranslation();
  const { own, legal, today } = useOpenFollowUps(caseId);
  const asking = useFollowUpStore((state) => state.closedWithoutAnswer === caseId);
  const load = useFollowUpStore((state) => state.load);
  const [error, setError] = useState<ErrorCode | null>(null);
  const titleId = useId();
  if (!asking || own === 0) return null;
  const answered = () => useFollowUpStore.setState({ closedWithoutAnswer: null });
  async function completeToday() {
    setError(null);
    try {
      await invoke('followUps.completeOpenOfCase', { caseId, doneOn: today });
      await load(caseId);
      answered();
    } catch (caught) {
      setError(errorCodeOf(caught));
    }
  }
  return (
    <div className="notice-block" role="group" aria-labelledby={titleId}>
      <p id={titleId}>{t('followUps.closedQuestion', { count: own + legal })}</p>
      {legal > 0 && <p className="hint">{t('followUps.closeLegal')}</p>}
      <div className="actions">
        <button type="button" onClick={() => void completeToday()}>
          {t('followUps.closeComplete')}
        </button>
        <button type="button" className="secondary" onClick={answered}>
          {t('followUps.closeKeep')}
        </button>
      </div>
      <ErrorMessage code={error} />
    </div>
  );
}
