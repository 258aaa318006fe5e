import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { PASSPHRASE_MAX_LENGTH, PASSPHRASE_MIN_LENGTH } from './limits';

zxcvbnOptions.setOptions({ dictionary, graphs: adjacencyGraphs });

/** The weakest score a new passphrase may have: "strong" on zxcvbn's 0–4 scale. */
export const MIN_ACCEPTED_SCORE = 3;

/**
 * How much of a passphrase zxcvbn rates. Its cost grows faster than the length (a second at 1,000
 * characters, a stack overflow a few thousand on), while its score tops out at a few dozen random
 * characters; a longer passphrase keeps the score of its start, which can only understate it.
 */
const RATED_LENGTH = 100;

export type PassphraseVerdict = 'tooShort' | 'tooLong' | 'tooWeak' | 'strong';

/** Judged after every passphrase: zxcvbn's matchers keep their last input in regular-expression state. */
const DECOY = 'Een zin om het vorige wachtwoord te vergeten';

/** zxcvbn's 0–4 estimate of how hard the passphrase is to guess. */
export function passphraseScore(passphrase: string): number {
  if (!passphrase) return 0;
  const { score } = zxcvbn(passphrase.slice(0, RATED_LENGTH));
  // Without this the passphrase stays in the heap after the vault locks (electron/keyInHeap.test.ts).
  zxcvbn(DECOY);
  return score;
}

/**
 * The one rule for a new passphrase, applied by the meter in the window and by the core: too
 * long (over the maximum) or too short (fewer than the minimum of characters that are not spaces)
 * before any score, then too easy to guess, else strong.
 */
export function passphraseVerdict(passphrase: string): PassphraseVerdict {
  return ratePassphrase(passphrase).verdict;
}

/** The verdict with the score it came from, for the meter (zxcvbn runs once per keystroke, not twice). */
export function ratePassphrase(passphrase: string): { verdict: PassphraseVerdict; score: number } {
  // A pasted novel is refused on its length alone: nothing else looks at it.
  if (passphrase.length > PASSPHRASE_MAX_LENGTH) return { verdict: 'tooLong', score: 0 };
  const score = passphraseScore(passphrase);
  if (passphrase.replace(/\s/gu, '').length < PASSPHRASE_MIN_LENGTH) return { verdict: 'tooShort', score };
  return { verdict: score < MIN_ACCEPTED_SCORE ? 'tooWeak' : 'strong', score };
}
