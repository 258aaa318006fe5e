import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../stores/sessionStore';

/** Shown once after creation; the key leaves memory when the adviser confirms it is stored. */
export function RecoveryKeyScreen() {
  const { t } = useTranslation();
  const recoveryKey = useSessionStore((state) => state.recoveryKey);
  const confirm = useSessionStore((state) => state.confirmRecoveryKeySaved);
  const [saved, setSaved] = useState(false);
  return (
    <main className="gate">
      <section aria-labelledby="recovery-title">
        <h1 id="recovery-title">{t('recoveryKey.title')}</h1>
        <p>{t('recoveryKey.intro')}</p>
        <code className="recovery-key" data-testid="recovery-key">
          {recoveryKey}
        </code>
        <label className="checkbox">
          <input type="checkbox" checked={saved} onChange={(event) => setSaved(event.target.checked)} />
          {t('recoveryKey.confirm')}
        </label>
        <button type="button" disabled={!saved} onClick={confirm}>
          {t('recoveryKey.continue')}
        </button>
      </section>
    </main>
  );
}
