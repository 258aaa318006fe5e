import { z } from 'zod';
import { NOTE_MAX, SHORT_TEXT_MAX } from '../limits';

/**
 * Messages of custom checks are translation keys (`validation.<key>`), so the renderer shows
 * the same rule the core enforces in the adviser's language.
 */
/** The years any record, period or report can fall in: a typo like 9999 is refused, not counted as nothing. */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2100;

function isRealDate(value: string): boolean {
  const year = Number(value.slice(0, 4));
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return false;
  const parsed = new Date(`${value.length === 10 ? `${value}T00:00` : value}:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, value.length) === value;
}

/** A local date and time to the minute, as date-time inputs give it: 2026-03-14T09:30. */
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'invalidDate')
  .refine(isRealDate, 'invalidDate');

/** A calendar date: 2026-03-14. */
export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'invalidDate')
  .refine(isRealDate, 'invalidDate');

/** No control characters except line breaks and tabs in notes; none at all in short text. */
export const ShortText = z
  .string()
  .max(SHORT_TEXT_MAX, 'tooLong')
  .regex(/^[^\p{Cc}]*$/u, 'invalidCharacters');

export const Note = z
  .string()
  .max(NOTE_MAX, 'tooLong')
  .refine((text) => !/(?![\t\n\r])\p{Cc}/u.test(text), 'invalidCharacters');

/** A calendar year in the same range as every date. */
export const Year = z.number().int().min(EARLIEST_YEAR).max(LATEST_YEAR);

export const Id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const Count = (max: number) => z.number().int().min(0).max(max);

/** A list where each value may appear once. */
export function uniqueList<T extends z.ZodTypeAny>(item: T, max: number) {
  return z
    .array(item)
    .max(max)
    .refine((values) => new Set(values).size === values.length, 'duplicate');
}

/** The two languages of the interface and of the publication. */
export const Language = z.enum(['nl', 'en']);
export type Language = z.infer<typeof Language>;
