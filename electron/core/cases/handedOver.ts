import { AppError } from '../errors';
import type { Db } from '../vault/database';

/**
 * Whether the case whose id is `caseId` (a column or a parameter) is in a package sent to a
 * successor whose confirmation has not come back. The successor has the case as it was when the
 * package left, and the confirmation destroys this copy: anything written to it in between would
 * be lost without a word, so it is read-only until then.
 */
export const handedOverSql = (caseId: string) =>
  `EXISTS (SELECT 1 FROM handover_sent_cases s JOIN handovers_sent h ON h.package_id = s.package_id WHERE s.case_id = ${caseId} AND h.confirmed_on IS NULL)`;

export function isHandedOver(db: Db, caseId: number): boolean {
  return db.prepare(`SELECT ${handedOverSql('?')}`).pluck().get(caseId) === 1;
}

/** One read for any number of cases: retention may name thousands in one request. */
export function assertNoneHandedOver(db: Db, caseIds: readonly number[]): void {
  if (caseIds.length === 0) return;
  const waiting = new Set(db.prepare('SELECT s.case_id FROM handover_sent_cases s JOIN handovers_sent h ON h.package_id = s.package_id WHERE h.confirmed_on IS NULL').pluck().all() as number[]);
  if (caseIds.some((id) => waiting.has(id))) throw new AppError('CASE_HANDED_OVER');
}
