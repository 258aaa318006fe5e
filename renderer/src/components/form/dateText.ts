import { format, isValid, parse } from 'date-fns';

/** What the date fields store: `yyyy-MM-dd` for a day, `yyyy-MM-ddTHH:mm` for a moment (local time, as the core expects). */
export type DateKind = 'date' | 'datetime-local';

const STORED: Record<DateKind, string> = { date: 'yyyy-MM-dd', 'datetime-local': "yyyy-MM-dd'T'HH:mm" };
const STORED_SHAPE: Record<DateKind, RegExp> = { date: /^\d{4}-\d{2}-\d{2}$/, 'datetime-local': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/ };
/** Day first in both languages (the Dutch and British habit), 24-hour clock. */
const SHOWN: Record<DateKind, string> = { date: 'dd-MM-yyyy', 'datetime-local': 'dd-MM-yyyy HH:mm' };

/**
 * What an adviser may type: day-month-year with `-`, `/`, `.` or a space between, one or two
 * digits for day and month, four for the year; the time after a space as 9:30 or 09.30. An ISO
 * date is accepted too (pasted from elsewhere). Parsing is strict: 31-02-2026 is no date.
 */
const TYPED: Record<DateKind, { pattern: RegExp; layout: string }[]> = {
  date: [
    { pattern: /^(\d{1,2})\D(\d{1,2})\D(\d{4})$/, layout: 'd-M-yyyy' },
    { pattern: /^(\d{4})-(\d{1,2})-(\d{1,2})$/, layout: 'yyyy-M-d' },
  ],
  'datetime-local': [
    { pattern: /^(\d{1,2})\D(\d{1,2})\D(\d{4})[\sT,]+(\d{1,2})\D(\d{2})$/, layout: 'd-M-yyyy-H-mm' },
    { pattern: /^(\d{4})-(\d{1,2})-(\d{1,2})[\sT]+(\d{1,2})\D(\d{2})$/, layout: 'yyyy-M-d-H-mm' },
  ],
};

const REFERENCE = new Date(2000, 0, 1);

/** The stored value for typed text, or null when the text is not (yet) a whole, real date. */
export function storedFromTyped(text: string, kind: DateKind): string | null {
  const trimmed = text.trim();
  for (const { pattern, layout } of TYPED[kind]) {
    const parts = pattern.exec(trimmed);
    if (!parts) continue;
    const date = parse(parts.slice(1).join('-'), layout, REFERENCE);
    return isValid(date) ? format(date, STORED[kind]) : null;
  }
  return null;
}

/** The text shown for a stored value; a value that is not a stored date is shown as it is. */
export function typedFromStored(value: string, kind: DateKind): string {
  if (!STORED_SHAPE[kind].test(value)) return value;
  const date = parse(value, STORED[kind], REFERENCE);
  return isValid(date) ? format(date, SHOWN[kind]) : value;
}
