import { AppError } from '../errors';
import type { Handlers } from '../ipc/router';
import { restoreFromBackup } from '../restore/restoreFromBackup';
import { copyClosedVault, createBackup, lastVerifiedBackup, pruneBackups, verifyCopiesMadeAtLock } from '../vault/backup';
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

/**
 * The automatic backup at a lock, when the adviser asked for one. The lock never waits for it: the
 * closed files are copied once the key is gone and the lock has been answered, and the next unlock
 * waits for the copy to end.
 */
export function backUpAtLock({ vault, settings, clock, log, events }: CoreContext): void {
  vault.onLock(() => {
    const { autoBackupOnLock, backupFolder } = settings.get();
    if (!autoBackupOnLock || !backupFolder) return;
    setImmediate(() => {
      void vault.whileLocked(() => {
        try {
          copyClosedVault(vault.files, backupFolder, clock);
        } catch (error) {
          log('auto_backup_failed', { code: error instanceof AppError ? error.code : 'INTERNAL' });
          events.emit({ type: 'autoBackupFailed' });
        }
      });
    });
  });
}

/** After an unlock: the copies made at earlier locks are verified with the key, and the adviser hears if one failed. */
export function verifyBackupsOfLocks({ vault, settings, log, events }: CoreContext): void {
  const folder = settings.get().backupFolder;
  const { verified, failed } = verifyCopiesMadeAtLock(vault, folder);
  if (verified > 0 && folder) pruneBackups(folder, settings.get().keepBackups);
  if (failed > 0) {
    log('auto_backup_failed', { code: 'BACKUP_FAILED' });
    events.emit({ type: 'autoBackupFailed' });
  }
}
