import { AppError } from '../errors';
import type { Handlers } from '../ipc/router';
import { restoreFromBackup } from '../restore/restoreFromBackup';
import { createBackup, lastVerifiedBackup, pruneBackups } from '../vault/backup';
import type { CoreContext } from './context';

type BackupChannel = 'backup.chooseFolder' | 'backup.now' | 'backup.status' | 'backup.restore';

export function backupHandlers(context: CoreContext) {
  const { vault, settings, shell, events, clock } = context;
  return {
    'backup.chooseFolder': async () => {
      const folder = await shell.chooseFolder('backupFolder');
      if (!folder) throw new AppError('CANCELLED');
      return settings.setBackupFolder(folder);
    },
    'backup.now': () => {
      const folder = settings.get().backupFolder;
      if (!folder) throw new AppError('NO_BACKUP_FOLDER');
      return events.withProgress('backup', (report) => {
        const name = createBackup(vault, folder, clock, report);
        report('prune');
        pruneBackups(folder, settings.get().keepBackups);
        return { name };
      });
    },
    'backup.status': () => ({ lastVerifiedAt: lastVerifiedBackup(settings.get().backupFolder)?.toISOString() ?? null }),
    'backup.restore': async (request) => {
      const folder = await shell.chooseFolder('restoreFrom');
      if (!folder) throw new AppError('CANCELLED');
      return events.withProgress('restore', (report) => restoreFromBackup(context, folder, request, report));
    },
  } satisfies Pick<Handlers, BackupChannel>;
}

/** The automatic backup made just before a lock, when the adviser asked for one. */
export function backUpBeforeLock({ vault, settings, clock, log, events }: CoreContext): void {
  vault.beforeLock(() => {
    const { autoBackupOnLock, backupFolder, keepBackups } = settings.get();
    if (!autoBackupOnLock || !backupFolder) return;
    try {
      createBackup(vault, backupFolder, clock);
      pruneBackups(backupFolder, keepBackups);
    } catch (error) {
      // The lock goes on regardless, but the adviser must not believe a backup was made.
      log('auto_backup_failed', { code: error instanceof AppError ? error.code : 'INTERNAL' });
      events.emit({ type: 'autoBackupFailed' });
    }
  });
}
