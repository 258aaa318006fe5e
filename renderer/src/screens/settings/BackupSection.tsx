import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAttempt } from '../../hooks/useAttempt';
import { Checkbox, NumberField } from '../../components/form/fields';
import { useSettingsStore } from '../../stores/settingsStore';
import { RestoreForm } from './RestoreForm';

export function BackupSection() {
  const { t } = useTranslation();
  const { settings, update, replace } = useSettingsStore();
  const { status, error, attempt } = useAttempt();

  if (!settings) return null;
  return (
    <section aria-labelledby="backup-title" className="card">
      <h2 id="backup-title">{t('backup.title')}</h2>
      <p className="hint">{t('backup.hint')}</p>
      <p>
        {t('backup.folder')}: <strong data-testid="backup-folder">{settings.backupFolder ?? t('backup.noFolder')}</strong>
      </p>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void attempt(async () => (replace(await invoke('backup.chooseFolder', {})), null))}>
          {t('backup.chooseFolder')}
        </button>
        <button type="button" disabled={!settings.backupFolder} onClick={() => void attempt(async () => t('backup.made', { name: (await invoke('backup.now', {})).name }))}>
          {t('backup.now')}
        </button>
      </div>
      <Checkbox label={t('backup.auto')} checked={settings.autoBackupOnLock} onChange={(autoBackupOnLock) => void attempt(async () => (await update({ autoBackupOnLock }), null))} />
      <NumberField
        label={t('backup.keep')}
        value={settings.keepBackups}
        onChange={(keepBackups) => keepBackups !== null && keepBackups >= 1 && keepBackups <= 100 && void attempt(async () => (await update({ keepBackups }), null))}
      />
      <ErrorMessage code={error} />
      {status && <p role="status">{status}</p>}
      <RestoreForm />
    </section>
  );
}
