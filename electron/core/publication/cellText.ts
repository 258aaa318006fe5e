import type { PublicationCell } from '../../../shared/schemas/publication';
import { shownCount, shownPercent } from '../../../shared/publication/shown';

/** A cell as the document prints it: "12", "<5", "×", "53%", "+3". */
export function cellText(cell: PublicationCell, k: number): string {
  switch (cell.kind) {
    case 'count':
      return shownCount(cell.value, k);
    case 'percent':
      return shownPercent(cell.value, k);
    case 'change':
      return cell.value === null ? '' : cell.value > 0 ? `+${cell.value}` : String(cell.value);
    case 'text':
      return cell.value;
  }
}

/**
 * Text a spreadsheet would take for a formula (or for DDE) starts with one of these; such text is
 * written with a leading apostrophe so it stays text. Numbers are never passed through here.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralised(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
