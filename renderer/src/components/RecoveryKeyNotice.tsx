import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../api/client';
import { useAttempt } from '../hooks/useAttempt';
import { ErrorMessage } from './ErrorMessage';
import { RecoveryKeyCheck } from './RecoveryKeyCheck';

/**
 * A recovery key shown once; it leaves the screen when the adviser confirms it is stored. With
 * `checkTypedBack` (at creation) the adviser types two of its groups back before going on. After a
 * recovery (`replacesUsedKey`) it says that the key just used, and its sheet, no longer work.
 */
export function RecoveryKeyNotice({
  recoveryKey,
  onDone,
  continueLabel = 'recoveryKey.done',
  checkTypedBack = false,
  replacesUsedKey = false,
}: {
  recoveryKey: string;
  onDone(): void;
  continueLabel?: 'recoveryKey.done' | 'recoveryKey.continue';
  checkTypedBack?: boolean;
  replacesUsedKey?: boolean;
}) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const [checking, setChecking] = useState(false);
  const sheet = useAttempt();
  const saveSheet = () => sheet.attempt(async () => t('recoveryKey.saved', { fileName: (await invoke('vault.saveRecoverySheet', { recoveryKey })).fileName }));
  if (checking) {
    return (
      <section className="card recovery-notice">
        <RecoveryKeyCheck recoveryKey={recoveryKey} onBack={() => setChecking(false)} onDone={onDone} continueLabel={t(continueLabel)} />
      </section>
    );
  }
  return (
    <section className="card recovery-notice" aria-labelledby="recovery-key-title">
      <h1 id="recovery-key-title">{t('recoveryKey.title')}</h1>
      {replacesUsedKey && <p className="notice-block">{t('recoveryKey.replacesUsed')}</p>}
      <p>{t('recoveryKey.intro')}</p>
      <code className="recovery-key" data-testid="recovery-key">
        {recoveryKey}
      </code>
      <button type="button" className="secondary" onClick={() => void saveSheet()}>
        {t('recoveryKey.savePdf')}
      </button>
      <ErrorMessage code={sheet.error === 'CANCELLED' ? null : sheet.error} />
      {sheet.status && <p role="status">{sheet.status}</p>}
      <label className="checkbox">
        <input type="checkbox" checked={saved} onChange={(event) => setSaved(event.target.checked)} />
        {t('recoveryKey.confirm')}
      </label>
      <button type="button" disabled={!saved} onClick={checkTypedBack ? () => setChecking(true) : onDone}>
        {checkTypedBack ? t('recoveryKey.toCheck') : t(continueLabel)}
      </button>
    </section>
  );
}
