import type { ExportCounts, ExportFile } from '../../../shared/schemas/export';
import type { ImportOutcome, ImportSummary, Replacement } from '../../../shared/schemas/teamReport';
import { AppError } from '../errors';
import type { ReportPhase } from '../events';
import type { Db } from '../vault/database';
import { teamUnits } from '../team/team';
import { UNIT_NOT_IN_LIST } from '../export/aggregate';
import { isOlderFormat, verifyExportFile } from '../export/exportFile';

export function reportYearOf(file: ExportFile): number {
  return Number(file.period.from.slice(0, 4));
}

export function summarise(file: ExportFile): ImportSummary {
  return {
    exportId: file.exportId,
    adviser: file.adviserId.slice(0, 8),
    function: file.function,
    external: file.external,
    reportYear: reportYearOf(file),
    period: file.period,
    exportedOn: file.exportedOn,
    reports: file.counts.reports,
  };
}

const parse = (content: string) => JSON.parse(content) as ExportFile;

/**
 * Imports one member's export. Refused when malformed, tampered with (hash mismatch) or already
 * imported, counts units that are not on the team's list, or is no newer than an export of the same adviser for the same months seen before (a
 * replay, even when that export was removed since). The overlap rule is per adviser: any number of advisers of one function may cover the
 * same days, but one adviser's days are never counted twice. An export that overlaps earlier
 * imports of its adviser may replace them only if it is newer (a higher sequence number) and
 * covers all their days, so none are lost; it replaces them only when the merging member
 * confirmed exactly those (`replace`), and every replacement is recorded.
 */
