import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../errors';
import { writeFileAtomic } from '../storage/atomicWrite';
import type { KdfParams, WrappedKey } from './keys';

/**
 * The small file beside the database: how to derive the passphrase key, and the data key
 * wrapped twice (passphrase, recovery key). It holds no secret a brute force could skip.
 */
const Base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/).max(256);

export const MAX_KDF_MEMORY_KIB = 1024 * 1024;
export const MAX_KDF_ITERATIONS = 10;

const WrappedKeySchema = z.object({ iv: Base64, tag: Base64, ciphertext: Base64 }).strict();

const HeaderSchema = z
  .object({
    format: z.literal('confidant-vault-header'),
    version: z.literal(1),
    vaultId: z.string().uuid(),
    kdf: z
      .object({
        algorithm: z.literal('argon2id'),
        // Capped before any derivation: a tampered header must not make the app spend gigabytes
        // and minutes before the passphrase is even checked. The app writes 64 MiB and 3 passes.
        memoryKiB: z.number().int().min(8192).max(MAX_KDF_MEMORY_KIB),
        iterations: z.number().int().min(1).max(MAX_KDF_ITERATIONS),
        parallelism: z.number().int().min(1).max(16),
        salt: Base64,
      })
      .strict(),
    wrappedKeys: z.object({ passphrase: WrappedKeySchema, recovery: WrappedKeySchema }).strict(),
  })
  .strict();

export interface VaultHeader {
  format: 'confidant-vault-header';
  version: 1;
  vaultId: string;
  kdf: KdfParams;
  wrappedKeys: { passphrase: WrappedKey; recovery: WrappedKey };
}

export function readHeader(path: string): VaultHeader {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    throw new AppError('CORRUPT_VAULT');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new AppError('CORRUPT_VAULT');
  }
  const result = HeaderSchema.safeParse(parsed);
  if (!result.success) throw new AppError('CORRUPT_VAULT');
  return result.data;
}

export function writeHeader(path: string, header: VaultHeader): void {
  writeFileAtomic(path, `${JSON.stringify(header, null, 2)}\n`);
}

/**
 * Authenticated with each wrapped key, so changing the vault id or weakening the KDF
 * parameters in the header makes unwrapping fail instead of silently succeeding.
 */
export function passphraseWrapContext(header: Pick<VaultHeader, 'vaultId' | 'kdf'>): string {
  const { algorithm, memoryKiB, iterations, parallelism, salt } = header.kdf;
  return `confidant/v1/${header.vaultId}/passphrase/${algorithm}/${memoryKiB}/${iterations}/${parallelism}/${salt}`;
}

export function recoveryWrapContext(header: Pick<VaultHeader, 'vaultId'>): string {
  return `confidant/v1/${header.vaultId}/recovery`;
}
