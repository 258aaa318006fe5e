import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../shared/errors';
import { errorCodeOf, invoke } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { useSessionStore } from '../stores/sessionStore';
import { useSettingsStore } from '../stores/settingsStore';
import { RestoreForm } from './settings/RestoreForm';

/** A damaged vault is never overwritten: the adviser is told what happened and offered a backup. */
function CorruptVaultPanel() {
  const { t } = useTranslation();
  return (
    <section className="card corrupt" aria-labelledby="corrupt-title">
      <h2 id="corrupt-title">{t('corrupt.title')}</h2>
      <p>{t('corrupt.explanation')}</p>
      <p>{t('corrupt.untouched')}</p>
      <RestoreForm />
    </section>
  );
}

/**
 * Counts the core's wait down to zero, one second at a time. The core keeps its own clock: this
 * only keeps the adviser from sending a try the core would refuse anyway.
 */
function useCountdown(): [number, (seconds: number) => void] {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (seconds <= 0) return;
    const timer = setTimeout(() => setSeconds((left) => left - 1), 1000);
    return () => clearTimeout(timer);
  }, [seconds]);
  return [seconds, setSeconds];
}

/** Why the vault locked while the adviser was working, and that what they were typing is kept. */
function LockedBecauseNotice() {
  const { t } = useTranslation();
  const because = useSessionStore((state) => state.lockedBecause);
  const idleMinutes = useSettingsStore((state) => state.settings?.idleLockMinutes ?? 10);
  if (!because) return null;
  return (
    <div id="unlock-reason" className="notice lock-reason" data-testid="lock-reason">
      <p>{t(`unlock.lockedBecause.${because.cause}`, { count: idleMinutes })}</p>
      {because.typingKept && <p>{t('unlock.typingKept')}</p>}
    </div>
  );
}

export function UnlockScreen() {
  const { t } = useTranslation();
  const unlock = useSessionStore((state) => state.unlock);
  const showRecover = useSessionStore((state) => state.showRecover);
  const corrupt = useSessionStore((state) => state.corrupt);
  const autoBackupFailed = useSessionStore((state) => state.autoBackupFailed);
  const explained = useSessionStore((state) => state.lockedBecause !== null);
  const [passphrase, setPassphrase] = useState('');
  const [visible, setVisible] = useState(false);
  const [capsLock, setCapsLock] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [waitSeconds, setWaitSeconds] = useCountdown();

  useEffect(() => {
    // A wait started before the app was reopened still holds.
    invoke('vault.status', {})
      .then((status) => setWaitSeconds(status.unlockDelaySeconds))
      .catch(() => undefined);
  }, [setWaitSeconds]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (waitSeconds > 0) return;
    setError(null);
    setBusy(true);
    try {
      await unlock(passphrase);
    } catch (caught) {
      setError(errorCodeOf(caught));
      setWaitSeconds((await invoke('vault.status', {})).unlockDelaySeconds);
    } finally {
      setBusy(false);
    }
  }

  function noteCapsLock(event: KeyboardEvent<HTMLInputElement>) {
    setCapsLock(event.getModifierState('CapsLock'));
  }

  const waiting = waitSeconds > 0;
  return (
    <main className="gate">
      <div className="gate-column">
        <form onSubmit={(event) => void submit(event)} aria-labelledby="unlock-title">
          <h1 id="unlock-title">{t('unlock.title')}</h1>
          <LockedBecauseNotice />
          {autoBackupFailed && (
            <p className="warning" role="alert">
              {t('unlock.autoBackupFailed')}
            </p>
          )}
          <label htmlFor="unlock-passphrase">{t('unlock.passphrase')}</label>
          <div className="passphrase-row">
            <input
              id="unlock-passphrase"
              type={visible ? 'text' : 'password'}
              autoComplete="current-password"
              value={passphrase}
              aria-invalid={error === 'WRONG_PASSPHRASE' ? true : undefined}
              // Read with the field the caret starts in: why the vault locked, and a Caps Lock that is on.
              aria-describedby={[explained && 'unlock-reason', capsLock && 'unlock-capslock'].filter(Boolean).join(' ') || undefined}
              onChange={(event) => setPassphrase(event.target.value)}
              onKeyDown={noteCapsLock}
              onKeyUp={noteCapsLock}
              autoFocus
            />
            <button type="button" className="secondary" aria-pressed={visible} aria-controls="unlock-passphrase" onClick={() => setVisible(!visible)}>
              {t('unlock.show')}
            </button>
          </div>
          {capsLock && (
            <p id="unlock-capslock" className="warning">
              {t('unlock.capsLock')}
            </p>
          )}
          <ErrorMessage code={waiting && error === 'TOO_MANY_ATTEMPTS' ? null : error} />
          {waiting && (
            <p className="warning" role="status" aria-live="polite" data-testid="unlock-wait">
              {t('unlock.wait', { count: waitSeconds })}
            </p>
          )}
          <button type="submit" disabled={busy || waiting || passphrase.length === 0}>
            {busy ? t('unlock.busy') : t('unlock.submit')}
          </button>
          <button type="button" className="link" onClick={() => showRecover(true)}>
            {t('unlock.forgot')}
          </button>
        </form>
        {(corrupt || error === 'CORRUPT_VAULT') && <CorruptVaultPanel />}
      </div>
    </main>
  );
}
