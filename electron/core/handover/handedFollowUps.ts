import type { FollowUpKind } from '../../../shared/schemas/followUps';
import type { HandedFollowUp } from '../../../shared/schemas/handover';
import type { Db } from '../vault/database';

interface FollowUpRow {
  id: number;
  conversation_id: number | null;
  kind: FollowUpKind;
  text: string;
  due_date: string;
  due_time: string | null;
  done_on: string | null;
  created_at: string;
}

/**
 * A case's follow-ups as the package carries them: each conversation named by its place in the
 * case's list. `ids` in the same order, so what points at a follow-up can name it by its place.
 */
export function followUpsToHand(db: Db, caseId: number, conversationIds: readonly number[]): { ids: number[]; followUps: HandedFollowUp[] } {
  const rows = db.prepare('SELECT id, conversation_id, kind, text, due_date, due_time, done_on, created_at FROM follow_ups WHERE case_id = ? ORDER BY due_date, id').all(caseId) as FollowUpRow[];
  const followUps = rows.map((row) => ({
    conversationIndex: row.conversation_id === null || !conversationIds.includes(row.conversation_id) ? null : conversationIds.indexOf(row.conversation_id),
    kind: row.kind,
    text: row.text,
    dueDate: row.due_date,
    dueTime: row.due_time,
    doneOn: row.done_on,
    createdAt: row.created_at,
  }));
  return { ids: rows.map((row) => row.id), followUps };
}

/** Written as they were, legal deadlines included: they go with their case, never removed on the way. Their new ids, in the package's order. */
export function writeHandedFollowUps(db: Db, caseId: number, conversationIds: readonly number[], followUps: readonly HandedFollowUp[]): number[] {
  const insert = db.prepare('INSERT INTO follow_ups (case_id, conversation_id, kind, text, due_date, due_time, done_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  return followUps.map((entry) =>
    Number(insert.run(caseId, entry.conversationIndex === null ? null : (conversationIds[entry.conversationIndex] ?? null), entry.kind, entry.text, entry.dueDate, entry.dueTime, entry.doneOn, entry.createdAt).lastInsertRowid),
  );
}
