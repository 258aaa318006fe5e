import type { HandoverStatus } from '../../../shared/schemas/handover';
import { CASE_NUMBER_SQL, formatCaseNumber } from '../cases/caseNumbers';
import { keyFingerprint, vaultPublicKey } from '../team/signingKey';
import type { Db } from '../vault/database';
import { getProfile } from '../vault/profile';
import { leavingExportSaved, leavingPeriod } from './leavingExport';
import { receivingKeyFingerprint } from './receivingKey';

/** Both sides of handing over, as the screen shows them; no key but public ones, no case text but labels. */
export function handoverStatus(db: Db, today: string): HandoverStatus {
  const signingKey = vaultPublicKey(db);
  const profileFunction = getProfile(db).function;
  const receivingKeys = (db.prepare('SELECT key_id, recipient, created_on FROM handover_receiving_keys ORDER BY created_on, key_id').all() as { key_id: string; recipient: string; created_on: string }[]).map((row) => ({
    keyId: row.key_id,
    fingerprint: receivingKeyFingerprint({ keyId: row.key_id, recipient: row.recipient, signingKey: signingKey.toString('base64'), function: profileFunction }),
    createdOn: row.created_on,
  }));
  const successors = (
    db.prepare('SELECT key_id, recipient, signing_key, function, added_on FROM handover_successors ORDER BY added_on, key_id').all() as {
      key_id: string;
      recipient: string;
      signing_key: Buffer;
      function: HandoverStatus['successors'][number]['function'];
      added_on: string;
    }[]
  ).map((row) => ({
    keyId: row.key_id,
    fingerprint: receivingKeyFingerprint({ keyId: row.key_id, recipient: row.recipient, signingKey: row.signing_key.toString('base64'), function: row.function }),
    function: row.function,
    addedOn: row.added_on,
  }));
  const openCases = (
    db
      .prepare(
        `SELECT c.id, ${CASE_NUMBER_SQL} AS number, c.label, h.given_on AS consentOn,
           EXISTS (SELECT 1 FROM handover_sent_cases s JOIN handovers_sent p ON p.package_id = s.package_id WHERE s.case_id = c.id AND p.confirmed_on IS NULL) AS pending
         FROM cases c LEFT JOIN handover_consents h ON h.case_id = c.id WHERE c.status = 'open' ORDER BY c.number_year, c.number_seq`,
      )
      .all() as { id: number; number: string; label: string; consentOn: string | null; pending: number }[]
  ).map((row) => ({ ...row, pending: row.pending === 1 }));
  const period = leavingPeriod(today);
  const sent = db
    .prepare(
      `SELECT p.package_id AS packageId, p.handed_on AS handedOn, (SELECT count(*) FROM handover_sent_cases s WHERE s.package_id = p.package_id) AS cases, p.confirmed_on AS confirmedOn
       FROM handovers_sent p ORDER BY p.handed_on, p.package_id`,
    )
    .all() as HandoverStatus['sent'];
  const receivedCases = db
    .prepare('SELECT r.package_id, r.case_id, r.previous_number, c.number_year, c.number_seq FROM received_cases r JOIN cases c ON c.id = r.case_id ORDER BY c.number_year, c.number_seq')
    .all() as { package_id: string; case_id: number; previous_number: string; number_year: number; number_seq: number }[];
  const received = (db.prepare('SELECT package_id, received_on FROM handovers_received ORDER BY received_on, package_id').all() as { package_id: string; received_on: string }[]).map((row) => ({
    packageId: row.package_id,
    receivedOn: row.received_on,
    cases: receivedCases
      .filter((entry) => entry.package_id === row.package_id)
      .map((entry) => ({ id: entry.case_id, number: formatCaseNumber(entry.number_year, entry.number_seq), previousNumber: entry.previous_number })),
  }));
  return {
    ownKeyFingerprint: keyFingerprint(signingKey),
    receivingKeys,
    successors,
    openCases,
    leavingExport: { ...period, saved: leavingExportSaved(db, period.to) },
    sent,
    received,
  };
}
