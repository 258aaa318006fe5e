import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../shared/errors';
import { errorCodeOf, invoke } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { useSessionStore } from '../stores/sessionStore';
import { RestoreForm } from './settings/RestoreForm';

/** A damaged vault is never overwritten: the adviser is told what happened and offered a backup. */
function CorruptVaultPanel() {
  const { t } = useTranslation();
  return (
    <section className="card corrupt" aria-labelledby="corrupt-title">
      <h2 id="corrupt-title">{t('corrupt.title')}</h2>
      <p>{t('corrupt.explanation')}</p>
      <p>{t('corrupt.untouched')}</p>
      <RestoreForm />
    </section>
  );
}

export function UnlockScreen() {
  const { t } = useTranslation();
  const unlock = useSessionStore((state) => state.unlock);
  const showRecover = useSessionStore((state) => state.showRecover);
  const corrupt = useSessionStore((state) => state.corrupt);
  const autoBackupFailed = useSessionStore((state) => state.autoBackupFailed);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [waitSeconds, setWaitSeconds] = useState(0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await unlock(passphrase);
    } catch (caught) {
      setError(errorCodeOf(caught));
      setPassphrase('');
      setWaitSeconds((await invoke('vault.status', {})).unlockDelaySeconds);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="gate">
      <div className="gate-column">
        <form onSubmit={submit} aria-labelledby="unlock-title">
          <h1 id="unlock-title">{t('unlock.title')}</h1>
          {autoBackupFailed && (
            <p className="warning" role="alert">
              {t('unlock.autoBackupFailed')}
            </p>
          )}
          <label htmlFor="unlock-passphrase">{t('unlock.passphrase')}</label>
          <input
            id="unlock-passphrase"
            type="password"
            autoComplete="current-password"
            value={passphrase}
            onChange={(event) => setPassphrase(event.target.value)}
            autoFocus
          />
          <ErrorMessage code={error} />
          {waitSeconds > 0 && <p className="warning">{t('unlock.wait', { count: waitSeconds })}</p>}
          <button type="submit" disabled={busy || passphrase.length === 0}>
            {busy ? t('unlock.busy') : t('unlock.submit')}
          </button>
          <button type="button" className="link" onClick={() => showRecover(true)}>
            {t('unlock.forgot')}
          </button>
        </form>
        {(corrupt || error === 'CORRUPT_VAULT') && <CorruptVaultPanel />}
      </div>
    </main>
  );
}
