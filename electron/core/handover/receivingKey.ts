import { randomUUID } from 'node:crypto';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { HandoverKeyFile, type HandoverKeySummary } from '../../../shared/schemas/handover';
import { AppError } from '../errors';
import { fingerprintOf } from '../team/fingerprint';
import { signatureIsValid, signWithVault, vaultPublicKey } from '../team/signingKey';
import { membership } from '../team/team';
import type { Db } from '../vault/database';
import { getProfile } from '../vault/profile';

/** Everything the leaving adviser relies on in a key file: what both read out by phone. */
export const receivingKeyFingerprint = (key: Pick<HandoverKeyFile, 'keyId' | 'recipient' | 'signingKey' | 'function'>) =>
  fingerprintOf('confidant-handover-key', key.keyId, key.recipient, key.signingKey, key.function);

const keyFileBytes = (file: Omit<HandoverKeyFile, 'signature'>) =>
  Buffer.from(['confidant-handover-key', file.keyId, file.recipient, file.adviserId, file.function, file.signingKey, file.createdOn].join('\n'), 'utf8');

/** The successor's vault makes a receiving key: an age X25519 identity kept in the vault. */
export async function createReceivingKey(db: Db, today: string): Promise<{ keyId: string }> {
  const identity = await generateX25519Identity();
  const keyId = randomUUID();
  db.prepare('INSERT INTO handover_receiving_keys (key_id, age_identity, recipient, created_on) VALUES (?, ?, ?, ?)').run(keyId, identity, await identityToRecipient(identity), today);
  return { keyId };
}

/** The key file the successor hands to the leaving adviser: public keys only, signed with this vault's key. */
export function receivingKeyFile(db: Db, keyId: string): string {
  const row = db.prepare('SELECT recipient, created_on FROM handover_receiving_keys WHERE key_id = ?').get(keyId) as { recipient: string; created_on: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND');
  const unsigned = {
    format: 'confidant-handover-key' as const,
    version: 1 as const,
    keyId,
    recipient: row.recipient,
    adviserId: getProfile(db).adviserId,
    function: getProfile(db).function,
    signingKey: vaultPublicKey(db).toString('base64'),
    createdOn: row.created_on,
  };
  return `${JSON.stringify({ ...unsigned, signature: signWithVault(db, keyFileBytes(unsigned)).toString('base64') }, null, 2)}\n`;
}

/** Every receiving key's identity, for opening a package: never returned over IPC. */
export function receivingIdentities(db: Db): Map<string, string> {
  const rows = db.prepare('SELECT key_id, age_identity FROM handover_receiving_keys').all() as { key_id: string; age_identity: string }[];
  return new Map(rows.map((row) => [row.key_id, row.age_identity]));
}

/**
 * A key file as the leaving adviser reads it: well formed, signed by the key it carries, and not
 * the team's key. A handover is sealed to its successor only; a team recipient passed off as a
 * successor's key would let every merging member open it.
 */
export function readKeyFile(db: Db, text: string): { file: HandoverKeyFile; summary: HandoverKeySummary } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('NOT_A_HANDOVER_FILE');
  }
  const parsed = HandoverKeyFile.safeParse(value);
  if (!parsed.success) throw new AppError('NOT_A_HANDOVER_FILE');
  const file = parsed.data;
  const { signature, ...unsigned } = file;
  if (!signatureIsValid(Buffer.from(file.signingKey, 'base64'), keyFileBytes(unsigned), Buffer.from(signature, 'base64'))) throw new AppError('BAD_SIGNATURE');
  // A merging member's own membership lists every recipient of the team, theirs included.
  const teamRecipients = new Set(membership(db)?.recipients ?? []);
  if (teamRecipients.has(file.recipient)) throw new AppError('HANDOVER_TO_TEAM_KEY');
  return { file, summary: { keyId: file.keyId, fingerprint: receivingKeyFingerprint(file), function: file.function, createdOn: file.createdOn } };
}

/** The leaving adviser adds the successor's key after comparing its code: a swapped file has another code. */
export function addSuccessor(db: Db, text: string, confirmedFingerprint: string, today: string): void {
  const { file, summary } = readKeyFile(db, text);
  if (summary.fingerprint !== confirmedFingerprint) throw new AppError('FINGERPRINT_MISMATCH');
  db.prepare(
    `INSERT INTO handover_successors (key_id, recipient, signing_key, adviser_id, function, added_on) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (key_id) DO NOTHING`,
  ).run(file.keyId, file.recipient, Buffer.from(file.signingKey, 'base64'), file.adviserId, file.function, today);
}

export interface Successor {
  keyId: string;
  recipient: string;
  signingKey: Buffer;
}

export function successorOf(db: Db, keyId: string): Successor | null {
  const row = db.prepare('SELECT key_id, recipient, signing_key FROM handover_successors WHERE key_id = ?').get(keyId) as
    | { key_id: string; recipient: string; signing_key: Buffer }
    | undefined;
  return row ? { keyId: row.key_id, recipient: row.recipient, signingKey: row.signing_key } : null;
}
