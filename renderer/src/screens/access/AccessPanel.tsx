import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRecord } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { useCoreQuery } from '../../api/useCoreQuery';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/form/fields';
import { useAttempt } from '../../hooks/useAttempt';
import { formatDate, formatDateTime } from '../cases/format';
import { DossierPreview } from './DossierPreview';
import { ErasurePanel } from './ErasurePanel';
import { reporterLabel } from './reporterLabel';

/** What is open below the panel, for the reporter chosen when it opened (an erasure renumbers the others). */
type Open = { kind: 'dossier'; requestId: number } | { kind: 'erasure'; reporter: number; name: string } | null;

/**
 * A reporter's requests under the GDPR, from their case: access (recorded with its date, which
 * sets the one-month deadline, and answered with a dossier the adviser checks first) and erasure.
 */
export function AccessPanel({ record }: { record: CaseRecord }) {
  const { t, i18n } = useTranslation();
  const [requestedOn, setRequestedOn] = useState('');
  const [reporter, setReporter] = useState(0);
  const [open, setOpen] = useState<Open>(null);
  const { status, error, attempt } = useAttempt();
  const caseId = record.id;
  const load = useCallback(() => invoke('access.requests', { caseId }), [caseId]);
  const requests = useCoreQuery(load);
  const latest = requests.data?.at(-1) ?? null;
  const chosen = Math.min(reporter, Math.max(record.reporters.length - 1, 0));

  const recordRequest = () =>
    attempt(async () => {
      await invoke('access.recordRequest', { caseId, requestedOn });
      setRequestedOn('');
      await requests.reload();
      return t('access.recorded');
    });

  return (
    <details className="card access-panel">
      <summary>
        <h2>{t('access.title')}</h2>
      </summary>
      <p className="hint">{t('access.hint')}</p>
      {requests.data && requests.data.length > 0 && (
        <ul className="access-requests" aria-label={t('access.requests')}>
          {requests.data.map((request) => (
            <li key={request.id}>
              {t('access.request', { date: formatDate(request.requestedOn, i18n.language) })}
              {request.dueOn && ` ${t(request.doneOn ? 'access.answered' : 'access.dueOn', { date: formatDate(request.doneOn ?? request.dueOn, i18n.language) })}`}
              {request.dossiersGivenAt.map((givenAt) => (
                <span key={givenAt} className="given">
                  {' '}
                  {t('access.given', { date: formatDateTime(givenAt.slice(0, 16), i18n.language) })}
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
      <div className="access-record">
        <TextField label={t('access.requestedOn')} type="date" value={requestedOn} onChange={setRequestedOn} />
        <button type="button" onClick={() => void recordRequest()} disabled={requestedOn === ''}>
          {t('access.record')}
        </button>
      </div>
      {record.reporters.length === 0 ? (
        <p className="empty">{t('access.noReporter')}</p>
      ) : (
        <div className="access-actions">
          {record.reporters.length > 1 && (
            <div className="field">
              <label htmlFor="access-reporter">{t('access.reporter')}</label>
              <select id="access-reporter" value={chosen} onChange={(event) => setReporter(Number(event.target.value))}>
                {record.reporters.map((_, position) => (
                  <option key={position} value={position}>
                    {reporterLabel(record, position, t)}
                  </option>
                ))}
              </select>
            </div>
          )}
          <button type="button" disabled={!latest} onClick={() => latest && setOpen({ kind: 'dossier', requestId: latest.id })}>
            {t('access.makeDossier')}
          </button>
          <button type="button" className="danger" onClick={() => setOpen({ kind: 'erasure', reporter: chosen, name: reporterLabel(record, chosen, t) })}>
            {t('access.erase.open')}
          </button>
        </div>
      )}
      {!latest && record.reporters.length > 0 && <p className="hint">{t('access.requestFirst')}</p>}
      <ErrorMessage code={error ?? requests.error} />
      {status && <p role="status">{status}</p>}
      {open?.kind === 'dossier' && (
        <DossierPreview
          key={`${chosen}-${open.requestId}`}
          caseId={caseId}
          reporter={chosen}
          reporterName={reporterLabel(record, chosen, t)}
          requestId={open.requestId}
          joint={record.reporters.length > 1}
          onSaved={() => void requests.reload()}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === 'erasure' && <ErasurePanel key={open.reporter} caseId={caseId} reporter={open.reporter} name={open.name} onClose={() => setOpen(null)} />}
    </details>
  );
}
