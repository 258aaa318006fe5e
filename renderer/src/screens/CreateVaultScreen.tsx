import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../shared/errors';
import { errorCodeOf } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { NewPassphraseFields } from '../components/NewPassphraseFields';
import { passphraseProblem } from '../components/passphraseStrength';
import { useSessionStore } from '../stores/sessionStore';

export function CreateVaultScreen() {
  const { t } = useTranslation();
  const create = useSessionStore((state) => state.create);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setError(null);
    if (passphraseProblem(passphrase, repeat)) return;
    setBusy(true);
    try {
      await create(passphrase);
    } catch (caught) {
      setError(errorCodeOf(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="gate">
      <form onSubmit={submit} noValidate aria-labelledby="create-title">
        <h1 id="create-title">{t('create.title')}</h1>
        <p>{t('create.intro')}</p>
        <NewPassphraseFields
          passphrase={passphrase}
          repeat={repeat}
          onPassphrase={setPassphrase}
          onRepeat={setRepeat}
          labels={{ passphrase: t('create.passphrase'), repeat: t('create.repeat') }}
          showProblems={submitted}
          autoFocus
        />
        <ErrorMessage code={error} />
        <button type="submit" disabled={busy}>
          {busy ? t('create.busy') : t('create.submit')}
        </button>
      </form>
    </main>
  );
}
