import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../shared/errors';
import { errorCodeOf } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { NewPassphraseFields } from '../components/NewPassphraseFields';
import { passphraseProblem } from '../components/passphraseStrength';
import { useSessionStore } from '../stores/sessionStore';

export function RecoverScreen() {
  const { t } = useTranslation();
  const recover = useSessionStore((state) => state.recover);
  const showRecover = useSessionStore((state) => state.showRecover);
  const [recoveryKey, setRecoveryKey] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setError(null);
    if (!recoveryKey.trim() || passphraseProblem(passphrase, repeat)) return;
    setBusy(true);
    try {
      await recover(recoveryKey, passphrase);
    } catch (caught) {
      setError(errorCodeOf(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="gate">
      <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="recover-title">
        <h1 id="recover-title">{t('recover.title')}</h1>
        <p>{t('recover.intro')}</p>
        <label htmlFor="recover-key">{t('recover.recoveryKey')}</label>
        <input
          id="recover-key"
          autoComplete="off"
          spellCheck={false}
          value={recoveryKey}
          onChange={(event) => setRecoveryKey(event.target.value)}
          autoFocus
        />
        {submitted && !recoveryKey.trim() && (
          <p className="field-error" role="alert">
            {t('validation.required')}
          </p>
        )}
        <NewPassphraseFields
          passphrase={passphrase}
          repeat={repeat}
          onPassphrase={setPassphrase}
          onRepeat={setRepeat}
          labels={{ passphrase: t('recover.newPassphrase'), repeat: t('recover.repeat') }}
          showProblems={submitted}
        />
        <ErrorMessage code={error} />
        <button type="submit" disabled={busy}>
          {t('recover.submit')}
        </button>
        <button type="button" className="link" onClick={() => showRecover(false)}>
          {t('recover.back')}
        </button>
      </form>
    </main>
  );
}
