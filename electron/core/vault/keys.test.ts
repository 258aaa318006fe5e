import { hashRaw, type Algorithm } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KDF, deriveFromPassphrase, newKdfParams } from './keys';

/** `Algorithm` is an ambient const enum, which isolated modules cannot read; 2 is Argon2id. */
const ARGON2ID = 2 as Algorithm;

describe('the passphrase key derivation', () => {
  it('gives, in WebAssembly, the bytes of the native Argon2id binding earlier vaults were made with', async () => {
    for (const [passphrase, cost] of [
      ['CANARY-Wadden-Kievit-Paardenbloem-2291', DEFAULT_KDF],
      ['zomer in Zeeland, één keer per jaar', { memoryKiB: 19456, iterations: 2, parallelism: 1 }],
      ['kort maar krachtig!', { memoryKiB: 8192, iterations: 4, parallelism: 2 }],
    ] as const) {
      const params = newKdfParams(cost);
      const native = await hashRaw(Buffer.from(passphrase.normalize('NFC'), 'utf8'), {
        algorithm: ARGON2ID,
        memoryCost: params.memoryKiB,
        timeCost: params.iterations,
        parallelism: params.parallelism,
        outputLen: 32,
        salt: Buffer.from(params.salt, 'base64'),
      });
      expect((await deriveFromPassphrase(passphrase, params)).toString('hex')).toBe(native.toString('hex'));
    }
  });
});
