import type { ExportFile } from '../../../shared/schemas/export';
import type { ImportSummary } from '../../../shared/schemas/teamReport';
import { AppError } from '../errors';
import type { Db } from '../vault/database';
import { summarise } from './teamReport';
import { verifyExportFile } from './exportFile';

/**
 * Imports one member's export: refused when malformed, tampered with (hash mismatch), already
 * imported, or overlapping a period already imported for the same function.
 */
export function importExport(db: Db, content: string, now: Date): ImportSummary {
  const verified = verifyExportFile(content);
  if (!verified.ok) throw new AppError(verified.reason);
  const file = verified.file;
  return db.transaction(() => {
    if (db.prepare('SELECT 1 FROM team_imports WHERE export_id = ?').get(file.exportId)) throw new AppError('DUPLICATE_EXPORT');
    const overlapping = db
      .prepare('SELECT 1 FROM team_imports WHERE function = ? AND period_from <= ? AND period_to >= ?')
      .get(file.function, file.period.to, file.period.from);
    if (overlapping) throw new AppError('OVERLAPPING_PERIOD');
    db.prepare('INSERT INTO team_imports (export_id, function, period_from, period_to, content, imported_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      file.exportId,
      file.function,
      file.period.from,
      file.period.to,
      JSON.stringify(file),
      now.toISOString(),
    );
    return summarise(file);
  })();
}

export function importedExports(db: Db): ExportFile[] {
  return (db.prepare('SELECT content FROM team_imports ORDER BY function, period_from').pluck().all() as string[]).map(
    (content) => JSON.parse(content) as ExportFile,
  );
}

export function removeImport(db: Db, exportId: string): void {
  if (db.prepare('DELETE FROM team_imports WHERE export_id = ?').run(exportId).changes === 0) throw new AppError('NOT_FOUND');
}
