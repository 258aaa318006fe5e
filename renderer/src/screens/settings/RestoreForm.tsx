import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../../shared/errors';
import { errorCodeOf, invoke } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { leaveTo } from '../../drafts/leaveGuard';
import { useProfileStore } from '../../stores/profileStore';
import { resetAllStores } from '../../stores/resettable';
import { useRestoreStore } from '../../stores/restoreStore';
import { useSessionStore } from '../../stores/sessionStore';
import { formatDateTime } from '../cases/format';

/**
 * Restores a backup chosen in the shell's folder dialog, opened with the passphrase that was in
 * use when it was made. The current vault is kept aside until the restored one has passed its check.
 */
export function RestoreForm() {
  const { t, i18n } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const restored = useRestoreStore((state) => state.restored);

  async function restore(event: FormEvent) {
    event.preventDefault();
    if (!confirming) {
      setConfirming(true);
      return;
    }
    setError(null);
    try {
      const { madeAt, cases } = await invoke('backup.restore', { passphrase });
      // Nothing read from the replaced vault may stay on screen; the restored vault's own
      // function is read again so the screens that depend on it come back.
      resetAllStores();
      useRestoreStore.setState({ restored: { madeAt, cases } });
      leaveTo({ name: 'settings' });
      useSessionStore.setState({ phase: 'unlocked', recoveryKey: null, corrupt: false });
      await useProfileStore.getState().load();
    } catch (caught) {
      setError(errorCodeOf(caught));
      setConfirming(false);
    }
  }

  return (
    <form className="restore" onSubmit={(event) => void restore(event)} aria-label={t('restore.title')}>
      <h3>{t('restore.title')}</h3>
      {restored && (
        <p role="status" className="notice">
          {t('restore.done', { count: restored.cases, date: formatDateTime(restored.madeAt, i18n.language) })}
        </p>
      )}
      <p className="hint">{t('restore.hint')}</p>
      <label htmlFor="restore-passphrase">{t('restore.passphrase')}</label>
      <input
        id="restore-passphrase"
        type="password"
        autoComplete="off"
        value={passphrase}
        aria-invalid={error ? true : undefined}
        onChange={(event) => setPassphrase(event.target.value)}
      />
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
