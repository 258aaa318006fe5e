import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, describe, expect, it } from 'vitest';
import { MARK_END, MARK_START, snippetParts } from '../../shared/searchSnippet';
import { matchText, typedWords, wordsOf } from './searchText';
import { nodeAddonPath } from './vault/sqliteAddon';

/** SQLite's own tokenizer, configured as the case index is (migration 12). */
const index = new Database(':memory:', { nativeBinding: nodeAddonPath() });
index.exec(`CREATE VIRTUAL TABLE t USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');
  CREATE VIRTUAL TABLE t_terms USING fts5vocab(t, 'row');`);
afterAll(() => index.close());

function indexWords(text: string): string[] {
  index.exec('DELETE FROM t');
  index.prepare('INSERT INTO t (rowid, body) VALUES (1, ?)').run(text);
  return index.prepare('SELECT term FROM t_terms ORDER BY term').pluck().all() as string[];
}

const ourWords = (text: string) => [...new Set([...wordsOf(text.normalize('NFC'))].map((word) => word.folded))].sort();

const marked = (snippet: string) =>
  snippetParts(snippet)
    .filter((part) => part.marked)
    .map((part) => part.text);

/**
 * Where SQLite's Unicode 6.1 tables differ from JavaScript's: long s, micro sign, Greek symbol
 * forms and sigma (case-folded there, lowercased by context here), Latin letters with two accents
 * it keeps whole, letters, capitals and marks Unicode added since, the two tone marks that compose
 * to the grave and acute accents, and the invisible operators. Names and notes in any of them are
 * found all the same; such a word only goes unmarked in its snippet.
 */
const KNOWN_DIFFERENCES = new Set([
  0x00b5, 0x017f, 0x1e9b, 0x01e0, 0x01e1, 0x01e2, 0x01e3, 0x01ee, 0x01ef, 0x01fc, 0x01fd, 0x01fe, 0x01ff,
  0x019b, 0x025c, 0x0261, 0x0264, 0x026a, 0x026c, 0x0282, 0x0287, 0x029d, 0x029e, 0x0340, 0x0341, 0x0344,
  0x0374, 0x0378, 0x0379, 0x037f, 0x0380, 0x0381, 0x0382, 0x0383, 0x038b, 0x038d, 0x0390, 0x03a2, 0x03a3, 0x03b0, 0x03c2,
  0x03d0, 0x03d1, 0x03d5, 0x03d6, 0x03f0, 0x03f1, 0x03f3, 0x03f5,
  0x0528, 0x0529, 0x052a, 0x052b, 0x052c, 0x052d, 0x052e, 0x052f, 0x2065, 0x2066, 0x2067, 0x2068, 0x2069,
]);

describe('words read as the search index reads them', () => {
  it('folds case and accents exactly as SQLite’s tokenizer does, character by character through Latin, Greek, Cyrillic and the combining accents', () => {
    const ranges = [
      [0x20, 0x250],
      [0x250, 0x2b0],
      [0x300, 0x370],
      [0x370, 0x530],
      [0x1e00, 0x1f00],
      [0x2000, 0x2070],
    ] as const;
    const differing: string[] = [];
    let compared = 0;
    for (const [from, to] of ranges) {
      for (let code = from; code < to; code++) {
        if (KNOWN_DIFFERENCES.has(code)) continue;
        const character = String.fromCodePoint(code);
        for (const text of [`x${character}y`, `${character}${character.toUpperCase()}z`, `e${character}`]) {
          compared++;
          if (JSON.stringify(ourWords(text)) !== JSON.stringify(indexWords(text))) differing.push(`U+${code.toString(16)} ${text}`);
        }
      }
    }
    expect(compared).toBeGreaterThan(3_000);
    expect(differing).toEqual([]);
  });

  it('reads names and words of many languages, decomposed accents included, as the index does', () => {
    const texts = [
      'Sanne de Boer, Dekker en Jansen',
      'coördinatie één geïnformeerd café reünie',
      'İstanbul Kadıköy Şükrü Ğ ı Çelik Öztürk',
      'Łódź Wrocław Żółć Kraków',
      'Dvořák Šťastný Nguyễn Thị Hương Trần',
      'Øre Ærø Åse Straße Ĳsselmeer',
      'Ελένη Ἀθῆναι Дмитрий Йошкар-Ола',
      'Cafe\u0301 Zoe\u0308 reu\u0308nie',
      'B12 2026-014 x² ① ﬁle',
    ];
    for (const text of texts) {
      expect(ourWords(text), text).toEqual(indexWords(text));
      // Every word the index holds is found in the text and marked in its snippet.
      for (const word of indexWords(text)) expect(marked(matchText(text, [word])?.snippet ?? ''), `${text}: ${word}`).not.toEqual([]);
    }
  });
});

describe('a snippet of a text', () => {
  it('marks every word a typed word begins, accents and case folded, and nothing else', () => {
    const found = matchText('Gesprek met Sanne de Boer over de coördinatie; Café De Kroon.', typedWords('coordinatie SANNE cafe'))!;
    expect(marked(found.snippet)).toEqual(['Sanne', 'coördinatie', 'Café']);
    expect(found.complete).toBe(true);
    expect(found.snippet).toBe(`Gesprek met ${MARK_START}Sanne${MARK_END} de Boer over de ${MARK_START}coördinatie${MARK_END}; ${MARK_START}Café${MARK_END} De Kroon`);
  });

  it('gives a short window around a word deep in a long note, with gaps said at both ends', () => {
    const filler = (count: number, word: string) => Array.from({ length: count }, (_, index) => `${word}${index}`).join(' ');
    const note = `${filler(2_000, 'voor')} de bedrijfsarts belde terug ${filler(2_000, 'na')}`;
    const found = matchText(note, typedWords('bedrijfsarts'))!;
    const parts = snippetParts(found.snippet);
    expect(marked(found.snippet)).toEqual(['bedrijfsarts']);
    expect(found.snippet.startsWith('…')).toBe(true);
    expect(found.snippet.endsWith('…')).toBe(true);
    expect(parts.map((part) => part.text).join('').match(/[\p{L}\p{N}]+/gu)).toHaveLength(12);
    expect(found.snippet).toContain(`voor1999 de ${MARK_START}bedrijfsarts${MARK_END} belde terug`);
  });

  it('shows where several typed words meet, not only the first of them', () => {
    const note = `Jansen belde. ${'Verder niets bijzonders. '.repeat(30)}Later sprak Jansen met Dekker over het rooster.`;
    expect(marked(matchText(note, typedWords('dekker jansen'))!.snippet)).toEqual(['Jansen', 'Dekker']);
  });

  it('says when a typed word is missing, and finds nothing without a word beginning', () => {
    expect(matchText('Jansen belde', typedWords('jansen dekker'))).toMatchObject({ complete: false });
    expect(matchText('hetjansen', typedWords('jansen'))).toBeNull();
    expect(matchText('anything', typedWords('"*" () -'))).toBeNull();
  });

  it('keeps a very long word or a long run of punctuation short', () => {
    const found = matchText(`${'x'.repeat(5_000)} ${'='.repeat(500)} zorgen`, typedWords('zorgen'))!;
    expect(found.snippet.length).toBeLessThan(120);
    expect(marked(found.snippet)).toEqual(['zorgen']);
  });
});
