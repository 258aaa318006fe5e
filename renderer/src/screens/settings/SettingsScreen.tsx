import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IDLE_LOCK_MAX_MINUTES, IDLE_LOCK_MIN_MINUTES } from '../../../../shared/limits';
import type { ErrorCode } from '../../../../shared/errors';
import { errorCodeOf } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { canShieldFromCapture, desktopOs } from '../../platform';
import { FunctionForm } from './FunctionForm';
import { LockTriggers } from './LockTriggers';
import { BackupSection } from './BackupSection';
import { SecuritySection } from './SecuritySection';
import { TeamSection } from './TeamSection';
import { useSettingsStore } from '../../stores/settingsStore';

function PreferencesForm() {
  const { t } = useTranslation();
  const { settings, update } = useSettingsStore();
  const [idleLockMinutes, setIdleLockMinutes] = useState(String(settings?.idleLockMinutes ?? 10));
  const [contentProtection, setContentProtection] = useState(settings?.contentProtection ?? true);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [saved, setSaved] = useState(false);
  const os = desktopOs();
  const shieldable = canShieldFromCapture(os);
  const minutes = Number(idleLockMinutes);
  const minutesValid = Number.isInteger(minutes) && minutes >= IDLE_LOCK_MIN_MINUTES && minutes <= IDLE_LOCK_MAX_MINUTES;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    if (!minutesValid) return;
    try {
      await update({ idleLockMinutes: minutes, contentProtection });
      setSaved(true);
    } catch (caught) {
      setError(errorCodeOf(caught));
    }
  }

  return (
    <form className="card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.preferences')}</h2>
      <label htmlFor="settings-idle">{t('settings.idleLock')}</label>
      <input
        id="settings-idle"
        type="number"
        min={IDLE_LOCK_MIN_MINUTES}
        max={IDLE_LOCK_MAX_MINUTES}
        value={idleLockMinutes}
        onChange={(event) => setIdleLockMinutes(event.target.value)}
        aria-invalid={!minutesValid}
      />
      {!minutesValid && (
        <p className="field-error" role="alert">
          {t('validation.invalidMinutes', { min: IDLE_LOCK_MIN_MINUTES, max: IDLE_LOCK_MAX_MINUTES })}
        </p>
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={shieldable && contentProtection}
          disabled={!shieldable}
          aria-describedby={shieldable ? undefined : 'settings-capture-unavailable'}
          onChange={(event) => setContentProtection(event.target.checked)}
        />
        {t('settings.contentProtection')}
      </label>
      {!shieldable && (
        <p id="settings-capture-unavailable" className="hint">
          {t('settings.contentProtectionUnavailable')}
        </p>
      )}
      <LockTriggers os={os} idleMinutes={settings?.idleLockMinutes ?? 10} />
      <ErrorMessage code={error} />
      <button type="submit">{t('settings.save')}</button>
      {saved && <p role="status">{t('settings.saved')}</p>}
    </form>
  );
}

export function SettingsScreen() {
  const { t } = useTranslation();
  return (
    <div className="settings">
      <h1>{t('settings.title')}</h1>
      <FunctionForm />
      <PreferencesForm />
      <SecuritySection />
      <TeamSection />
      <BackupSection />
    </div>
  );
}
