import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { Checkbox } from '../../components/form/fields';
import { useSettingsStore } from '../../stores/settingsStore';
import { RestoreForm } from './RestoreForm';
import { SaveOutcome, SettingNumberField, useSettingChange } from './settingChange';

export function BackupSection() {
  const { t } = useTranslation();
  const { settings, replace } = useSettingsStore();
  const { save, status, error, attempt } = useSettingChange();

  if (!settings) return null;
  return (
    <section aria-labelledby="backup-title" className="card">
      <h2 id="backup-title">{t('backup.title')}</h2>
      <p className="hint">{t('backup.hint')}</p>
      <p>
        {t('backup.folder')}: <strong data-testid="backup-folder">{settings.backupFolder ?? t('backup.noFolder')}</strong>
      </p>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void attempt(async () => (replace(await invoke('backup.chooseFolder', {})), t('settings.saved')))}>
          {t('backup.chooseFolder')}
        </button>
        <button type="button" disabled={!settings.backupFolder} onClick={() => void attempt(async () => t('backup.made', { name: (await invoke('backup.now', {})).name }))}>
          {t('backup.now')}
        </button>
      </div>
      <Checkbox label={t('backup.auto')} checked={settings.autoBackupOnLock} onChange={(autoBackupOnLock) => void save({ autoBackupOnLock })} />
      <SettingNumberField label={t('backup.keep')} value={settings.keepBackups} min={1} max={100} onSave={(keepBackups) => void save({ keepBackups })} />
      <SaveOutcome status={status} error={error} />
      <RestoreForm />
    </section>
  );
}
