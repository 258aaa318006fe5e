import type { HandedCase } from '../../../shared/schemas/handover';
import type { Db } from '../vault/database';

type LegalRecords = Pick<HandedCase, 'procedureReceivedOn' | 'accessRequests'>;

/**
 * What makes a case's legal follow-ups deadlines: its procedure report's day of receipt and its
 * access requests with the dossiers given. A request names its deadline by its place among the
 * case's follow-ups as `followUpIds` lists them.
 */
export function legalRecordsToHand(db: Db, caseId: number, followUpIds: readonly number[]): LegalRecords {
  const procedureReceivedOn = (db.prepare('SELECT received_on FROM procedure_reports WHERE case_id = ?').pluck().get(caseId) as string | undefined) ?? null;
  const requests = db.prepare('SELECT id, requested_on, follow_up_id, created_at FROM access_requests WHERE case_id = ? ORDER BY requested_on, id').all(caseId) as {
    id: number;
    requested_on: string;
    follow_up_id: number | null;
    created_at: string;
  }[];
  const given = db.prepare('SELECT given_at FROM access_dossiers WHERE request_id = ? ORDER BY given_at, id').pluck();
  return {
    procedureReceivedOn,
    accessRequests: requests.map((row) => ({
      requestedOn: row.requested_on,
      followUpIndex: row.follow_up_id === null || !followUpIds.includes(row.follow_up_id) ? null : followUpIds.indexOf(row.follow_up_id),
      createdAt: row.created_at,
      dossiersGivenAt: given.all(row.id) as string[],
    })),
  };
}

/**
 * Written beside the case's follow-ups (`followUpIds`, their new ids in the package's order), so
 * the procedure and access code find their deadlines at the successor as the leaving vault had them.
 */
export function writeHandedLegalRecords(db: Db, caseId: number, followUpIds: readonly number[], records: LegalRecords): void {
  if (records.procedureReceivedOn !== null) db.prepare('INSERT INTO procedure_reports (case_id, received_on) VALUES (?, ?)').run(caseId, records.procedureReceivedOn);
  const request = db.prepare('INSERT INTO access_requests (case_id, requested_on, follow_up_id, created_at) VALUES (?, ?, ?, ?)');
  const dossier = db.prepare('INSERT INTO access_dossiers (request_id, given_at) VALUES (?, ?)');
  for (const entry of records.accessRequests) {
    const followUpId = entry.followUpIndex === null ? null : (followUpIds[entry.followUpIndex] ?? null);
    const requestId = request.run(caseId, entry.requestedOn, followUpId, entry.createdAt).lastInsertRowid;
    for (const givenAt of entry.dossiersGivenAt) dossier.run(requestId, givenAt);
  }
}
