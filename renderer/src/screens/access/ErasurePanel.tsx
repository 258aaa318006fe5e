import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { useCoreQuery } from '../../api/useCoreQuery';
import { ErrorMessage } from '../../components/ErrorMessage';
import { StaleBackupsCard } from '../../components/StaleBackupsCard';
import { TextField } from '../../components/form/fields';
import { leaveTo } from '../../drafts/leaveGuard';
import { useAttempt } from '../../hooks/useAttempt';
import { useCaseStore } from '../../stores/caseStore';
import { KeptMentions } from './KeptMentions';

/**
 * Erasure at the reporter's request: what goes and what stays is shown first, the adviser types
 * the case's number, and afterwards the backups that still hold the reporter are offered for
 * deletion, as after retention.
 */
export function ErasurePanel({ caseId, reporter, name, onClose }: { caseId: number; reporter: number; name: string; onClose(): void }) {
  const { t } = useTranslation();
  const load = useCallback(() => invoke('access.erasurePreview', { caseId, reporter }), [caseId, reporter]);
  const preview = useCoreQuery(load);
  const [typed, setTyped] = useState('');
  const [erased, setErased] = useState<{ wholeCase: boolean } | null>(null);
  const { status, error, attempt } = useAttempt();
  const reload = useCaseStore((state) => state.load);

  const erase = () =>
    attempt(async () => {
      const result = await invoke('access.erase', { caseId, reporter, confirmation: typed });
      setErased(result);
      if (!result.wholeCase) await reload(caseId);
      return t(result.wholeCase ? 'access.erase.caseDestroyed' : 'access.erase.done', { name });
    });

  const shown = preview.data;
  return (
    <section className="erasure" aria-labelledby="erasure-title">
      <h3 id="erasure-title">{t('access.erase.title', { name })}</h3>
      {shown && !erased && (
        <>
          <ul>
            <li>{shown.wholeCase ? t('access.erase.wholeCase') : t('access.erase.entries', { count: shown.entriesDestroyed })}</li>
            {!shown.wholeCase && <li>{t('access.erase.kept', { count: shown.entriesKept, reporters: shown.reportersKept })}</li>}
            {shown.draftsDiscarded > 0 && <li>{t('access.erase.drafts', { count: shown.draftsDiscarded })}</li>}
          </ul>
          <KeptMentions mentions={shown.keptMentions} onRecheck={() => void preview.reload()} />
          <p>{t('access.erase.irreversible')}</p>
          <TextField label={t('access.erase.typeNumber', { number: shown.caseNumber })} value={typed} onChange={setTyped} />
          <div className="actions">
            <button type="button" className="danger" disabled={typed.trim() !== shown.caseNumber} onClick={() => void erase()}>
              {t('access.erase.confirm')}
            </button>
            <button type="button" className="secondary" onClick={onClose}>
              {t('form.cancel')}
            </button>
          </div>
        </>
      )}
      {erased && <StaleBackupsCard reason="erasure" heading="h4" after={erased} />}
      {erased?.wholeCase && (
        <button type="button" onClick={() => leaveTo({ name: 'cases' })}>
          {t('casePage.back')}
        </button>
      )}
      <ErrorMessage code={error ?? preview.error} />
      {status && <p role="status">{status}</p>}
    </section>
  );
}
