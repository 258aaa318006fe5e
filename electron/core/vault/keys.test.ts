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

interface WasmInstance {
  exports: { memory?: { buffer: ArrayBuffer } };
}
type Instantiate = (...args: unknown[]) => Promise<WasmInstance | { instance: WasmInstance }>;
const wasm = (globalThis as unknown as { WebAssembly: { instantiate: Instantiate } }).WebAssembly;

describe('the WebAssembly memory of a derivation', () => {
  it('is all zeros once the key is returned, in every instance the derivation made', async () => {
    const instantiate = wasm.instantiate;
    const memories: { buffer: ArrayBuffer }[] = [];
    wasm.instantiate = async (...args) => {
      const result = await instantiate(...args);
      const instance = 'instance' in result ? result.instance : result;
      // The memory itself, not its buffer: growing it replaces the buffer.
      if (instance.exports.memory) memories.push(instance.exports.memory);
      return result;
    };
    let key: Buffer;
    try {
      key = await deriveFromPassphrase('CANARY-Wadden-Kievit-Paardenbloem-2291', newKdfParams(DEFAULT_KDF));
    } finally {
      wasm.instantiate = instantiate;
    }
    // Argon2's working memory and the BLAKE2b instances around it, the last of which made the key.
    expect(memories.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...memories.map((memory) => memory.buffer.byteLength))).toBeGreaterThan(DEFAULT_KDF.memoryKiB * 1024);
    const contents = memories.map((memory) => Buffer.from(memory.buffer));
    expect(contents.filter((bytes) => bytes.includes(key))).toHaveLength(0);
    expect(contents.filter((bytes) => !bytes.equals(Buffer.alloc(bytes.length)))).toHaveLength(0);
  });
});
