import type { DueCase } from '../../../shared/contract';
import { localMinute, localSecond } from '../../../shared/time';
import type { Clock } from '../clock';
import type { ReportPhase } from '../events';
import type { Db } from '../vault/database';
import { CASE_NUMBER_SQL } from './caseNumbers';
import { handedOverSql } from './handedOver';
import { recordDestructions, type Destruction } from './destructions';

/** The date `years` before today: a case closed on or before it is due for destruction. */
function cutoff(now: Date, years: number): string {
  const date = new Date(now);
  date.setFullYear(date.getFullYear() - years);
  return localMinute(date).slice(0, 10);
}

/**
 * Cases past their retention: closed longer ago than the setting, or past their own destroy-by date.
 * A case awaiting its successor's confirmation waits for it: the confirmation destroys this copy as
 * retention would, the successor's copy keeps its destroy-by date, and until the confirmation comes
 * back the package may never have arrived.
 */
export function dueCases(db: Db, retentionYears: number, clock: Clock): DueCase[] {
  const now = clock();
  return db
    .prepare(
      `SELECT c.id, ${CASE_NUMBER_SQL} AS number, c.label, c.first_contact_at AS firstContactAt, c.closed_on AS closedOn, c.destroy_by AS destroyBy FROM cases c
       WHERE ((c.status = 'closed' AND c.closed_on <= @cutoff) OR c.destroy_by <= @today) AND NOT ${handedOverSql('c.id')}
       ORDER BY coalesce(c.destroy_by, c.closed_on), c.id`,
    )
    .all({ cutoff: cutoff(now, retentionYears), today: localMinute(now).slice(0, 10) }) as DueCase[];
}

/**
 * Deletes the cases and leaves nothing readable behind: secure_delete zeroes freed pages, the
 * search index is rebuilt without them, VACUUM rewrites the file and the WAL is truncated.
 */
export function destroyCases(db: Db, ids: number[], clock: Clock, report: ReportPhase<'retention'> = () => undefined): number {
  report('delete');
  const destroyedAt = localSecond(clock());
  const deleted = db.transaction(() => {
    const remove = db.prepare('DELETE FROM cases WHERE id = ?');
    const contact = db.prepare('SELECT first_contact_at FROM cases WHERE id = ?').pluck();
    recordDestructions(
      db,
      ids.flatMap((id) => {
        const firstContactAt = contact.get(id) as string | undefined;
        return firstContactAt ? [{ caseId: id, firstContactAt, destroyedAt }] : [];
      }),
    );
    return ids.reduce((count, id) => count + remove.run(id).changes, 0);
  })();
  leaveNothingReadable(db, report);
  return deleted;
}

/**
 * After a deletion that must be beyond recovery (retention, an erasure at a reporter's request):
 * the search index rebuilt without the deleted text, the file rewritten and the WAL truncated.
 */
export function leaveNothingReadable(db: Db, report: ReportPhase<'retention'>): void {
  report('reindex');
  db.prepare("INSERT INTO case_index (case_index) VALUES ('rebuild')").run();
  report('rewrite');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/**
 * After a restore: every destruction made since the backup was taken is carried into the
 * restored vault, and the cases it names (same id, same first contact) are destroyed again.
 */
export function reapplyDestructions(db: Db, destructions: Destruction[], clock: Clock, report: ReportPhase<'retention'> = () => undefined): number {
  recordDestructions(db, destructions);
  const present = db.prepare('SELECT 1 FROM cases WHERE id = ? AND first_contact_at = ?').pluck();
  const ids = destructions.filter((entry) => present.get(entry.caseId, entry.firstContactAt) !== undefined).map((entry) => entry.caseId);
  return ids.length === 0 ? 0 : destroyCases(db, ids, clock, report);
}
