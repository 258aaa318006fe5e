import { rmSync } from 'node:fs';
import { localMinute } from '../../../shared/time';
import { destructionsIn } from '../cases/destructions';
import { destroyCases, dueCases } from '../cases/retention';
import { AppError } from '../errors';
import type { Handlers } from '../ipc/router';
import { backupsHoldingDestroyed } from '../restore/staleBackups';
import type { CoreContext } from './context';

type RetentionChannel = 'retention.due' | 'retention.destroy' | 'retention.staleBackups' | 'retention.deleteStaleBackups';

export function retentionHandlers({ db, settings, clock, events, records }: CoreContext) {
  const staleBackups = () => backupsHoldingDestroyed(settings.get().backupFolder, destructionsIn(db()), localMinute);
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
      const stale = staleBackups();
      for (const folder of stale) rmSync(folder, { recursive: true, force: true });
      return { deleted: stale.length };
    },
  } satisfies Pick<Handlers, RetentionChannel>;
}
