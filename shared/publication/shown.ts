import type { Language } from '../schemas/primitives';
import type { PublicationCell } from '../schemas/publication';
import type { Percent, Published } from '../schemas/teamReport';

/** The mark of a complementary-suppressed cell; the footnote says what it means. */
export const COMPLEMENT_MARK = '×';

/**
 * A count as every form of the publication prints it: the number, "<k" for a small count, "×" for
 * a count hidden only to protect a small one. Null (no total) prints as nothing.
 */
export function shownCount(value: Published | null, k: number): string {
  if (value === null) return '';
  if (value === 'small') return `<${k}`;
  if (value === 'complement') return COMPLEMENT_MARK;
  return String(value);
}

/** A hidden percentage carries its count's mark, so it cannot be multiplied back into the count. */
export function shownPercent(percent: Percent, k: number): string {
  if (percent === null) return '—';
  if (typeof percent === 'string') return shownCount(percent, k);
  return `${percent}%`;
}

export const isSuppressed = (value: Published | Percent): value is 'small' | 'complement' => typeof value === 'string';

/** A number with a decimal as the language writes it: "2,5" in Dutch, "2.5" in English. */
export function decimalText(value: number, language: Language): string {
  return language === 'nl' ? String(value).replace('.', ',') : String(value);
}

/** A document cell as every format prints it: "12", "<5", "×", "53%", "+3", "2,5". */
export function cellText(cell: PublicationCell, k: number, language: Language): string {
  switch (cell.kind) {
    case 'count':
      return shownCount(cell.value, k);
    case 'percent':
      return shownPercent(cell.value, k);
    case 'change':
      return cell.value === null ? '' : cell.value > 0 ? `+${cell.value}` : String(cell.value);
    case 'ratio':
      return cell.value === null ? '—' : `${decimalText(cell.value, language)}${cell.percent ? '%' : ''}`;
    case 'text':
      return cell.value;
  }
}
