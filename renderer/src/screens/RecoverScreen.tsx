import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage';
import { NewPassphraseFields } from '../components/NewPassphraseFields';
import { useNewPassphraseForm } from '../components/useNewPassphraseForm';
import { useSessionStore } from '../stores/sessionStore';

export function RecoverScreen() {
  const { t } = useTranslation();
  const recover = useSessionStore((state) => state.recover);
  const showRecover = useSessionStore((state) => state.showRecover);
  const [recoveryKey, setRecoveryKey] = useState('');
  const form = useNewPassphraseForm({ complete: recoveryKey.trim() !== '', send: (passphrase) => recover(recoveryKey, passphrase) });

  return (
    <main className="gate">
      <form onSubmit={form.onSubmit} noValidate aria-labelledby="recover-title">
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
        {form.submitted && !recoveryKey.trim() && (
          <p className="field-error" role="alert">
            {t('validation.required')}
          </p>
        )}
        <NewPassphraseFields {...form.fields} labels={{ passphrase: t('recover.newPassphrase'), repeat: t('recover.repeat') }} />
        <ErrorMessage code={form.error} />
        <button type="submit" disabled={form.busy}>
          {t('recover.submit')}
        </button>
        <button type="button" className="link" onClick={() => showRecover(false)}>
          {t('recover.back')}
        </button>
      </form>
    </main>
  );
}
