import { localSecond } from '../../../shared/time';
import { erasuresIn } from '../access/erasureRecord';
import { destructionsIn } from '../cases/destructions';
import { destroyCases, dueCases } from '../cases/retention';
import { AppError } from '../errors';
import type { Handlers } from '../ipc/router';
import { backupsHoldingDestroyed } from '../restore/staleBackups';
import { createBackup, discardBackup, verifiedBackupsIn } from '../vault/backup';
import type { CoreContext } from './context';

type RetentionChannel = 'retention.due' | 'retention.destroy' | 'retention.staleBackups' | 'retention.deleteStaleBackups';

export function retentionHandlers({ db, vault, settings, clock, events, records }: CoreContext) {
  // A reporter erased at their request is as gone as a destroyed case: older backups still hold them.
  const staleBackups = () =>
    backupsHoldingDestroyed(settings.get().backupFolder, { destructions: destructionsIn(db()), erasures: erasuresIn(db()) }, localSecond, (backup) => records.inBackup(backup));
  return {
    'retention.due': () => dueCases(db(), settings.get().retentionYears, clock),
    'retention.destroy': ({ ids }) => {
      // Only what the review listed may go: an id that is not due refuses the whole request.
      const due = new Set(dueCases(db(), settings.get().retentionYears, clock).map((entry) => entry.id));
      if (ids.some((id) => !due.has(id))) throw new AppError('NOT_DUE');
      return events.withProgress('retention', (report) => {
        const destroyed = destroyCases(db(), ids, clock, report);
        records.save();
        return { destroyed };
      });
    },
    'retention.staleBackups': () => ({ count: staleBackups().length }),
    'retention.deleteStaleBackups': () => {
      const folder = settings.get().backupFolder;
      let stale = staleBackups();
      // Never leave the adviser without a backup: a new one, without the destroyed cases, comes first.
      const kept = verifiedBackupsIn(folder).filter((path) => !stale.includes(path));
      if (folder && stale.length > 0 && kept.length === 0) {
        createBackup(vault, folder, clock);
        stale = staleBackups();
      }
      for (const backup of stale) discardBackup(backup);
      return { deleted: stale.length };
    },
  } satisfies Pick<Handlers, RetentionChannel>;
}
