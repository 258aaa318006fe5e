import { MARK_END, MARK_START, SNIPPET_GAP } from '../../shared/searchSnippet';

/**
 * Text read the way the search index reads it (FTS5's unicode61 tokenizer with remove_diacritics 2):
 * words are runs of letters, digits and private-use characters, compared lowercased and without
 * accents. Snippets are made here from the index's own document rather than by FTS5's snippet():
 * that needs the search asked again for each row, which for a typed prefix the index cannot stream
 * costs close to a millisecond a row (measured at 100,000 conversations).
 */

/** The combining accents the tokenizer reads as part of a word and then drops, whatever letter they follow. */
const DROPPED_ACCENTS = '\\u0300-\\u0304\\u0306-\\u030c\\u030f\\u0311\\u031b\\u0323-\\u0328\\u032d\\u032e\\u0330\\u0331';
const WORD = `[\\p{L}\\p{N}\\p{Co}][\\p{L}\\p{N}\\p{Co}${DROPPED_ACCENTS}]*`;
/** The same words in a text of plain ASCII, read several times faster. */
const ASCII_WORD = '[A-Za-z0-9]+';
const LOOSE_ACCENTS = new RegExp(`[${DROPPED_ACCENTS}]`, 'gu');
const TYPED_WORD = /[\p{L}\p{N}]+/gu;
const ASCII = /^[^\u0080-\uffff]*$/;
/** A letter's own accents come off Latin letters only: a Cyrillic й or a Greek ά keeps its mark. */
const LATIN_MARKS = /(\p{Script=Latin})\p{M}+/gu;
/** The search reads at most this many typed words (caseSearch); each is one bit of a word's mask. */
export const MOST_TYPED_WORDS = 16;
/** Words in a snippet, and how many of them come before its first match. */
const SNIPPET_WORDS = 12;
const WORDS_BEFORE = 3;
const LONGEST_WORD_SHOWN = 40;
const LONGEST_GAP_SHOWN = 10;
/** Typed words this close together (in characters) fit one snippet. */
const SNIPPET_REACH = 80;
/** How far back the words before a match are looked for. */
const CHARACTERS_BEFORE = WORDS_BEFORE * (LONGEST_WORD_SHOWN + LONGEST_GAP_SHOWN);

/** A word as the index stores it. */
export function foldWord(word: string): string {
  if (ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFC').toLowerCase().replace(LOOSE_ACCENTS, '').normalize('NFD').replace(LATIN_MARKS, '$1').normalize('NFC');
}

interface TextWord {
  start: number;
  end: number;
  folded: string;
}

const wordPattern = (ascii: boolean) => (ascii ? new RegExp(ASCII_WORD, 'g') : new RegExp(WORD, 'gu'));

/** Each word of a composed (NFC) text from `from` on, as the index reads it, with where it stands. */
export function* wordsOf(text: string, from = 0, ascii = false): Generator<TextWord> {
  const word = wordPattern(ascii);
  word.lastIndex = from;
  for (let found = word.exec(text); found; found = word.exec(text)) {
    yield { start: found.index, end: found.index + found[0].length, folded: ascii ? found[0].toLowerCase() : foldWord(found[0]) };
  }
}

/** Where the text's first word at or after `from` begins, or -1. */
function nextWord(text: string, from: number, ascii: boolean): number {
  const word = wordPattern(ascii);
  word.lastIndex = from;
  return word.exec(text)?.index ?? -1;
}

/** What the adviser typed, as the folded word beginnings every hit must hold. */
export function typedWords(search: string): string[] {
  const words = search.normalize('NFC').match(TYPED_WORD) ?? [];
  return [...new Set(words.slice(0, MOST_TYPED_WORDS).map(foldWord))];
}

export interface TextMatch {
  /** A short window of the text with every matching word between MARK_START and MARK_END. */
  snippet: string;
  /** Every typed word begins some word of the text (a search hit holds them all). */
  complete: boolean;
}

const WORD_CHARACTER = new RegExp(`[\\p{L}\\p{N}\\p{Co}${DROPPED_ACCENTS}]`, 'u');
const OUTSIDE_ASCII = /[\u0080-\uffff]/g;
const CAPITAL_OR_OUTSIDE_ASCII = /[A-Z\u0080-\uffff]/g;

function foldCharacter(character: string): string {
  const folded = foldWord(character);
  return folded.length === character.length ? folded : character;
}

/**
 * The text folded character by character, each keeping its place, so a typed word is found with
 * indexOf (native, unlike reading every word): an accent the tokenizer would drop from inside a
 * word (one no letter has composed) stays, and that word goes unmarked.
 */
export function foldedText(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower.replace(OUTSIDE_ASCII, foldCharacter);
  // A few capitals lowercase to two characters (İ): then every capital is folded on its own.
  return text.replace(CAPITAL_OR_OUTSIDE_ASCII, foldCharacter);
}

interface Hit {
  at: number;
  bit: number;
}

/** Where a typed word begins a word of the text, in text order. */
function hitsIn(folded: string, words: readonly string[]): Hit[] {
  const hits: Hit[] = [];
  words.forEach((word, bit) => {
    if (!word) return;
    for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + 1)) {
      if (at === 0 || !WORD_CHARACTER.test(folded[at - 1]!)) hits.push({ at, bit });
    }
  });
  return hits.sort((a, b) => a.at - b.at);
}

