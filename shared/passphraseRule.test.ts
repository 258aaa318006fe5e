import { describe, expect, it } from 'vitest';
import { CANARY } from '../test/fixtures/canaries';
import { pastedText } from '../test/fixtures/pastedText';
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

  it.each([1_025, 10_000, 30_000_000])('calls %i pasted characters too long at once, before any score', (length) => {
    const text = pastedText(length);
    const started = performance.now();
    expect(passphraseVerdict(text)).toBe('tooLong');
    expect(performance.now() - started).toBeLessThan(5);
  });

  it('rates a pasted page at the maximum length in a fraction of a second (zxcvbn took seconds on it)', () => {
    const started = performance.now();
    expect(passphraseVerdict(pastedText(1_024))).toBe('strong');
    expect(performance.now() - started).toBeLessThan(500);
  });
});
