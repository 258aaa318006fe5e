import type { ExportPeriod } from '../../../shared/schemas/export';
import type { Db } from '../vault/database';

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * The leaving adviser's export before a handover: the whole months of the year that ended before
 * the handover (an export covers whole, ended months of one year), or in January the whole year
 * before. What it counts stays theirs; the successor counts what came after it.
 */
export function leavingPeriod(today: string): ExportPeriod {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (month === 1) return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  const lastDay = new Date(Date.UTC(year, month - 1, 0)).getUTCDate();
  return { from: `${year}-01-01`, to: `${year}-${pad(month - 1)}-${pad(lastDay)}` };
}

export function recordLeavingExport(db: Db, exportId: string, periodTo: string, today: string): void {
  db.prepare('INSERT OR IGNORE INTO handover_leaving_exports (export_id, period_to, saved_on) VALUES (?, ?, ?)').run(exportId, periodTo, today);
}

/** Whether an export for a handover covering the months up to `periodTo` was saved. */
export function leavingExportSaved(db: Db, periodTo: string): boolean {
  return db.prepare('SELECT 1 FROM handover_leaving_exports WHERE period_to >= ?').get(periodTo) !== undefined;
}
