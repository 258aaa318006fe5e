import { passphraseVerdict } from '../../../shared/passphraseRule';

export type PassphraseProblem = 'tooShort' | 'tooLong' | 'tooWeak' | 'mismatch' | null;

/** The shared rule's verdict, then whether the two fields agree. */
export function passphraseProblem(passphrase: string, repeat: string): PassphraseProblem {
  const verdict = passphraseVerdict(passphrase);
  if (verdict !== 'strong') return verdict;
  if (passphrase !== repeat) return 'mismatch';
  return null;
}
