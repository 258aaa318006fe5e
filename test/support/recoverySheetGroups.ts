import { execFileSync } from 'node:child_process';

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  yMax: number;
}

/**
 * The key's groups as a recovery sheet numbers them, read by poppler (a PDF reader that is not
 * ours): each number with the group printed right under it, in the order of the numbers. The
 * numbers must run 1, 2, 3… for the answer to be the key.
 */
export function numberedGroups(pdfPath: string): { numbers: number[]; groups: string[] } {
  const html = execFileSync('pdftotext', ['-bbox', pdfPath, '-'], { encoding: 'utf8' });
  const words: Word[] = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((match) => ({
    xMin: Number(match[1]),
    yMin: Number(match[2]),
    yMax: Number(match[3]),
    text: match[4]!,
  }));
  const under = (number: Word) =>
    words.find((word) => /^[0-9A-Z]{1,4}$/.test(word.text) && Math.abs(word.xMin - number.xMin) < 0.5 && word.yMin > number.yMax && word.yMin - number.yMax < 12);
  // A number is printed smaller than the groups, so a group of four digits is not taken for one.
  const isNumber = (word: Word) => /^\d+$/.test(word.text) && word.yMax - word.yMin < 12;
  const numbered = words.filter((word) => isNumber(word) && under(word)).map((word) => ({ number: Number(word.text), group: under(word)!.text }));
  return { numbers: numbered.map(({ number }) => number), groups: numbered.map(({ group }) => group) };
}
