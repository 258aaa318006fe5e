import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { argon2id } from 'hash-wasm';
import { AppError } from '../errors';
import { withWipedWebAssembly } from './wipedWebAssembly';

export const DATA_KEY_BYTES = 32;

export interface KdfParams {
  algorithm: 'argon2id';
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  salt: string;
}

/** At least 64 MiB, as the design requires; tests and benchmarks use the same default. */
export const DEFAULT_KDF = { memoryKiB: 65536, iterations: 3, parallelism: 1 } as const;

export interface WrappedKey {
  iv: string;
  tag: string;
  ciphertext: string;
}

export function newKdfParams(cost: Pick<KdfParams, 'memoryKiB' | 'iterations' | 'parallelism'>): KdfParams {
  return { algorithm: 'argon2id', ...cost, salt: randomBytes(16).toString('base64') };
}

/**
 * Argon2id in WebAssembly (hash-wasm): one build runs on every platform and architecture the app
 * ships for, where a native binding exists only for the machine npm installed on. Its output is
 * byte-for-byte RFC 9106 Argon2id, so vaults made with the earlier native binding open unchanged.
 * Its WebAssembly memory, which held the key, is zeroed before the key is returned.
 */
export async function deriveFromPassphrase(passphrase: string, params: KdfParams): Promise<Buffer> {
  const passphraseBytes = Buffer.from(passphrase.normalize('NFC'), 'utf8');
  try {
    const derived = await withWipedWebAssembly(() =>
      argon2id({
        password: passphraseBytes,
        salt: Buffer.from(params.salt, 'base64'),
        memorySize: params.memoryKiB,
        iterations: params.iterations,
        parallelism: params.parallelism,
        hashLength: 32,
        outputType: 'binary',
      }),
    );
    const key = Buffer.from(derived);
    derived.fill(0);
    return key;
  } finally {
    passphraseBytes.fill(0);
  }
}

/** The recovery key already holds 256 random bits, so a memory-hard KDF would add nothing. */
export function deriveFromRecoveryKey(recoveryKey: Buffer, vaultId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', recoveryKey, Buffer.from(vaultId), 'confidant recovery key wrap', 32));
}

export function wrapKey(wrappingKey: Buffer, dataKey: Buffer, associatedData: string): WrappedKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
  cipher.setAAD(Buffer.from(associatedData));
  const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
}

/** Returns the data key, or null when the wrapping key is wrong (the GCM tag does not verify). */
export function unwrapKey(wrappingKey: Buffer, wrapped: WrappedKey, associatedData: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(wrapped.iv, 'base64'));
    decipher.setAAD(Buffer.from(associatedData));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    const key = Buffer.concat([decipher.update(Buffer.from(wrapped.ciphertext, 'base64')), decipher.final()]);
    if (key.length !== DATA_KEY_BYTES) throw new AppError('CORRUPT_VAULT');
    return key;
  } catch (error) {
    if (error instanceof AppError) throw error;
    return null;
  }
}

// Crockford's base32: no I, L, O or U, so a key copied by hand survives common misreadings.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function formatRecoveryKey(key: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of key) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out.match(/.{1,4}/g)!.join('-');
}

/** Accepts what a person types: any case, dashes or spaces anywhere, O for 0 and I or L for 1. */
export function parseRecoveryKey(text: string): Buffer | null {
  const cleaned = text
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  const expectedChars = Math.ceil((DATA_KEY_BYTES * 8) / 5);
  if (cleaned.length !== expectedChars) return null;
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of cleaned) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) return null;
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return bytes.length === DATA_KEY_BYTES ? Buffer.from(bytes) : null;
}

export function newRandomKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}
