import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A recovery key shown once; it leaves the screen when the adviser confirms it is stored. */
export function RecoveryKeyNotice({
  recoveryKey,
  onDone,
  continueLabel = 'recoveryKey.done',
}: {
  recoveryKey: string;
  onDone(): void;
  continueLabel?: 'recoveryKey.done' | 'recoveryKey.continue';
}) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  return (
    <section className="card recovery-notice" aria-labelledby="recovery-key-title">
      <h1 id="recovery-key-title">{t('recoveryKey.title')}</h1>
      <p>{t('recoveryKey.intro')}</p>
      <code className="recovery-key" data-testid="recovery-key">
        {recoveryKey}
      </code>
      <label className="checkbox">
        <input type="checkbox" checked={saved} onChange={(event) => setSaved(event.target.checked)} />
        {t('recoveryKey.confirm')}
      </label>
      <button type="button" disabled={!saved} onClick={onDone}>
        {t(continueLabel)}
      </button>
    </section>
  );
}
