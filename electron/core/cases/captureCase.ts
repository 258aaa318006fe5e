import type { CaseCapture } from '../../../shared/contract';
import { futureConversationFields } from '../../../shared/futureDates';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import type { Db } from '../vault/database';
import { issueCaseNumber } from './caseNumbers';
import { addConversation } from './conversations';

/**
 * A case begun from its first conversation. Only what the adviser wrote is stored: the label, the
 * conversation and, from it, the first contact; every statistics column keeps its NULL (no default
 * ever stands in for an answer) and the case is marked as needing its statistics completed.
 */
export function captureCase(db: Db, input: CaseCapture, clock: Clock): { id: number } {
  // A conversation dated ahead of the clock is refused before anything is written.
  if (futureConversationFields(input.conversation, clock()).length > 0) throw new AppError('INVALID_INPUT');
  const stamp = clock().toISOString();
  return db.transaction(() => {
    const number = issueCaseNumber(db, clock);
    const result = db
      .prepare(
        `INSERT INTO cases (label, first_contact_at, intake_route, reporter_identified, status, needs_attention, number_year, number_seq, created_at, updated_at)
         VALUES (?, ?, NULL, NULL, 'open', 1, ?, ?, ?, ?)`,
      )
      .run(input.label, input.conversation.heldAt, number.year, number.sequence, stamp, stamp);
    const id = Number(result.lastInsertRowid);
    addConversation(db, id, input.conversation, clock);
    return { id };
  })();
}
