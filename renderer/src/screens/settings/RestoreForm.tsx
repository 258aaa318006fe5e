import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../../shared/errors';
import { errorCodeOf, invoke } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { resetAllStores } from '../../stores/resettable';
import { useSessionStore } from '../../stores/sessionStore';

/**
 * Restores a backup chosen in the shell's folder dialog, opened with the passphrase that was in
 * use when it was made. The current vault is kept aside until the restored one has passed its check.
 */
export function RestoreForm() {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);

  async function restore(event: FormEvent) {
    event.preventDefault();
    if (!confirming) {
      setConfirming(true);
      return;
    }
    setError(null);
    try {
      await invoke('backup.restore', { passphrase });
      resetAllStores();
      useSessionStore.setState({ phase: 'unlocked', recoveryKey: null, corrupt: false });
    } catch (caught) {
      setError(errorCodeOf(caught));
      setConfirming(false);
    }
  }

  return (
    <form className="restore" onSubmit={restore} aria-label={t('restore.title')}>
      <h3>{t('restore.title')}</h3>
      <p className="hint">{t('restore.hint')}</p>
      <label htmlFor="restore-passphrase">{t('restore.passphrase')}</label>
      <input id="restore-passphrase" type="password" autoComplete="off" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} />
      {confirming && (
        <p role="alert" className="warning">
          {t('restore.confirm')}
        </p>
      )}
      <ErrorMessage code={error} />
      <button type="submit" disabled={passphrase.length === 0}>
        {confirming ? t('restore.confirmButton') : t('restore.choose')}
      </button>
    </form>
  );
}
