import type { ProcedureDeadlineKind, ProcedureReport } from '../../../shared/schemas/procedure';
import { assertCaseExists } from '../cases/caseExists';
import { AppError } from '../errors';
import { addFollowUp, completeFollowUp, setLegalDueDate } from '../followUps/followUps';
import type { Db } from '../vault/database';
import { confirmationDue, deadlineStatus, feedbackDue } from './deadlines';

interface DeadlineRow {
  id: number;
  kind: ProcedureDeadlineKind;
  due_date: string;
  done_on: string | null;
}

const receivedOnOf = (db: Db, caseId: number) => db.prepare('SELECT received_on FROM procedure_reports WHERE case_id = ?').pluck().get(caseId) as string | undefined;

function deadlinesOf(db: Db, caseId: number): { confirmation: DeadlineRow; feedback: DeadlineRow } {
  const rows = db
    .prepare("SELECT id, kind, due_date, done_on FROM follow_ups WHERE case_id = ? AND kind IN ('procedure_confirmation', 'procedure_feedback')")
    .all(caseId) as DeadlineRow[];
  const confirmation = rows.find((row) => row.kind === 'procedure_confirmation');
  const feedback = rows.find((row) => row.kind === 'procedure_feedback');
  // Marking writes both in one transaction and only the case's deletion takes them away; a vault
  // that lacks one is refused for this case alone, never closed as damaged.
  if (!confirmation || !feedback) throw new AppError('NOT_FOUND');
  return { confirmation, feedback };
}

/**
 * Marks a case as a report under the whistleblower procedure, received on `receivedOn`, and
 * writes the law's two deadlines as its follow-ups. On a case already marked it corrects the day
 * of receipt and moves both deadlines with it; a day already done before the new day of receipt
 * is refused, since a confirmation cannot be sent before the report came in.
 */
export function markProcedureReport(db: Db, caseId: number, receivedOn: string, today: string): void {
  if (receivedOn > today) throw new AppError('INVALID_INPUT');
  db.transaction(() => {
    assertCaseExists(db, caseId);
    if (receivedOnOf(db, caseId) === undefined) {
      db.prepare('INSERT INTO procedure_reports (case_id, received_on) VALUES (?, ?)').run(caseId, receivedOn);
      for (const [kind, dueDate] of [
        ['procedure_confirmation', confirmationDue(receivedOn)],
        ['procedure_feedback', feedbackDue(receivedOn, null)],
      ] as const) {
        addFollowUp(db, { caseId, conversationId: null, kind, text: '', dueDate, dueTime: null });
      }
      return;
    }
    const { confirmation, feedback } = deadlinesOf(db, caseId);
    if ([confirmation.done_on, feedback.done_on].some((doneOn) => doneOn !== null && doneOn < receivedOn)) throw new AppError('DATE_BEFORE_RECEIPT');
    db.prepare('UPDATE procedure_reports SET received_on = ? WHERE case_id = ?').run(receivedOn, caseId);
    setLegalDueDate(db, confirmation.id, confirmationDue(receivedOn));
    setLegalDueDate(db, feedback.id, feedbackDue(receivedOn, confirmation.done_on));
  })();
}

/** One of the procedure's deadlines: it completes by the procedure's rules, from wherever it is done (the case page or Today). */
export function isProcedureDeadline(db: Db, id: number): boolean {
  return db.prepare("SELECT 1 FROM follow_ups WHERE id = ? AND kind IN ('procedure_confirmation', 'procedure_feedback')").get(id) !== undefined;
}

/**
 * Completes one of the deadlines with the day it was done. The confirmation's day is the day it
 * was sent: the feedback is due three months from it, so its deadline moves with it.
 */
export function completeProcedureDeadline(db: Db, id: number, doneOn: string, today: string): void {
  if (doneOn > today) throw new AppError('INVALID_INPUT');
  db.transaction(() => {
    const row = db
      .prepare(
        "SELECT f.case_id AS caseId, f.kind, p.received_on AS receivedOn FROM follow_ups f JOIN procedure_reports p ON p.case_id = f.case_id WHERE f.id = ? AND f.kind IN ('procedure_confirmation', 'procedure_feedback')",
      )
      .get(id) as { caseId: number; kind: ProcedureDeadlineKind; receivedOn: string } | undefined;
    if (!row) throw new AppError('NOT_FOUND');
    if (doneOn < row.receivedOn) throw new AppError('DATE_BEFORE_RECEIPT');
    completeFollowUp(db, id, doneOn);
    if (row.kind === 'procedure_confirmation') setLegalDueDate(db, deadlinesOf(db, row.caseId).feedback.id, feedbackDue(row.receivedOn, doneOn));
  })();
}

/** The case's procedure report with each deadline's state on `today`; null for a case not marked. */
export function procedureReportOf(db: Db, caseId: number, today: string): ProcedureReport | null {
  assertCaseExists(db, caseId);
  const receivedOn = receivedOnOf(db, caseId);
  if (receivedOn === undefined) return null;
  const { confirmation, feedback } = deadlinesOf(db, caseId);
  return {
    receivedOn,
    deadlines: [confirmation, feedback].map((row) => ({ id: row.id, kind: row.kind, dueDate: row.due_date, doneOn: row.done_on, status: deadlineStatus(row.due_date, row.done_on, today) })),
  };
}
