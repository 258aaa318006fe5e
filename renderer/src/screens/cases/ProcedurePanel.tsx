import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../../shared/errors';
import type { ProcedureDeadline } from '../../../../shared/schemas/procedure';
import { errorCodeOf, invoke } from '../../api/client';
import { useCoreQuery } from '../../api/useCoreQuery';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/form/fields';
import { today } from './caseForm/caseDraft';
import { formatDate } from './format';

/** One action of the panel: the date it asks for, sent to the core, and a refusal shown beside it. */
function DateAction({ label, action, run }: { label: string; action: string; run(date: string): Promise<void> }) {
  const [date, setDate] = useState(today);
  const [error, setError] = useState<ErrorCode | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await run(date);
    } catch (caught) {
      setError(errorCodeOf(caught));
    }
  }
  return (
    <form className="procedure-action" onSubmit={(event) => void submit(event)} noValidate aria-label={action}>
      <TextField label={label} type="date" value={date} onChange={setDate} />
      <button type="submit">{action}</button>
      <ErrorMessage code={error} />
    </form>
  );
}

function Deadline({ deadline, onDone }: { deadline: ProcedureDeadline; onDone(): Promise<void> }) {
  const { t, i18n } = useTranslation();
  const date = (value: string) => formatDate(value, i18n.language);
  const finished = deadline.doneOn !== null;
  return (
    <li className={`procedure-deadline status-${deadline.status}`}>
      <strong>{t(`procedure.deadline.${deadline.kind}`)}</strong> <span>{t('procedure.due', { date: date(deadline.dueDate) })}</span>
      <p className={deadline.status === 'met' || deadline.status === 'open' ? 'procedure-status' : 'procedure-status flag-late'} role="note">
        {finished ? t(`procedure.status.${deadline.status}`, { date: date(deadline.doneOn!) }) : t(`procedure.status.${deadline.status}`)}
      </p>
      {!finished && (
        <DateAction
          label={t(`procedure.doneOn.${deadline.kind}`)}
          action={t(`procedure.complete.${deadline.kind}`)}
          run={async (doneOn) => {
            await invoke('procedure.complete', { id: deadline.id, doneOn });
            await onDone();
          }}
        />
      )}
    </li>
  );
}

/**
 * A report of a suspected wrongdoing under the organisation's whistleblower procedure: marked by
 * the functions that receive such reports, with the law's two deadlines and whether each was met.
 */
export function ProcedurePanel({ caseId }: { caseId: number }) {
  const { t, i18n } = useTranslation();
  const load = useCallback(() => invoke('procedure.get', { caseId }), [caseId]);
  const { data, error, reload } = useCoreQuery(load);
  if (error) return <ErrorMessage code={error} />;
  if (!data || (!data.report && !data.mayMark)) return null;
  const { report } = data;
  return (
    <section aria-labelledby="procedure-title" className="card procedure">
      <h2 id="procedure-title">{t('procedure.title')}</h2>
      {!report ? (
        <>
          <p className="hint">{t('procedure.intro')}</p>
          <DateAction
            label={t('procedure.receivedOn')}
            action={t('procedure.mark')}
            run={async (receivedOn) => {
              await invoke('procedure.mark', { caseId, receivedOn });
              await reload();
            }}
          />
        </>
      ) : (
        <>
          <p>{t('procedure.received', { date: formatDate(report.receivedOn, i18n.language) })}</p>
          <ul className="procedure-deadlines">
            {report.deadlines.map((deadline) => (
              <Deadline key={deadline.id} deadline={deadline} onDone={reload} />
            ))}
          </ul>
          <p className="hint">{t('procedure.feedbackMoves')}</p>
        </>
      )}
    </section>
  );
}
