import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseInput, statisticsConsentOf, type CaseRecord, type OpenStepsChoice } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/errors';
import { futureCaseFields } from '../../../../shared/futureDates';
import { localMinute } from '../../../../shared/time';
import { errorCodeOf } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { fieldErrors } from '../../components/form/fieldErrors';
import { CodeSelect, TextField } from '../../components/form/fields';
import { useCaseStore } from '../../stores/caseStore';
import { useFollowUpStore } from '../../stores/followUpStore';
import { OpenFollowUpsQuestion, useOpenFollowUps } from '../followUps/OpenFollowUpsQuestion';
import { forCompleteSave } from './caseForm/caseDraft';
import { editableCase } from './editableCase';
import { leaveTo } from '../../drafts/leaveGuard';

/**
 * Closing a case in one step: the closing date (today unless the adviser changes it) and the
 * outcome, with what the case still lacks listed first, since a closed case goes into the report.
 */
export function CloseCasePanel({ record, onDone }: { record: CaseRecord; onDone(): void }) {
  const { t } = useTranslation();
  const { update, load } = useCaseStore();
  const [closedOn, setClosedOn] = useState(() => localMinute(new Date()).slice(0, 10));
  const [outcome, setOutcome] = useState<CaseInput['outcome']>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const openSteps = useOpenFollowUps(record.id);
  const reloadFollowUps = useFollowUpStore((state) => state.load);
  const [stepsChoice, setStepsChoice] = useState<OpenStepsChoice | null>(null);
  const [stepsUnanswered, setStepsUnanswered] = useState(false);
  // Closing is a complete save: an incomplete case lists what its statistics still lack.
  const closed = forCompleteSave({ ...editableCase(record), status: 'closed', closedOn, outcome });
  const errors = fieldErrors(CaseInput, closed, futureCaseFields(closed, new Date()));
  const dateError = errors.closedOn;
  const missing = [...new Set(Object.entries(errors).filter(([path]) => path !== 'closedOn').map(([, key]) => t(`validation.${key}`)))];
  // Not blocking, but worth knowing before closing: an unasked case does not count in the report.
  const notAsked = statisticsConsentOf(closed.consents) === 'not_asked';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (missing.length > 0 || dateError) return;
    if (openSteps.own > 0 && stepsChoice === null) {
      setStepsUnanswered(true);
      return;
    }
    try {
      // The close and the answer in one request: either both are saved or neither, so an error here means nothing changed.
      await update(record.id, CaseInput.parse(closed), openSteps.own > 0 ? (stepsChoice ?? undefined) : undefined);
      if (openSteps.own > 0 && stepsChoice === 'complete') await reloadFollowUps(record.id);
      await load(record.id);
      onDone();
    } catch (caught) {
      setError(errorCodeOf(caught));
    }
  }

  return (
    <form className="card close-case" onSubmit={(event) => void submit(event)} aria-labelledby="close-case-title" noValidate>
      <h2 id="close-case-title">{t('closeCase.title')}</h2>
      {missing.length > 0 && (
        <div className="notice-block" role="status">
          <p>{t('closeCase.missing')}</p>
          <ul>
            {missing.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
          <button type="button" className="secondary" onClick={() => leaveTo({ name: 'editCase', id: record.id })}>
            {t('closeCase.complete')}
          </button>
        </div>
      )}
      {notAsked && <p className="hint">{t('closeCase.notAsked')}</p>}
      <div className="grid">
        <TextField label={t('caseForm.closedOn')} type="date" value={closedOn} onChange={setClosedOn} error={dateError} autoFocus />
        <CodeSelect list="outcome" label={t('caseForm.outcome')} value={outcome} onChange={setOutcome} emptyLabel={t('form.notRecorded')} />
      </div>
      <OpenFollowUpsQuestion
        own={openSteps.own}
        legal={openSteps.legal}
        choice={stepsChoice}
        onChoose={(choice) => {
          setStepsChoice(choice);
          setStepsUnanswered(false);
        }}
        unanswered={stepsUnanswered}
      />
      <ErrorMessage code={error} />
      <div className="actions">
        <button type="submit" disabled={missing.length > 0}>
          {t('closeCase.confirm')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
