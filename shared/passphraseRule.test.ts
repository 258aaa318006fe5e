import { describe, expect, it } from 'vitest';
import { CANARY } from '../test/fixtures/canaries';
import { passphraseVerdict } from './passphraseRule';

describe('the passphrase rule shared by the meter and the core', () => {
  it.each([
    ['Zomer2024!', 'tooShort'],
    ['Zwak', 'tooShort'],
    [' '.repeat(12), 'tooShort'],
    // Twelve characters with spaces, but fewer than twelve that are not.
    ['a b c d e f g h', 'tooShort'],
    ['password1234', 'tooWeak'],
    ['aaaaaaaaaaaa', 'tooWeak'],
    [CANARY.passphrase, 'strong'],
    ['paars kanon fietst langzaam', 'strong'],
  ])('rates %j as %s', (passphrase, verdict) => {
    expect(passphraseVerdict(passphrase)).toBe(verdict);
  });
});
