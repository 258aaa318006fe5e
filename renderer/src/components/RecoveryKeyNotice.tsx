import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A recovery key shown once; it leaves the screen when the adviser confirms it is stored. */
export function RecoveryKeyNotice({ recoveryKey, onDone }: { recoveryKey: string; onDone(): void }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  return (
    <div className="card recovery-notice" role="region" aria-label={t('recoveryKey.title')}>
      <h3>{t('recoveryKey.title')}</h3>
      <p>{t('recoveryKey.intro')}</p>
      <code className="recovery-key" data-testid="recovery-key">
        {recoveryKey}
      </code>
      <label className="checkbox">
        <input type="checkbox" checked={saved} onChange={(event) => setSaved(event.target.checked)} />
        {t('recoveryKey.confirm')}
      </label>
      <button type="button" disabled={!saved} onClick={onDone}>
        {t('recoveryKey.done')}
      </button>
    </div>
  );
}
