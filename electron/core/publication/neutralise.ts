/**
 * Text a spreadsheet would take for a formula (or for DDE) starts with one of these; such text is
 * written with a leading apostrophe so it stays text. Numbers are never passed through here.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralised(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
