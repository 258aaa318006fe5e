import type { Conversation, ConversationInput } from '../../../shared/contract';
import { futureConversationFields } from '../../../shared/futureDates';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import type { Db } from '../vault/database';
import { assertCaseExists } from './caseExists';

interface ConversationRow {
  id: number;
  case_id: number;
  kind: Conversation['kind'];
  held_at: string;
  duration_minutes: number | null;
  mode: Conversation['mode'];
  participants: string;
  notes: string;
}

const toConversation = (row: ConversationRow): Conversation => ({
  id: row.id,
  caseId: row.case_id,
  kind: row.kind,
  heldAt: row.held_at,
  durationMinutes: row.duration_minutes,
  mode: row.mode,
  participants: row.participants,
  notes: row.notes,
});

function refuseFuture(input: ConversationInput, clock: Clock) {
  if (futureConversationFields(input, clock()).length > 0) throw new AppError('INVALID_INPUT');
}

/** A session is counted in the export with its mediation; without one it would count nowhere. */
function refuseSessionWithoutMediation(db: Db, caseId: number, input: ConversationInput) {
  if (input.kind !== 'mediation_session') return;
  if (!db.prepare('SELECT 1 FROM mediations WHERE case_id = ?').get(caseId)) throw new AppError('SESSION_NEEDS_MEDIATION');
}

export function listConversations(db: Db, caseId: number): Conversation[] {
  return (db.prepare('SELECT * FROM conversations WHERE case_id = ? ORDER BY held_at, id').all(caseId) as ConversationRow[]).map(
    toConversation,
  );
}

export function addConversation(db: Db, caseId: number, input: ConversationInput, clock: Clock): { id: number } {
  refuseFuture(input, clock);
  assertCaseExists(db, caseId);
  refuseSessionWithoutMediation(db, caseId, input);
  const result = db
    .prepare('INSERT INTO conversations (case_id, kind, held_at, duration_minutes, mode, participants, notes) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(caseId, input.kind, input.heldAt, input.durationMinutes, input.mode, input.participants, input.notes);
  return { id: Number(result.lastInsertRowid) };
}

export function updateConversation(db: Db, id: number, input: ConversationInput, clock: Clock): { id: number } {
  refuseFuture(input, clock);
  const caseId = db.prepare('SELECT case_id FROM conversations WHERE id = ?').pluck().get(id) as number | undefined;
  if (caseId === undefined) throw new AppError('NOT_FOUND');
  refuseSessionWithoutMediation(db, caseId, input);
  db.prepare('UPDATE conversations SET kind = ?, held_at = ?, duration_minutes = ?, mode = ?, participants = ?, notes = ? WHERE id = ?').run(
    input.kind,
    input.heldAt,
    input.durationMinutes,
    input.mode,
    input.participants,
    input.notes,
    id,
  );
  return { id };
}

export function deleteConversation(db: Db, id: number): void {
  if (db.prepare('DELETE FROM conversations WHERE id = ?').run(id).changes === 0) throw new AppError('NOT_FOUND');
}
