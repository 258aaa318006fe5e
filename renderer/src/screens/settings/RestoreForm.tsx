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

type CurrentKind = 'passphrase' | 'recoveryKey';

/**
 * Restores a backup chosen in the shell's folder dialog, opened with the passphrase that was in
 * use when it was made. The current vault is kept aside until the restored one has passed its check.
 * When nothing of the current vault opens with the backup's passphrase, the core needs the vault's
 * own passphrase or recovery key to carry its destructions over: the form then asks for it.
 */
export function RestoreForm() {
  const { t, i18n } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [needsCurrent, setNeedsCurrent] = useState(false);
  const [currentKind, setCurrentKind] = useState<CurrentKind>('passphrase');
  const [current, setCurrent] = useState('');
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
      const currentKey = needsCurrent ? (currentKind === 'passphrase' ? { passphrase: current } : { recoveryKey: current }) : undefined;
      const { madeAt, cases } = await invoke('backup.restore', { passphrase, ...(currentKey ? { current: currentKey } : {}) });
      // Nothing read from the replaced vault may stay on screen; the restored vault's own
      // function is read again so the screens that depend on it come back.
      resetAllStores();
      useRestoreStore.setState({ restored: { madeAt, cases } });
      leaveTo({ name: 'settings' });
      useSessionStore.setState({ phase: 'unlocked', recoveryKey: null, corrupt: false });
      await useProfileStore.getState().load();
    } catch (caught) {
      const code = errorCodeOf(caught);
      setError(code);
      if (code === 'RESTORE_NEEDS_CURRENT_KEY') setNeedsCurrent(true);
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
      {needsCurrent && (
        <fieldset>
          <legend>{t('restore.currentKind')}</legend>
          {(['passphrase', 'recoveryKey'] as const).map((kind) => (
            <label key={kind} className="checkbox">
              <input type="radio" name="restore-current-kind" checked={currentKind === kind} onChange={() => setCurrentKind(kind)} />
              {t(kind === 'passphrase' ? 'restore.currentPassphrase' : 'restore.currentRecoveryKey')}
            </label>
          ))}
          <label htmlFor="restore-current">{t('restore.current')}</label>
          <input id="restore-current" type="password" autoComplete="off" value={current} onChange={(event) => setCurrent(event.target.value)} />
        </fieldset>
      )}
      {confirming && (
        <p role="alert" className="warning">
          {t('restore.confirm')}
        </p>
      )}
      <ErrorMessage code={error} />
      <button type="submit" disabled={passphrase.length === 0 || (needsCurrent && current.length === 0)}>
        {confirming ? t('restore.confirmButton') : t('restore.choose')}
      </button>
    </form>
  );
}
