import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverStatus, ResponseOf } from '../../../../shared/contract';
import { localMinute } from '../../../../shared/time';
import { invoke } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FilePicker } from '../../components/form/FilePicker';
import { StaleBackupsCard } from '../../components/StaleBackupsCard';
import { Checkbox, TextField } from '../../components/form/fields';
import { useAttempt } from '../../hooks/useAttempt';
import { formatDate } from '../cases/format';
import { PreviewSummary } from '../export/PreviewSummary';
import { HandoverCode } from './HandoverCode';
import { useComparedFile } from './useComparedFile';

/** The successor's key, added only after reading its code out together by phone. */
function AddSuccessor({ onStatus }: { onStatus(status: HandoverStatus): void }) {
  const { t } = useTranslation();
  const { status, error, attempt, setError } = useAttempt();
  const { file, compared, setCompared, read, clear } = useComparedFile((content) => invoke('handover.readKey', { content }), setError);

  return (
    <div>
      <FilePicker label={t('handover.chooseKey')} accept=".json,application/json" onFiles={(files) => void read(files[0])} />
      {file && (
        <div className="invitation-summary">
          <p>{t(`taxonomy.vaultFunction.${file.summary.function}`)}</p>
          <HandoverCode label={t('handover.successorCode')} value={file.summary.fingerprint} testId="successor-key-code" />
          <Checkbox label={t('handover.keyCompared')} checked={compared} onChange={setCompared} />
          <button
            type="button"
            disabled={!compared}
            onClick={() =>
              void attempt(async () => {
                onStatus(await invoke('handover.addSuccessor', { content: file.content, fingerprint: file.summary.fingerprint }));
                clear();
                return t('handover.successorAdded');
              })
            }
          >
            {t('handover.addSuccessor')}
          </button>
        </div>
      )}
      {status && <p role="status">{status}</p>}
      <ErrorMessage code={error} />
    </div>
  );
}

/** Before anything leaves: the leaving adviser's own export of the months before, previewed and saved as any export. */
function LeavingExport({ status, sealed, onStatus }: { status: HandoverStatus; sealed: boolean; onStatus(status: HandoverStatus): void }) {
  const { t, i18n } = useTranslation();
  const [preview, setPreview] = useState<ResponseOf<'handover.previewExport'> | null>(null);
  const [consent, setConsent] = useState(false);
  const { status: outcome, error, attempt } = useAttempt();
  const period = { from: formatDate(status.leavingExport.from, i18n.language), to: formatDate(status.leavingExport.to, i18n.language) };
  return (
    <div>
      <h4>{t('handover.exportTitle')}</h4>
      <p className="hint">{t(status.leavingExport.saved ? 'handover.exportSaved' : 'handover.exportNeeded', period)}</p>
      {!status.leavingExport.saved && (
        <button
          type="button"
          onClick={() =>
            void attempt(async () => {
              setPreview(await invoke('handover.previewExport', {}));
              return null;
            })
          }
        >
          {t('handover.previewExport')}
        </button>
      )}
      {preview && (
        <>
          <PreviewSummary preview={preview} leftOut={0} />
          <Checkbox label={t(sealed ? 'handover.exportConsent' : 'handover.exportConsentUnsealed')} checked={consent} onChange={setConsent} />
          <button
            type="button"
            disabled={!consent}
            onClick={() =>
              void attempt(async () => {
                const saved = await invoke('handover.saveExport', { exportId: preview.file.exportId, unsealed: !sealed });
                setPreview(null);
                onStatus(await invoke('handover.status', {}));
                return t('export.saved', { fileName: saved.fileName });
              })
            }
          >
            {t('handover.saveExport')}
          </button>
        </>
      )}
      {outcome && <p role="status">{outcome}</p>}
      <ErrorMessage code={error} />
    </div>
  );
}

/**
 * The leaving adviser's side: the successor's key, the reporters' consent per case, the export of
 * the months before, the sealed package, and the confirmation that destroys the copies here.
 */
