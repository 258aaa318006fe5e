import type { Mediation } from '../../../shared/contract';
import { futureMediationFields } from '../../../shared/futureDates';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import type { Db } from '../vault/database';
import { assertCaseExists } from './caseExists';

interface MediationRow {
  other_party_consent: number;
  other_party_consent_on: string | null;
  hearing_held_on: string | null;
  hearing_notes: string;
  outcome: Mediation['outcome'];
}

export function getMediation(db: Db, caseId: number): Mediation | null {
  const row = db.prepare('SELECT * FROM mediations WHERE case_id = ?').get(caseId) as MediationRow | undefined;
  if (!row) return null;
  return {
    parties: db.prepare('SELECT role, description FROM mediation_parties WHERE case_id = ? ORDER BY id').all(caseId) as Mediation['parties'],
    otherPartyConsent: row.other_party_consent === 1,
    otherPartyConsentOn: row.other_party_consent_on,
    hearingHeldOn: row.hearing_held_on,
    hearingNotes: row.hearing_notes,
    agreements: (
      db.prepare('SELECT agreed_on, text FROM mediation_agreements WHERE case_id = ? ORDER BY agreed_on, id').all(caseId) as {
        agreed_on: string;
        text: string;
      }[]
    ).map((a) => ({ agreedOn: a.agreed_on, text: a.text })),
    outcome: row.outcome,
  };
}

/**
 * Replaces the whole mediation of a case in one transaction; its parties and agreements cascade
 * with it. Its sessions are entries of the case and stay.
 */
export function saveMediation(db: Db, caseId: number, mediation: Mediation, clock: Clock): void {
  if (futureMediationFields(mediation, clock()).length > 0) throw new AppError('INVALID_INPUT');
  db.transaction(() => {
    assertCaseExists(db, caseId);
    db.prepare('DELETE FROM mediations WHERE case_id = ?').run(caseId);
    db.prepare(
      'INSERT INTO mediations (case_id, other_party_consent, other_party_consent_on, hearing_held_on, hearing_notes, outcome) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(caseId, mediation.otherPartyConsent ? 1 : 0, mediation.otherPartyConsentOn, mediation.hearingHeldOn, mediation.hearingNotes, mediation.outcome);
    const party = db.prepare('INSERT INTO mediation_parties (case_id, role, description) VALUES (?, ?, ?)');
    for (const p of mediation.parties) party.run(caseId, p.role, p.description);
    const agreement = db.prepare('INSERT INTO mediation_agreements (case_id, agreed_on, text) VALUES (?, ?, ?)');
    for (const a of mediation.agreements) agreement.run(caseId, a.agreedOn, a.text);
  })();
}

/** The mediation goes with its sessions, as it always did: a session counts only with its mediation. */
export function deleteMediation(db: Db, caseId: number): void {
  db.transaction(() => {
    if (db.prepare('DELETE FROM mediations WHERE case_id = ?').run(caseId).changes === 0) throw new AppError('NOT_FOUND');
    db.prepare("DELETE FROM conversations WHERE case_id = ? AND kind = 'mediation_session'").run(caseId);
  })();
}
