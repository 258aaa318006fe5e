/**
 * Text a spreadsheet would take for a formula (or for DDE) starts with one of these. A CSV read
 * with another separator than it was written with (a comma file opened by Dutch Excel, which
 * splits at `;`), or a line break inside a quoted cell read by a naive reader, starts a new cell
 * in the middle of a text; so such a character gets a leading apostrophe at the start and after
 * every separator or line break. Numbers are never passed through here.
 */
const FORMULA_START = /(^|[,;\t\r\n])(?=[=+\-@\t\r])/g;

export function neutralised(text: string): string {
  return text.replace(FORMULA_START, "$1'");
}