export function SendHandover({ status, sealed, onStatus }: { status: HandoverStatus; sealed: boolean; onStatus(status: HandoverStatus): void }) {
  const { t, i18n } = useTranslation();
  const [consentOn, setConsentOn] = useState(() => localMinute(new Date()).slice(0, 10));
  const [chosen, setChosen] = useState<number[]>([]);
  const [keyId, setKeyId] = useState<string | null>(null);
  const [confirmations, setConfirmations] = useState(0);
  const { status: outcome, error, attempt } = useAttempt();
  const successor = keyId ?? status.successors.at(-1)?.keyId ?? null;

  const toggle = (id: number, on: boolean) => setChosen((current) => (on ? [...current, id] : current.filter((entry) => entry !== id)));

  return (
    <section aria-labelledby="handover-send-title">
      <h3 id="handover-send-title">{t('handover.sendTitle')}</h3>
      <p className="hint">{t('handover.sendHint')}</p>
      <HandoverCode label={t('handover.ownCode')} value={status.ownKeyFingerprint} testId="own-signing-code" />
      <AddSuccessor onStatus={onStatus} />
      {status.successors.length > 0 && (
        <>
          {status.successors.length > 1 && (
            <label>
              {t('handover.successor')}
              <select value={successor ?? ''} onChange={(event) => setKeyId(event.target.value)}>
                {status.successors.map((entry) => (
                  <option key={entry.keyId} value={entry.keyId}>
                    {`${t(`taxonomy.vaultFunction.${entry.function}`)} ${entry.fingerprint}`}
                  </option>
                ))}
              </select>
            </label>
          )}
          <LeavingExport status={status} sealed={sealed} onStatus={onStatus} />
          <h4>{t('handover.casesTitle')}</h4>
          <TextField label={t('handover.consentOn')} type="date" value={consentOn} onChange={setConsentOn} />
          <table aria-label={t('handover.casesTitle')}>
            <thead>
              <tr>
                <th scope="col">{t('handover.choose')}</th>
                <th scope="col">{t('handover.number')}</th>
                <th scope="col">{t('handover.label')}</th>
                <th scope="col">{t('handover.consent')}</th>
              </tr>
            </thead>
            <tbody>
              {status.openCases.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('handover.chooseCase', { number: entry.number })}
                      checked={chosen.includes(entry.id)}
                      disabled={entry.consentOn === null || entry.pending}
                      onChange={(event) => toggle(entry.id, event.target.checked)}
                    />
                  </td>
                  <td>{entry.number}</td>
                  <td>{entry.label}</td>
                  <td>
                    {entry.pending ? (
                      t('handover.pending')
                    ) : entry.consentOn ? (
                      formatDate(entry.consentOn, i18n.language)
                    ) : (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() =>
                          void attempt(async () => {
                            onStatus(await invoke('handover.setConsent', { caseId: entry.id, givenOn: consentOn }));
                            return t('handover.consentRecorded', { number: entry.number });
                          })
                        }
                      >
                        {t('handover.recordConsent', { number: entry.number })}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button
            type="button"
            disabled={chosen.length === 0 || !status.leavingExport.saved || successor === null}
            onClick={() =>
              void attempt(async () => {
                const saved = await invoke('handover.send', { keyId: successor!, caseIds: chosen });
                setChosen([]);
                onStatus(await invoke('handover.status', {}));
                return t('handover.sent', { fileName: saved.fileName });
              })
            }
          >
            {t('handover.send', { count: chosen.length })}
          </button>
        </>
      )}
      {status.sent.length > 0 && (
        <ul aria-label={t('handover.sentTitle')}>
          {status.sent.map((pkg) => (
            <li key={pkg.packageId}>
              {pkg.confirmedOn
                ? t('handover.sentConfirmed', { date: formatDate(pkg.handedOn, i18n.language), count: pkg.cases, confirmed: formatDate(pkg.confirmedOn, i18n.language) })
                : t('handover.sentWaiting', { date: formatDate(pkg.handedOn, i18n.language), count: pkg.cases })}
            </li>
          ))}
        </ul>
      )}
      {status.sent.some((pkg) => pkg.confirmedOn === null) && (
        <FilePicker
          label={t('handover.chooseConfirmation')}
          accept=".json,application/json"
          onFiles={(files) =>
            void attempt(async () => {
              const file = files[0];
              if (!file) return null;
              const { destroyed } = await invoke('handover.confirm', { content: await file.text() });
              setConfirmations((count) => count + 1);
              onStatus(await invoke('handover.status', {}));
              return t('handover.confirmed', { count: destroyed });
            })
          }
        />
      )}
      {outcome && <p role="status">{outcome}</p>}
      <ErrorMessage code={error} />
      {/* The confirmation destroyed the cases here as retention does: older backups still hold them. */}
      {confirmations > 0 && <StaleBackupsCard reason="handover" heading="h4" after={confirmations} />}
    </section>
  );
}