/** The first place where the most typed words meet within a snippet's reach. */
function bestHit(hits: Hit[]): number {
  let best = 0;
  let bestCount = 0;
  for (let first = 0; first < hits.length; first++) {
    let covered = 0;
    for (let next = first; next < hits.length && hits[next]!.at - hits[first]!.at <= SNIPPET_REACH; next++) covered |= 1 << hits[next]!.bit;
    const count = bitCount(covered);
    if (count > bestCount) {
      best = hits[first]!.at;
      bestCount = count;
    }
  }
  return best;
}

const bitCount = (mask: number) => {
  let count = 0;
  for (let rest = mask; rest; rest &= rest - 1) count++;
  return count;
};

const shownWord = (word: string) => (word.length > LONGEST_WORD_SHOWN ? `${[...word].slice(0, LONGEST_WORD_SHOWN).join('')}${SNIPPET_GAP}` : word);

function shownGap(gap: string): string {
  if (gap === ' ') return gap;
  const plain = gap.replace(/\s+/g, ' ');
  return plain.length > LONGEST_GAP_SHOWN ? ` ${SNIPPET_GAP} ` : plain;
}

/** The words around `at`: a few before it and the rest of a snippet after, read only there. */
function wordsAround(text: string, at: number, ascii: boolean): TextWord[] {
  const from = Math.max(0, at - CHARACTERS_BEFORE);
  // The reading may begin inside a word: that part of a word is not one.
  const partial = from > 0 && WORD_CHARACTER.test(text[from - 1]!);
  const words: TextWord[] = [];
  let hit = -1;
  for (const word of wordsOf(text, from, ascii)) {
    if (partial && word.start === from) continue;
    if (hit < 0 && word.end > at) hit = words.length;
    words.push(word);
    if (hit >= 0 && words.length >= hit + SNIPPET_WORDS) break;
  }
  const first = Math.max(0, Math.min(hit - WORDS_BEFORE, words.length - SNIPPET_WORDS));
  return words.slice(first, first + SNIPPET_WORDS);
}

/**
 * The window of the text where the most typed words meet (the first such), or null when no word of
 * the text begins with a typed word.
 */
export function matchText(typed: string, words: readonly string[]): TextMatch | null {
  // Composed, a letter and its accent are one character, as the tokenizer reads them.
  const ascii = ASCII.test(typed);
  const text = ascii ? typed : typed.normalize('NFC');
  const hits = hitsIn(foldedText(text), words);
  if (hits.length === 0) return null;
  const window = wordsAround(text, bestHit(hits), ascii);
  const first = window[0]!;
  const last = window[window.length - 1]!;
  let snippet = nextWord(text, 0, ascii) < first.start ? SNIPPET_GAP : '';
  window.forEach((word, index) => {
    if (index > 0) snippet += shownGap(text.slice(window[index - 1]!.end, word.start));
    const shown = shownWord(text.slice(word.start, word.end));
    snippet += words.some((typedWord) => word.folded.startsWith(typedWord)) ? `${MARK_START}${shown}${MARK_END}` : shown;
  });
  if (nextWord(text, last.end, ascii) >= 0) snippet += SNIPPET_GAP;
  const found = hits.reduce((mask, hit) => mask | (1 << hit.bit), 0);
  return { snippet, complete: found === 2 ** words.length - 1 };
}
