import { isLegalFollowUp, type DueFollowUp, type DueFollowUps, type FollowUp, type FollowUpKind } from '../../../shared/schemas/followUps';
import { CASE_NUMBER_SQL } from '../cases/caseNumbers';
import { handedOverSql } from '../cases/handedOver';
import { AppError } from '../errors';
import type { Db } from '../vault/database';

/**
 * Follow-ups: the adviser's next steps and a case's legal deadlines, in the vault's `follow_ups`
 * table. Nothing that counts or exports reads that table; a follow-up leaves with its case
 * (deletion, retention, erasure), and loses only its link when its conversation is deleted.
 */

export interface NewFollowUp {
  caseId: number;
  conversationId?: number | null;
  kind: FollowUpKind;
  /** The adviser's words for `own`; '' for a legal kind, whose label comes from the kind. */
  text: string;
  dueDate: string;
  dueTime?: string | null;
  /** When it was set; the database's clock when not given. */
  createdAt?: string;
}

interface FollowUpRow {
  id: number;
  case_id: number;
  conversation_id: number | null;
  kind: FollowUpKind;
  text: string;
  due_date: string;
  due_time: string | null;
  done_on: string | null;
}

const toFollowUp = (row: FollowUpRow): FollowUp => ({
  id: row.id,
  caseId: row.case_id,
  conversationId: row.conversation_id,
  kind: row.kind,
  text: row.text,
  dueDate: row.due_date,
  dueTime: row.due_time,
  doneOn: row.done_on,
});

const COLUMNS = 'f.id, f.case_id, f.conversation_id, f.kind, f.text, f.due_date, f.due_time, f.done_on';
/** Open first, then by when they are due; a step without a time comes before the day's timed ones. */
const ORDER = 'f.done_on IS NOT NULL, f.due_date, f.due_time IS NOT NULL, f.due_time, f.id';

function kindOf(db: Db, id: number): FollowUpKind {
  const kind = db.prepare('SELECT kind FROM follow_ups WHERE id = ?').pluck().get(id) as FollowUpKind | undefined;
  if (kind === undefined) throw new AppError('NOT_FOUND');
  return kind;
}

function refuseLegal(db: Db, id: number): void {
  if (isLegalFollowUp(kindOf(db, id))) throw new AppError('FOLLOW_UP_IS_LEGAL_DEADLINE');
}

export function addFollowUp(db: Db, input: NewFollowUp): { id: number } {
  const conversationId = input.conversationId ?? null;
  return db.transaction(() => {
    if (!db.prepare('SELECT 1 FROM cases WHERE id = ?').get(input.caseId)) throw new AppError('NOT_FOUND');
    // A step set on a conversation belongs to that conversation's case, never to another one.
    if (conversationId !== null && !db.prepare('SELECT 1 FROM conversations WHERE id = ? AND case_id = ?').get(conversationId, input.caseId)) {
      throw new AppError('NOT_FOUND');
    }
    const result = db
      .prepare(
        `INSERT INTO follow_ups (case_id, conversation_id, kind, text, due_date, due_time, created_at)
         VALUES (?, ?, ?, ?, ?, ?, coalesce(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))`,
      )
      .run(input.caseId, conversationId, input.kind, input.text, input.dueDate, input.dueTime ?? null, input.createdAt ?? null);
    return { id: Number(result.lastInsertRowid) };
  })();
}

/** Done on that day; a legal deadline is completed only this way, with the date it was met. */
export function completeFollowUp(db: Db, id: number, doneOn: string): void {
  if (db.prepare('UPDATE follow_ups SET done_on = ? WHERE id = ?').run(doneOn, id).changes === 0) throw new AppError('NOT_FOUND');
}

/** The adviser's own step to another day; a legal deadline is not the adviser's to move. */
export function moveFollowUp(db: Db, id: number, dueDate: string, dueTime: string | null): void {
  db.transaction(() => {
    refuseLegal(db, id);
    db.prepare('UPDATE follow_ups SET due_date = ?, due_time = ? WHERE id = ?').run(dueDate, dueTime, id);
  })();
}

/**
 * A legal deadline set anew from what the law counts from (the feedback deadline follows the date
 * the confirmation was actually sent). Only the deadline's own code calls it; never a channel.
 */
export function setLegalDueDate(db: Db, id: number, dueDate: string): void {
  db.transaction(() => {
    if (kindOf(db, id) === 'own') throw new AppError('INVALID_INPUT');
    db.prepare('UPDATE follow_ups SET due_date = ? WHERE id = ?').run(dueDate, id);
  })();
}

/** Only the adviser's own steps can be removed; a legal deadline goes only with its case. */
export function removeFollowUp(db: Db, id: number): void {
  db.transaction(() => {
    refuseLegal(db, id);
    db.prepare('DELETE FROM follow_ups WHERE id = ?').run(id);
  })();
}

/** The case's own open steps done on that day (closing it); its legal deadlines stay open. */
export function completeOpenFollowUps(db: Db, caseId: number, doneOn: string): { completed: number } {
  return db.transaction(() => {
    if (!db.prepare('SELECT 1 FROM cases WHERE id = ?').get(caseId)) throw new AppError('NOT_FOUND');
    const result = db.prepare("UPDATE follow_ups SET done_on = ? WHERE case_id = ? AND kind = 'own' AND done_on IS NULL").run(doneOn, caseId);
    return { completed: result.changes };
  })();
}

export function followUpsOfCase(db: Db, caseId: number): FollowUp[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM follow_ups f WHERE f.case_id = ? ORDER BY ${ORDER}`).all(caseId) as FollowUpRow[]).map(toFollowUp);
}

/** The Sunday that ends `today`'s week (weeks run Monday to Sunday, as in the Netherlands). */
export function endOfWeek(today: string): string {
  const date = new Date(`${today}T00:00:00Z`);
  const daysToSunday = (7 - date.getUTCDay()) % 7;
  date.setUTCDate(date.getUTCDate() + daysToSunday);
  return date.toISOString().slice(0, 10);
}

/**
 * Every open follow-up due by the end of `today`'s week, overdue ones however old. Not those of a
 * case awaiting its successor's confirmation: they went with it, to be done there, and nothing of
 * it can be done here; its page still shows them.
 */
export function dueFollowUps(db: Db, today: string): DueFollowUps {
  const rows = db
    .prepare(
      `SELECT ${COLUMNS}, ${CASE_NUMBER_SQL} AS case_number, c.label AS case_label
       FROM follow_ups f JOIN cases c ON c.id = f.case_id
       WHERE f.done_on IS NULL AND f.due_date <= ? AND NOT ${handedOverSql('c.id')}
       ORDER BY ${ORDER}`,
    )
    .all(endOfWeek(today)) as (FollowUpRow & { case_number: string; case_label: string })[];
  const due: DueFollowUp[] = rows.map((row) => ({ ...toFollowUp(row), caseNumber: row.case_number, caseLabel: row.case_label }));
  return {
    today,
    overdue: due.filter((followUp) => followUp.dueDate < today),
    dueToday: due.filter((followUp) => followUp.dueDate === today),
    laterThisWeek: due.filter((followUp) => followUp.dueDate > today),
  };
}
