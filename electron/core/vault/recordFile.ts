import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../storage/atomicWrite';

/**
 * A small file beside the database, encrypted with a key derived from the data key
 * (AES-256-GCM, the vault id as associated data), so what it holds survives a damaged database
 * and goes into every backup. What it holds is decided by the layers above (restore's vault record).
 */
const RecordFile = z
  .object({ format: z.literal('confidant-destructions'), vaultId: z.string().uuid(), iv: z.string(), tag: z.string(), ciphertext: z.string() })
  .strict();

function recordKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'confidant destruction record', 32));
}

export function writeRecordFile(path: string, content: unknown, dataKey: Buffer, vaultId: string): void {
  const key = recordKey(dataKey);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(vaultId));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(content)), cipher.final()]);
  key.fill(0);
  writeFileAtomic(
    path,
    JSON.stringify({ format: 'confidant-destructions', vaultId, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') }),
  );
}

/** The parsed content of the file, or null when there is none or it does not open with this key. */
export function readRecordFile(path: string, dataKey: Buffer): unknown {
  if (!existsSync(path)) return null;
  const key = recordKey(dataKey);
  try {
    const file = RecordFile.parse(JSON.parse(readFileSync(path, 'utf8')));
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(file.iv, 'base64')).setAAD(Buffer.from(file.vaultId));
    decipher.setAuthTag(Buffer.from(file.tag, 'base64'));
    const plaintext = Buffer.concat([decipher.update(Buffer.from(file.ciphertext, 'base64')), decipher.final()]);
    return JSON.parse(plaintext.toString('utf8'));
  } catch {
    return null;
  } finally {
    key.fill(0);
  }
}
