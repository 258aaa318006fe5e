import { execFileSync } from 'node:child_process';
import { PRINT_MARGINS_MM } from '../../shared/publication/printLayout';
import type { PublicationDocument } from '../../shared/schemas/publication';

/** A word as poppler places it on its page, in points from the top left. */
export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/**
 * Every word of a PDF with its box, read by poppler's `pdftotext -bbox` (a reader that is not
 * ours). Poppler leaves out what lies outside the page, so a column cut at the edge is missing.
 */
export function pdfWords(path: string): { pages: { width: number; height: number }[]; words: PdfWord[] } {
  const html = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8' });
  const pages: { width: number; height: number }[] = [];
  const words: PdfWord[] = [];
  for (const [, width, height, body] of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    pages.push({ width: Number(width), height: Number(height) });
    for (const [, xMin, yMin, xMax, yMax, text] of body!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      words.push({ page: pages.length - 1, text: decode(text!), xMin: Number(xMin), yMin: Number(yMin), xMax: Number(xMax), yMax: Number(yMax) });
    }
  }
  return { pages, words };
}

const decode = (text: string) => text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

/** The smallest glyph height, in points, a table's words may have. */
export const MIN_GLYPH_POINTS = 8;
const POINTS_PER_MM = 72 / 25.4;

/**
 * What of the publication's tables the PDF does not show whole: a word of a column header, of a
 * chart's label or a "Totaal" missing, outside the page's margins (where a chart cuts a label that
 * runs off its left edge) or smaller than 8 pt (Chromium shrinks a page whose content is too
 * wide). Empty when every table fits its page and reads.
 */
export function layoutProblems(path: string, document: PublicationDocument): string[] {
  const { pages, words } = pdfWords(path);
  const problems: string[] = [];
  const byText = new Map<string, PdfWord[]>();
  for (const word of words) byText.set(word.text, [...(byText.get(word.text) ?? []), word]);
  const check = (text: string, where: string, times = 1) => {
    const found = byText.get(text) ?? [];
    if (found.length < times) problems.push(`${where}: "${text}" printed ${found.length} of ${times} times`);
    for (const word of found) {
      const page = pages[word.page]!;
      const [left, right] = [PRINT_MARGINS_MM.left * POINTS_PER_MM - 0.5, page.width - PRINT_MARGINS_MM.right * POINTS_PER_MM + 0.5];
      if (word.xMin < left || word.xMax > right || word.yMin < 0 || word.yMax > page.height) problems.push(`${where}: "${text}" outside the margins of page ${word.page + 1}`);
      if (word.yMax - word.yMin < MIN_GLYPH_POINTS) problems.push(`${where}: "${text}" ${(word.yMax - word.yMin).toFixed(1)} pt high`);
    }
  };
  const total = document.language === 'nl' ? 'Totaal' : 'Total';
  let totals = 0;
  for (const table of document.sections.flatMap((section) => section.tables)) {
    for (const column of table.columns) for (const word of column.label.split(/\s+/)) check(word, `${table.id} header`);
    for (const bar of table.chart ?? []) for (const word of bar.label.split(/\s+/)) check(word, `${table.id} chart`);
    totals += table.columns.filter((column) => column.code === 'total').length + table.rows.filter((row) => row.total).length;
  }
  check(total, 'totals', totals);
  return problems;
}
