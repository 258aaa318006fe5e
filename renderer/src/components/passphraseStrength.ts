import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { PASSPHRASE_MIN_LENGTH } from '../../../shared/limits';

zxcvbnOptions.setOptions({ dictionary, graphs: adjacencyGraphs });

/** The weakest score a new passphrase may have: "strong" on zxcvbn's 0–4 scale. */
export const MIN_ACCEPTED_SCORE = 3;

export type PassphraseProblem = 'tooShort' | 'tooWeak' | 'mismatch' | null;

export function passphraseScore(passphrase: string): number {
  return passphrase ? zxcvbn(passphrase).score : 0;
}

export function passphraseProblem(passphrase: string, repeat: string): PassphraseProblem {
  if (passphrase.length < PASSPHRASE_MIN_LENGTH) return 'tooShort';
  if (passphraseScore(passphrase) < MIN_ACCEPTED_SCORE) return 'tooWeak';
  if (passphrase !== repeat) return 'mismatch';
  return null;
}
