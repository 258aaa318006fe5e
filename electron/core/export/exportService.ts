import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ExportPreview, ExportRequest } from '../../../shared/schemas/export';
import { localMinute } from '../../../shared/time';
import type { Clock } from '../clock';
import type { ReportPhase } from '../events';
import { AppError } from '../errors';
import type { ShellServices } from '../shell';
import type { Db } from '../vault/database';
import { getProfile } from '../vault/profile';
import { aggregate } from './aggregate';
import { buildExportFile, exportCsv } from './exportFile';

function savedExports(db: Db): number {
  return Number(db.prepare("SELECT value FROM meta WHERE key = 'saved_exports'").pluck().get() ?? 0);
}

/**
 * The adviser's export in two steps: a preview of exactly the bytes that will be written, then,
 * after explicit consent, writing those same bytes (and nothing newer) where the adviser picks.
 */
export class ExportService {
  private pending: ExportPreview | null = null;

  constructor(
    private readonly shell: ShellServices,
    private readonly clock: Clock,
  ) {}

  preview(db: Db, request: ExportRequest, report: ReportPhase<'export'> = () => undefined): ExportPreview {
    const now = this.clock();
    report('count');
    const { counts, refused, notAskedYet } = aggregate(db, request.period, request.includeUnits);
    report('format');
    const file = buildExportFile(getProfile(db), savedExports(db) + 1, request.period, localMinute(now).slice(0, 10), counts);
    this.pending = { file, json: `${JSON.stringify(file, null, 2)}\n`, csv: exportCsv(file), excludedRefused: refused, notAskedYet };
    return this.pending;
  }

  /** `database` is asked for only after the dialog: the vault may have locked while it was open. */
  async save(database: () => Db, exportId: string): Promise<{ fileName: string }> {
    const pending = this.pending;
    if (!pending || pending.file.exportId !== exportId) throw new AppError('NOT_FOUND');
    const path = await this.shell.chooseSavePath(`confidant-${pending.file.function}-${pending.file.period.from}-${pending.file.period.to}.json`);
    if (!path) throw new AppError('CANCELLED');
    const jsonPath = path.toLowerCase().endsWith('.json') ? path : `${path}.json`;
    // The number is spent before the file exists, so no two written exports can share it.
    database()
      .prepare("INSERT INTO meta (key, value) VALUES ('saved_exports', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .run(String(pending.file.sequence));
    writeFileSync(jsonPath, pending.json, { mode: 0o600 });
    writeFileSync(jsonPath.replace(/\.json$/i, '.csv'), pending.csv, { mode: 0o600 });
    this.pending = null;
    return { fileName: basename(jsonPath) };
  }

  /** Locking forgets an unsaved preview: it would otherwise outlive the session that made it. */
  forget(): void {
    this.pending = null;
  }
}
