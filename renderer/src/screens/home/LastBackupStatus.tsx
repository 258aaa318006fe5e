import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { leaveTo } from '../../drafts/leaveGuard';
import { useSessionStore } from '../../stores/sessionStore';
import { formatDateTime } from '../cases/format';

/**
 * The home screen's reminder: when the last verified backup was made, or that there is none, and
 * whether the copy made at the last lock failed its check at this unlock.
 */
export function LastBackupStatus() {
  const { t, i18n } = useTranslation();
  const [last, setLast] = useState<string | null | undefined>(undefined);
  const autoBackupFailed = useSessionStore((state) => state.autoBackupFailed);
  useEffect(() => {
    invoke('backup.status', {})
      .then((status) => setLast(status.lastVerifiedAt))
      .catch(() => setLast(null));
  }, []);
  if (last === undefined) return null;
  return (
    <p className={last && !autoBackupFailed ? 'hint last-backup' : 'warning last-backup'} data-testid="last-backup" role={autoBackupFailed ? 'alert' : undefined}>
      {autoBackupFailed && `${t('home.autoBackupFailed')} `}
      {last ? t('home.lastBackup', { date: formatDateTime(last, i18n.language) }) : t('home.noBackup')}{' '}
      <button type="button" className="link" onClick={() => leaveTo({ name: 'settings' })}>
        {t('home.backupSettings')}
      </button>
    </p>
  );
}
