import { createHash } from 'node:crypto';

/** Crockford-like: no 0/O or 1/I/L to confuse when read out over the phone. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const GROUPS = 5;
const GROUP_LENGTH = 4;

/** Twenty characters in five groups (about 99 bits of SHA-256), short enough to compare by phone. */
export function fingerprintOf(...parts: (string | Buffer)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(typeof part === 'string' ? Buffer.from(part, 'utf8') : part).update('\u0000');
  const digest = hash.digest();
  const characters: string[] = [];
  for (let index = 0; index < GROUPS * GROUP_LENGTH; index++) characters.push(ALPHABET[digest[index]! % ALPHABET.length]!);
  return Array.from({ length: GROUPS }, (_, group) => characters.slice(group * GROUP_LENGTH, (group + 1) * GROUP_LENGTH).join('')).join('-');
}
