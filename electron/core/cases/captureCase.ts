import type { CaseCapture } from '../../../shared/contract';
import type { Clock } from '../clock';
import type { Db } from '../vault/database';
import { issueCaseNumber } from './caseNumbers';
import { addConversation } from './conversations';

/**
 * A case begun from its first conversation. Only what the adviser wrote is stored: the label, the
 * conversation and, from it, the first contact; every statistics column keeps its NULL (migration 15
 * gave none a default) and the case is incomplete: counted nowhere, flagged for the adviser.
 */
export function captureCase(db: Db, input: CaseCapture, clock: Clock): { id: number } {
  const stamp = clock().toISOString();
  return db.transaction(() => {
    const number = issueCaseNumber(db, clock);
    const result = db
      .prepare(
        `INSERT INTO cases (label, first_contact_at, status, statistics_completion, needs_attention, number_year, number_seq, created_at, updated_at)
         VALUES (?, ?, 'open', 'incomplete', 1, ?, ?, ?, ?)`,
      )
      .run(input.label, input.conversation.heldAt, number.year, number.sequence, stamp, stamp);
    const id = Number(result.lastInsertRowid);
    // A conversation dated ahead of the clock is refused here, and the case and its number with it.
    addConversation(db, id, input.conversation, clock);
    return { id };
  })();
}
