import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { numberedGroups } from '../../../test/support/recoverySheetGroups';
import { formatRecoveryKey, newRandomKey } from './keys';
import { recoverySheetPdf } from './recoverySheet';

const folder = mkdtempSync(join(tmpdir(), 'recovery-sheet-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const KEY = formatRecoveryKey(newRandomKey());

/** Read back by poppler, a PDF reader that is not ours. */
function readBack(language: 'nl' | 'en', pdf: Uint8Array) {
  const path = join(folder, `${language}.pdf`);
  writeFileSync(path, pdf);
  return { path, info: execFileSync('pdfinfo', [path], { encoding: 'utf8' }), text: execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }) };
}

describe('the recovery sheet', () => {
  it('is one A4 page with the whole key, the date and how to use it, in Dutch', async () => {
    const { info, text } = readBack('nl', await recoverySheetPdf(KEY, 'nl', '2026-12-04'));
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(text).toContain('Confidant — herstelblad');
    expect(text).toContain('Gemaakt op 4 december 2026');
    expect(text).toContain('Wachtwoordzin vergeten?');
    expect(text).toContain('Het nummer boven elke groep hoort niet bij de sleutel');
  });

  it('numbers the groups 1 to 13 as the recovery key check asks for them, each number over its group', async () => {
    const { path } = readBack('nl', await recoverySheetPdf(KEY, 'nl', '2026-12-04'));
    const { numbers, groups } = numberedGroups(path);
    expect(numbers).toEqual(Array.from({ length: 13 }, (_, index) => index + 1));
    expect(groups.join('-')).toBe(KEY);
  });

  it('is written in English for an English interface', async () => {
    const { path, info, text } = readBack('en', await recoverySheetPdf(KEY, 'en', '2026-12-04'));
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(text).toContain('Confidant — recovery sheet');
    expect(text).toContain('Made on 4 December 2026');
    expect(text).toContain('The number above each group is not part of the key');
    expect(numberedGroups(path).groups.join('-')).toBe(KEY);
  });
});
