import { addMonths, format, parseISO } from 'date-fns';
import type { AccessRequest } from '../../../shared/schemas/access';
import { assertCaseExists } from '../cases/caseExists';
import { AppError } from '../errors';
import { addFollowUp, completeFollowUp } from '../followUps/followUps';
import type { Db } from '../vault/database';

/** GDPR art. 12(3): the answer is due within one month of the request (extendable by two, which the adviser records as a move). */
export const ACCESS_ANSWER_MONTHS = 1;

/** One month later by the calendar; the 31st of a shorter month's predecessor gives that month's last day. */
export const accessAnswerDue = (requestedOn: string) => format(addMonths(parseISO(requestedOn), ACCESS_ANSWER_MONTHS), 'yyyy-MM-dd');

/**
 * The request and its deadline, one legal follow-up that only the dossier (or the case's end)
 * settles. A request dated after today is a typo, refused as a conversation in the future is.
 */
export function recordAccessRequest(db: Db, caseId: number, requestedOn: string, today: string, createdAt: string): { id: number } {
  if (requestedOn > today) throw new AppError('INVALID_INPUT');
  return db.transaction(() => {
    assertCaseExists(db, caseId);
    const followUp = addFollowUp(db, { caseId, kind: 'access_request', text: '', dueDate: accessAnswerDue(requestedOn), createdAt });
    const result = db
      .prepare('INSERT INTO access_requests (case_id, requested_on, follow_up_id, created_at) VALUES (?, ?, ?, ?)')
      .run(caseId, requestedOn, followUp.id, createdAt);
    return { id: Number(result.lastInsertRowid) };
  })();
}

export function accessRequestsOf(db: Db, caseId: number): AccessRequest[] {
  const rows = db
    .prepare(
      `SELECT r.id, r.requested_on AS requestedOn, f.due_date AS dueOn, f.done_on AS doneOn
       FROM access_requests r LEFT JOIN follow_ups f ON f.id = r.follow_up_id
       WHERE r.case_id = ? ORDER BY r.requested_on, r.id`,
    )
    .all(caseId) as Omit<AccessRequest, 'dossiersGivenAt'>[];
  const given = db.prepare('SELECT given_at FROM access_dossiers WHERE request_id = ? ORDER BY given_at, id').pluck();
  return rows.map((row) => ({ ...row, dossiersGivenAt: given.all(row.id) as string[] }));
}

/** A request of this case, or NOT_FOUND: a dossier always answers a recorded request of its own case. */
export function assertRequestOfCase(db: Db, requestId: number, caseId: number): void {
  if (!db.prepare('SELECT 1 FROM access_requests WHERE id = ? AND case_id = ?').get(requestId, caseId)) throw new AppError('NOT_FOUND');
}

/** That a dossier was given and when, nothing of it; the first one meets the request's deadline. */
export function recordDossierGiven(db: Db, requestId: number, givenAt: string, today: string): void {
  db.transaction(() => {
    db.prepare('INSERT INTO access_dossiers (request_id, given_at) VALUES (?, ?)').run(requestId, givenAt);
    const followUp = db.prepare('SELECT follow_up_id FROM access_requests WHERE id = ?').pluck().get(requestId) as number | null;
    const open = followUp !== null && db.prepare('SELECT 1 FROM follow_ups WHERE id = ? AND done_on IS NULL').get(followUp);
    if (open) completeFollowUp(db, followUp, today);
  })();
}
