import { HandoverConfirmation } from '../../../shared/schemas/handover';
import type { Clock } from '../clock';
import type { ReportPhase } from '../events';
import { destroyCases } from '../cases/retention';
import { AppError } from '../errors';
import { signatureIsValid } from '../team/signingKey';
import type { Db } from '../vault/database';
import { successorOf } from './receivingKey';
import { confirmationBytes } from './receiveHandover';

function parsed(text: string): HandoverConfirmation {
  try {
    return HandoverConfirmation.parse(JSON.parse(text));
  } catch {
    throw new AppError('NOT_A_HANDOVER_FILE');
  }
}

/**
 * The successor's confirmation comes back: checked against the package this vault sent and the
 * successor's key compared by phone, and only then are the handed cases destroyed here, as
 * retention destroys (recorded, the search index rebuilt, the file rewritten).
 */
export function confirmHandover(db: Db, text: string, today: string, clock: Clock, report: ReportPhase<'retention'> = () => undefined): { destroyed: number } {
  const confirmation = parsed(text);
  const sent = db.prepare('SELECT key_id, confirmed_on FROM handovers_sent WHERE package_id = ?').get(confirmation.packageId) as { key_id: string; confirmed_on: string | null } | undefined;
  if (!sent || sent.key_id !== confirmation.keyId) throw new AppError('HANDOVER_NOT_ADDRESSED');
  if (sent.confirmed_on !== null) throw new AppError('HANDOVER_ALREADY_CONFIRMED');
  const successor = successorOf(db, sent.key_id);
  const { signature, ...unsigned } = confirmation;
  if (!successor || !signatureIsValid(successor.signingKey, confirmationBytes(unsigned), Buffer.from(signature, 'base64'))) throw new AppError('HANDOVER_WRONG_SIGNER');
  const handed = db.prepare('SELECT case_id AS caseId, first_contact_at AS firstContactAt FROM handover_sent_cases WHERE package_id = ?').all(confirmation.packageId) as { caseId: number; firstContactAt: string }[];
  if (handed.length !== confirmation.cases) throw new AppError('TAMPERED_HANDOVER');
  // Only the case that left: an id a later case took after a deletion is never mistaken for it.
  const present = db.prepare('SELECT 1 FROM cases WHERE id = ? AND first_contact_at = ?');
  const ids = handed.filter((entry) => present.get(entry.caseId, entry.firstContactAt) !== undefined).map((entry) => entry.caseId);
  const destroyed = ids.length === 0 ? 0 : destroyCases(db, ids, clock, report);
  // Marked after the destruction: a crash between them leaves a confirmation that can be read again.
  db.prepare('UPDATE handovers_sent SET confirmed_on = ? WHERE package_id = ?').run(today, confirmation.packageId);
  return { destroyed };
}
