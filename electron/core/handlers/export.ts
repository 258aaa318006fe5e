import { ExportService } from '../export/exportService';
import type { Handlers } from '../ipc/router';
import { previewTables } from '../report/previewTables';
import { teamForExport } from '../team/exportSealing';
import { membership } from '../team/team';
import type { CoreContext } from './context';

type ExportChannel = 'export.preview' | 'export.save';

/** The adviser's yearly export: a preview of the exact numbers, then, after consent, the file. */
export function exportHandlers({ db, vault, shell, clock, events, records }: CoreContext) {
  const exports = new ExportService(shell, clock, () => records.save(), teamForExport);
  vault.onClose(() => exports.forget());
  return {
    'export.preview': (request) =>
      events.withProgress('export', (report) => {
        const preview = exports.preview(db(), request, report);
        return { ...preview, tables: previewTables(preview.file, membership(db())?.k ?? null) };
      }),
    'export.save': ({ exportId, unsealed }) => exports.save(db, exportId, unsealed),
  } satisfies Pick<Handlers, ExportChannel>;
}
