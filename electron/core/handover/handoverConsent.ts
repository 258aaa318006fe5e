import { AppError } from '../errors';
import { assertCaseExists } from '../cases/caseExists';
import type { Db } from '../vault/database';

/**
 * The reporter's consent to hand their case to the successor, recorded on the day given (null
 * takes it back). A case without it cannot be chosen for a handover.
 */
export function setHandoverConsent(db: Db, caseId: number, givenOn: string | null, today: string): void {
  // A consent cannot come from a day that has not happened yet.
  if (givenOn !== null && givenOn > today) throw new AppError('INVALID_INPUT');
  db.transaction(() => {
    assertCaseExists(db, caseId);
    if (givenOn === null) db.prepare('DELETE FROM handover_consents WHERE case_id = ?').run(caseId);
    else db.prepare('INSERT INTO handover_consents (case_id, given_on) VALUES (?, ?) ON CONFLICT (case_id) DO UPDATE SET given_on = excluded.given_on').run(caseId, givenOn);
  })();
}

export function handoverConsentOf(db: Db, caseId: number): string | null {
  return (db.prepare('SELECT given_on FROM handover_consents WHERE case_id = ?').pluck().get(caseId) as string | undefined) ?? null;
}