export function importExport(db: Db, content: string, replace: readonly string[], now: Date, report: ReportPhase<'import'> = () => undefined): ImportOutcome {
  report('check');
  const verified = verifyExportFile(content);
  if (!verified.ok) throw new AppError(verified.reason);
  const file = verified.file;
  // Unit names are the team's own list; any other name is free text that must not enter the team's figures.
  const listed = new Set([...teamUnits(db), UNIT_NOT_IN_LIST]);
  if (file.counts.byUnit && Object.keys(file.counts.byUnit).some((unit) => !listed.has(unit))) throw new AppError('UNKNOWN_UNIT');
  report('store');
  return db.transaction((): ImportOutcome => {
    if (db.prepare('SELECT 1 FROM team_imports WHERE export_id = ?').get(file.exportId)) throw new AppError('DUPLICATE_EXPORT');
    const overlapping = (
      db
        .prepare('SELECT content FROM team_imports WHERE adviser_id = ? AND period_from <= ? AND period_to >= ? ORDER BY period_from')
        .pluck()
        .all(file.adviserId, file.period.to, file.period.from) as string[]
    ).map(parse);
    // Checked against every export seen, not only those still imported: removing the newer
    // import must not let an older one for the same months back in.
    const newerSeen = db
      .prepare('SELECT 1 FROM team_seen_exports WHERE adviser_id = ? AND sequence >= ? AND period_from <= ? AND period_to >= ?')
      .get(file.adviserId, file.sequence, file.period.to, file.period.from);
    if (newerSeen) throw new AppError('OLDER_EXPORT');
    if (overlapping.some((earlier) => earlier.period.from < file.period.from || earlier.period.to > file.period.to)) throw new AppError('OVERLAPPING_PERIOD');
    if (overlapping.length > 0 && replace.length === 0) {
      return { status: 'replaceNeeded', incoming: summarise(file), overlapping: overlapping.map(summarise) };
    }
    const confirmed = overlapping.length === replace.length && overlapping.every((earlier) => replace.includes(earlier.exportId));
    if (overlapping.length > 0 && !confirmed) throw new AppError('OVERLAPPING_PERIOD');
    const stamp = now.toISOString();
    for (const earlier of overlapping) {
      db.prepare('DELETE FROM team_imports WHERE export_id = ?').run(earlier.exportId);
      db.prepare(
        `INSERT INTO team_replacements (report_year, adviser_id, replaced_export_id, replaced_period_from, replaced_period_to, replaced_exported_on, replacement_export_id, replaced_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(reportYearOf(earlier), earlier.adviserId, earlier.exportId, earlier.period.from, earlier.period.to, earlier.exportedOn, file.exportId, stamp);
    }
    db.prepare(
      `INSERT INTO team_imports (export_id, adviser_id, function, report_year, period_from, period_to, exported_on, content, imported_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(file.exportId, file.adviserId, file.function, reportYearOf(file), file.period.from, file.period.to, file.exportedOn, JSON.stringify(file), stamp);
    db.prepare('INSERT OR IGNORE INTO team_seen_exports (adviser_id, sequence, period_from, period_to) VALUES (?, ?, ?, ?)').run(
      file.adviserId,
      file.sequence,
      file.period.from,
      file.period.to,
    );
    return { status: 'imported', summary: summarise(file), replaced: overlapping.map(summarise) };
  })();
}

/** A format-4 file, stored as it came, predates the procedure's counts: it had none to give. */
function withProcedureCounts(file: ExportFile): ExportFile {
  const counts = file.counts as Omit<ExportCounts, 'procedure'> & Partial<Pick<ExportCounts, 'procedure'>>;
  return { ...file, counts: { ...counts, procedure: counts.procedure ?? { reports: 0, bothMet: 0, pending: 0 } } };
}

/**
 * The year's imports the report counts. One of an earlier export format, imported before this
 * version, stays stored (a new export of its adviser replaces it as any newer export does) but
 * is not counted: it put dated acts in the year of first contact.
 */
export function importedExports(db: Db, year: number): ExportFile[] {
  const stored = (db.prepare('SELECT content FROM team_imports WHERE report_year = ? ORDER BY function, period_from, adviser_id').pluck().all(year) as string[]).map(
    (content) => JSON.parse(content) as unknown,
  );
  return (stored.filter((file) => !isOlderFormat(file)) as ExportFile[]).map(withProcedureCounts);
}

export function importYears(db: Db): number[] {
  return db.prepare('SELECT DISTINCT report_year FROM team_imports ORDER BY 1 DESC').pluck().all() as number[];
}

export function replacementsOf(db: Db, year: number): Replacement[] {
  return (
    db
      .prepare(
        `SELECT adviser_id, replaced_period_from, replaced_period_to, replaced_exported_on, replaced_at
         FROM team_replacements WHERE report_year = ? ORDER BY id`,
      )
      .all(year) as { adviser_id: string; replaced_period_from: string; replaced_period_to: string; replaced_exported_on: string; replaced_at: string }[]
  ).map((row) => ({
    adviser: row.adviser_id.slice(0, 8),
    replacedPeriod: { from: row.replaced_period_from, to: row.replaced_period_to },
    replacedExportedOn: row.replaced_exported_on,
    replacedAt: row.replaced_at,
  }));
}

export function removeImport(db: Db, exportId: string): void {
  if (db.prepare('DELETE FROM team_imports WHERE export_id = ?').run(exportId).changes === 0) throw new AppError('NOT_FOUND');
}

export function headcountOf(db: Db, year: number): number | null {
  return (db.prepare('SELECT headcount FROM team_headcounts WHERE report_year = ?').pluck().get(year) as number | undefined) ?? null;
}

export function setHeadcount(db: Db, year: number, headcount: number | null): void {
  if (headcount === null) db.prepare('DELETE FROM team_headcounts WHERE report_year = ?').run(year);
  else {
    db.prepare('INSERT INTO team_headcounts (report_year, headcount) VALUES (?, ?) ON CONFLICT (report_year) DO UPDATE SET headcount = excluded.headcount').run(
      year,
      headcount,
    );
  }
}

/** Imports of an earlier export format, kept apart by migration 5 or stored since: to import again from new exports. */
export function importsToRedo(db: Db): number {
  const apart = db.prepare('SELECT count(*) FROM team_imports_previous_format').pluck().get() as number;
  const stored = (db.prepare('SELECT content FROM team_imports').pluck().all() as string[]).filter((content) => isOlderFormat(JSON.parse(content))).length;
  return apart + stored;
}
