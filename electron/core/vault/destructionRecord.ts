import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../storage/atomicWrite';
import { issuedNumbers, type IssuedNumber } from '../cases/caseNumbers';
import { savedExports } from '../export/exportSequence';
import type { Db } from './database';

/**
 * What retention destroyed: case ids with their first-contact time (so a later case that took
 * the same id is never mistaken for it) and when. No content. Kept in the database and in a small
 * file beside it, encrypted with a key derived from the data key (AES-256-GCM), so it survives a
 * damaged database and goes into every backup; a restored older backup re-applies it. The same
 * record keeps the highest case number issued per year, so a restore never issues one again, and
 * the number of exports saved, so a restore never numbers an export the team has seen already.
 */
export const Destruction = z.object({ caseId: z.number().int().positive(), firstContactAt: z.string().max(40), destroyedAt: z.string().max(40) }).strict();
export type Destruction = z.infer<typeof Destruction>;

const Issued = z.object({ year: z.number().int().min(1000).max(9999), last: z.number().int().positive() }).strict();

/** What the file holds. Files written before case numbers hold only the destructions: none issued; before export numbers, none saved. */
export interface VaultRecord {
  destructions: Destruction[];
  caseNumbers: IssuedNumber[];
  savedExports: number;
}

const Plaintext = z.union([
  z.array(Destruction).transform((destructions): VaultRecord => ({ destructions, caseNumbers: [], savedExports: 0 })),
  z
    .object({ destructions: z.array(Destruction), caseNumbers: z.array(Issued), savedExports: z.number().int().min(0).max(1_000_000_000).default(0) })
    .strict(),
]);

const RecordFile = z
  .object({ format: z.literal('confidant-destructions'), vaultId: z.string().uuid(), iv: z.string(), tag: z.string(), ciphertext: z.string() })
  .strict();

function recordKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'confidant destruction record', 32));
}

export function destructionsIn(db: Db): Destruction[] {
  return db.prepare('SELECT case_id AS caseId, first_contact_at AS firstContactAt, destroyed_at AS destroyedAt FROM destructions ORDER BY destroyed_at, case_id').all() as Destruction[];
}

export function recordDestructions(db: Db, destructions: Destruction[]): void {
  const insert = db.prepare('INSERT OR IGNORE INTO destructions (case_id, first_contact_at, destroyed_at) VALUES (?, ?, ?)');
  for (const entry of destructions) insert.run(entry.caseId, entry.firstContactAt, entry.destroyedAt);
}

/** Writes the database's record to the file beside it, under the current data key. */
export function writeDestructionFile(path: string, db: Db, dataKey: Buffer, vaultId: string): void {
  const record: VaultRecord = { destructions: destructionsIn(db), caseNumbers: issuedNumbers(db), savedExports: savedExports(db) };
  if (record.destructions.length === 0 && record.caseNumbers.length === 0 && record.savedExports === 0) return;
  const key = recordKey(dataKey);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(vaultId));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(record)), cipher.final()]);
  key.fill(0);
  writeFileAtomic(
    path,
    JSON.stringify({ format: 'confidant-destructions', vaultId, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') }),
  );
}

/** The record in the file, or null when there is none or it does not open with this key. */
export function readDestructionFile(path: string, dataKey: Buffer): VaultRecord | null {
  if (!existsSync(path)) return null;
  const key = recordKey(dataKey);
  try {
    const file = RecordFile.parse(JSON.parse(readFileSync(path, 'utf8')));
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(file.iv, 'base64')).setAAD(Buffer.from(file.vaultId));
    decipher.setAuthTag(Buffer.from(file.tag, 'base64'));
    const plaintext = Buffer.concat([decipher.update(Buffer.from(file.ciphertext, 'base64')), decipher.final()]);
    return Plaintext.parse(JSON.parse(plaintext.toString('utf8')));
  } catch {
    return null;
  } finally {
    key.fill(0);
  }
}
