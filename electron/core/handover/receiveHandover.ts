import type { CaseRecord, IncompleteCaseInput } from '../../../shared/contract';
import { HandoverConfirmation, type HandedCase, type HandoverPackageSummary, type HandoverReceived } from '../../../shared/schemas/handover';
import type { Clock } from '../clock';
import { formatCaseNumber } from '../cases/caseNumbers';
import { createIncompleteCase } from '../cases/caseRecords';
import { addConversation } from '../cases/conversations';
import { saveMediation } from '../cases/mediation';
import { AppError } from '../errors';
import { signWithVault } from '../team/signingKey';
import type { Db } from '../vault/database';
import { writeHandedFollowUps } from './handedFollowUps';
import { writeHandedLegalRecords } from './handedLegalRecords';
import { receivingIdentities } from './receivingKey';
import { openHandover } from './sealedHandover';

export const confirmationBytes = (confirmation: Omit<HandoverConfirmation, 'signature'>) =>
  Buffer.from(['confidant-handover-confirmation', confirmation.packageId, confirmation.keyId, confirmation.receivedOn, String(confirmation.cases)].join('\n'), 'utf8');

async function openedForThisVault(db: Db, content: string) {
  const opened = await openHandover(content, receivingIdentities(db));
  if (db.prepare('SELECT 1 FROM handovers_received WHERE package_id = ?').get(opened.pkg.packageId)) throw new AppError('HANDOVER_ALREADY_RECEIVED');
  return opened;
}

/** What the successor sees before receiving: the code of the key that signed it, to compare by phone. */
export async function readPackage(db: Db, content: string): Promise<HandoverPackageSummary> {
  const { pkg, signerFingerprint } = await openedForThisVault(db, content);
  return { packageId: pkg.packageId, signerFingerprint, fromFunction: pkg.from.function, handedOn: pkg.handedOn, cases: pkg.cases.length };
}

/** The case's facts as a save takes them; what the vault keeps of itself (id, number, dates of the row) is its own. */
function caseInputOf(record: CaseRecord): IncompleteCaseInput {
  const { id: _id, number: _number, createdAt: _created, updatedAt: _updated, conversations: _entries, mediation: _mediation, needsAttention: _attention, statisticsCompletion: _completion, ...input } = record;
  return input;
}

/** One handed case written whole: its facts, mediation, entries, follow-ups and what makes some of them legal deadlines, numbered in this vault's series. */
function writeHandedCase(db: Db, handed: HandedCase, packageId: string, countedThrough: string, today: string, clock: Clock): { id: number; number: string; previousNumber: string } {
  const { record } = handed;
  const { id } = createIncompleteCase(db, caseInputOf(record), clock);
  db.prepare('UPDATE cases SET statistics_completion = ?, needs_attention = ? WHERE id = ?').run(record.statisticsCompletion, record.needsAttention ? 1 : 0, id);
  if (record.mediation) saveMediation(db, id, record.mediation, clock);
  const conversationIds = record.conversations.map(({ id: _entryId, caseId: _caseId, ...entry }) => addConversation(db, id, entry, clock).id);
  writeHandedLegalRecords(db, id, writeHandedFollowUps(db, id, conversationIds, handed.followUps), handed);
  db.prepare('INSERT INTO received_cases (case_id, package_id, previous_number, counted_through, received_on) VALUES (?, ?, ?, ?, ?)').run(id, packageId, handed.previousNumber, countedThrough, today);
  const number = db.prepare('SELECT number_year, number_seq FROM cases WHERE id = ?').get(id) as { number_year: number; number_seq: number };
  return { id, number: formatCaseNumber(number.number_year, number.number_seq), previousNumber: handed.previousNumber };
}

/**
 * The successor receives a package, once: only after the signer's code they compared by phone
 * matches the key that signed it. Every case is written in one transaction with the record that
 * the package was received and the signed confirmation to send back; any refusal changes nothing.
 */
export async function receiveHandover(db: Db, content: string, confirmedSignerFingerprint: string, today: string, clock: Clock): Promise<HandoverReceived> {
  const { pkg, signerFingerprint } = await openedForThisVault(db, content);
  if (signerFingerprint !== confirmedSignerFingerprint) throw new AppError('HANDOVER_WRONG_SIGNER');
  return db.transaction(() => {
    const unsigned = { format: 'confidant-handover-confirmation' as const, version: 1 as const, packageId: pkg.packageId, keyId: pkg.keyId, receivedOn: today, cases: pkg.cases.length };
    const confirmation: HandoverConfirmation = { ...unsigned, signature: signWithVault(db, confirmationBytes(unsigned)).toString('base64') };
    db.prepare(
      'INSERT INTO handovers_received (package_id, key_id, from_adviser_id, from_function, handed_on, received_on, confirmation) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(pkg.packageId, pkg.keyId, pkg.from.adviserId, pkg.from.function, pkg.handedOn, today, JSON.stringify(confirmation));
    return { packageId: pkg.packageId, cases: pkg.cases.map((handed) => writeHandedCase(db, handed, pkg.packageId, pkg.countedThrough, today, clock)) };
  })();
}

/** The confirmation file the successor sends back; it holds ids and a signature, no case content. */
export function confirmationText(db: Db, packageId: string): string {
  const text = db.prepare('SELECT confirmation FROM handovers_received WHERE package_id = ?').pluck().get(packageId) as string | undefined;
  if (!text) throw new AppError('NOT_FOUND');
  return `${JSON.stringify(JSON.parse(text), null, 2)}\n`;
}
