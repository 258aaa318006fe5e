import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../shared/errors';
import { errorCodeOf } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { useSessionStore } from '../stores/sessionStore';

export function UnlockScreen() {
  const { t } = useTranslation();
  const unlock = useSessionStore((state) => state.unlock);
  const showRecover = useSessionStore((state) => state.showRecover);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await unlock(passphrase);
    } catch (caught) {
      setError(errorCodeOf(caught));
      setPassphrase('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="gate">
      <form onSubmit={submit} aria-labelledby="unlock-title">
        <h1 id="unlock-title">{t('unlock.title')}</h1>
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
        <button type="submit" disabled={busy || passphrase.length === 0}>
          {busy ? t('unlock.busy') : t('unlock.submit')}
        </button>
        <button type="button" className="link" onClick={() => showRecover(true)}>
          {t('unlock.forgot')}
        </button>
      </form>
    </main>
  );
}
