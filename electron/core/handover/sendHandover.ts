import { randomUUID } from 'node:crypto';
import type { HandedCase, HandoverPackage, HandoverSendRequest } from '../../../shared/schemas/handover';
import { getCase } from '../cases/caseRecords';
import { isHandedOver } from '../cases/handedOver';
import { AppError } from '../errors';
import { signWithVault, vaultPublicKey } from '../team/signingKey';
import type { Db } from '../vault/database';
import { getProfile } from '../vault/profile';
import { followUpsToHand } from './handedFollowUps';
import { legalRecordsToHand } from './handedLegalRecords';
import { handoverConsentOf } from './handoverConsent';
import { leavingExportSaved, leavingPeriod } from './leavingExport';
import { successorOf } from './receivingKey';
import { sealHandover } from './sealedHandover';

export interface PreparedHandover {
  packageId: string;
  keyId: string;
  countedThrough: string;
  cases: { id: number; firstContactAt: string }[];
  sealed: string;
}

function caseToHand(db: Db, caseId: number): HandedCase {
  const record = getCase(db, caseId);
  if (record.status !== 'open') throw new AppError('INVALID_INPUT');
  const handoverConsentOn = handoverConsentOf(db, caseId);
  if (handoverConsentOn === null) throw new AppError('HANDOVER_CONSENT_MISSING');
  if (isHandedOver(db, caseId)) throw new AppError('HANDOVER_PENDING');
  // Unsaved work on the case would not travel, and the confirmation would destroy it with the case.
  if (db.prepare('SELECT 1 FROM drafts WHERE case_id = ?').get(caseId)) throw new AppError('HANDOVER_DRAFT_OPEN');
  const { ids, followUps } = followUpsToHand(db, caseId, record.conversations.map((entry) => entry.id));
  return { previousNumber: record.number, handoverConsentOn, record, followUps, ...legalRecordsToHand(db, caseId, ids) };
}

/**
 * The package for the chosen cases, sealed to the successor and signed, and nothing written yet.
 * It leaves only after the leaving adviser's export of the months before it was saved, and only
 * with cases that are open, whose reporter consented, that no earlier package still holds, and
 * that have no unsaved draft.
 */
export async function prepareHandover(db: Db, request: HandoverSendRequest, today: string): Promise<PreparedHandover> {
  const successor = successorOf(db, request.keyId);
  if (!successor) throw new AppError('NOT_FOUND');
  const cases = [...new Set(request.caseIds)].map((id) => caseToHand(db, id));
  const countedThrough = leavingPeriod(today).to;
  if (!leavingExportSaved(db, countedThrough)) throw new AppError('HANDOVER_EXPORT_MISSING');
  const profile = getProfile(db);
  const pkg: HandoverPackage = {
    format: 'confidant-handover-package',
    version: 1,
    packageId: randomUUID(),
    keyId: successor.keyId,
    from: { adviserId: profile.adviserId, function: profile.function, external: profile.external },
    handedOn: today,
    countedThrough,
    cases,
  };
  const sealed = await sealHandover(JSON.stringify(pkg), successor, vaultPublicKey(db), (data) => signWithVault(db, data));
  return { packageId: pkg.packageId, keyId: successor.keyId, countedThrough, cases: cases.map(({ record }) => ({ id: record.id, firstContactAt: record.firstContactAt })), sealed };
}

/** After the package is on disk: its cases wait here for the successor's confirmation. */
export function recordSent(db: Db, prepared: PreparedHandover, today: string): void {
  db.transaction(() => {
    db.prepare('INSERT INTO handovers_sent (package_id, key_id, handed_on, counted_through) VALUES (?, ?, ?, ?)').run(prepared.packageId, prepared.keyId, today, prepared.countedThrough);
    const insert = db.prepare('INSERT INTO handover_sent_cases (package_id, case_id, first_contact_at) VALUES (?, ?, ?)');
    for (const entry of prepared.cases) insert.run(prepared.packageId, entry.id, entry.firstContactAt);
  })();
}
