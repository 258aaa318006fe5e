import { useTranslation } from 'react-i18next';
import type { HandoverStatus } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FilePicker } from '../../components/form/FilePicker';
import { Checkbox } from '../../components/form/fields';
import { useAttempt } from '../../hooks/useAttempt';
import { formatDate } from '../cases/format';
import { HandoverCode } from './HandoverCode';
import { useComparedFile } from './useComparedFile';

/**
 * The successor's side: a receiving key whose code the leaving adviser compares by phone, then the
 * package, received only after comparing the code of the key that signed it, and the confirmation
 * to send back (after which the leaving adviser's copies are destroyed).
 */
export function ReceiveHandover({ status, onStatus }: { status: HandoverStatus; onStatus(status: HandoverStatus): void }) {
  const { t, i18n } = useTranslation();
  const { status: outcome, error, attempt, setError } = useAttempt();
  const { file, compared, setCompared, read, clear } = useComparedFile((content) => invoke('handover.readPackage', { content }), setError);
  const summary = file?.summary;

  async function receive() {
    if (!file) return;
    await attempt(async () => {
      const received = await invoke('handover.receive', { content: file.content, signerFingerprint: file.summary.signerFingerprint });
      clear();
      onStatus(await invoke('handover.status', {}));
      return t('handover.received', { count: received.cases.length });
    });
  }

  return (
    <section aria-labelledby="handover-receive-title">
      <h3 id="handover-receive-title">{t('handover.receiveTitle')}</h3>
      <p className="hint">{t('handover.receiveHint')}</p>
      <button
        type="button"
        onClick={() =>
          void attempt(async () => {
            onStatus(await invoke('handover.createReceivingKey', {}));
            return t('handover.keyMade');
          })
        }
      >
        {t('handover.makeKey')}
      </button>
      {status.receivingKeys.map((key) => (
        <div key={key.keyId} className="invitation-summary">
          <HandoverCode label={t('handover.keyCode', { date: formatDate(key.createdOn, i18n.language) })} value={key.fingerprint} testId="receiving-key-code" />
          <button type="button" className="secondary" onClick={() => void attempt(async () => t('export.saved', { fileName: (await invoke('handover.saveReceivingKey', { keyId: key.keyId })).fileName }))}>
            {t('handover.saveKey')}
          </button>
        </div>
      ))}
      {status.receivingKeys.length > 0 && (
        <>
          <FilePicker label={t('handover.choosePackage')} accept=".age" onFiles={(files) => void read(files[0])} />
          {summary && (
            <div className="invitation-summary">
              <p>
                {t('handover.packageFrom', {
                  function: t(`taxonomy.vaultFunction.${summary.fromFunction}`),
                  date: formatDate(summary.handedOn, i18n.language),
                  count: summary.cases,
                })}
              </p>
              <HandoverCode label={t('handover.signerCode')} value={summary.signerFingerprint} testId="package-signer-code" />
              <Checkbox label={t('handover.signerCompared')} checked={compared} onChange={setCompared} />
              <button type="button" disabled={!compared} onClick={() => void receive()}>
                {t('handover.receive')}
              </button>
            </div>
          )}
        </>
      )}
      {status.received.map((pkg) => (
        <div key={pkg.packageId}>
          <table aria-label={t('handover.receivedTitle', { date: formatDate(pkg.receivedOn, i18n.language) })}>
            <caption>{t('handover.receivedTitle', { date: formatDate(pkg.receivedOn, i18n.language) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('handover.number')}</th>
                <th scope="col">{t('handover.previousNumber')}</th>
              </tr>
            </thead>
            <tbody>
              {pkg.cases.map((entry) => (
                <tr key={entry.id}>
                  <td>{entry.number}</td>
                  <td>{entry.previousNumber}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="secondary" onClick={() => void attempt(async () => t('export.saved', { fileName: (await invoke('handover.saveConfirmation', { packageId: pkg.packageId })).fileName }))}>
            {t('handover.saveConfirmation')}
          </button>
        </div>
      ))}
      {outcome && <p role="status">{outcome}</p>}
      <ErrorMessage code={error} />
    </section>
  );
}
