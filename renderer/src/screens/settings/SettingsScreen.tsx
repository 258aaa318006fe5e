import { useTranslation } from 'react-i18next';
import { IDLE_LOCK_MAX_MINUTES, IDLE_LOCK_MIN_MINUTES } from '../../../../shared/limits';
import { canShieldFromCapture, desktopOs } from '../../platform';
import { FunctionForm } from './FunctionForm';
import { LockTriggers } from './LockTriggers';
import { ProcedureFunctions } from './ProcedureFunctions';
import { BackupSection } from './BackupSection';
import { SecuritySection } from './SecuritySection';
import { TeamSection } from './TeamSection';
import { HandoverSection } from '../handover/HandoverSection';
import { useSettingsStore } from '../../stores/settingsStore';
import { SaveOutcome, SettingNumberField, useSettingChange } from './settingChange';

function PreferencesForm() {
  const { t } = useTranslation();
  const settings = useSettingsStore((state) => state.settings);
  const { save, status, error } = useSettingChange();
  const os = desktopOs();
  const shieldable = canShieldFromCapture(os);
  if (!settings) return null;

  return (
    <section className="card" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.preferences')}</h2>
      <SettingNumberField
        label={t('settings.idleLock')}
        value={settings.idleLockMinutes}
        min={IDLE_LOCK_MIN_MINUTES}
        max={IDLE_LOCK_MAX_MINUTES}
        onSave={(idleLockMinutes) => void save({ idleLockMinutes })}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={shieldable && settings.contentProtection}
          disabled={!shieldable}
          aria-describedby={shieldable ? undefined : 'settings-capture-unavailable'}
          onChange={(event) => void save({ contentProtection: event.target.checked })}
        />
        {t('settings.contentProtection')}
      </label>
      {!shieldable && (
        <p id="settings-capture-unavailable" className="hint">
          {t('settings.contentProtectionUnavailable')}
        </p>
      )}
      <LockTriggers os={os} idleMinutes={settings.idleLockMinutes} />
      <SaveOutcome status={status} error={error} />
    </section>
  );
}

export function SettingsScreen() {
  const { t } = useTranslation();
  return (
    <div className="settings">
      <h1>{t('settings.title')}</h1>
      <p className="hint">{t('settings.savedHint')}</p>
      <FunctionForm />
      <PreferencesForm />
      <ProcedureFunctions />
      <SecuritySection />
      <TeamSection />
      <HandoverSection />
      <BackupSection />
    </div>
  );
}
