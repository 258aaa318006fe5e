import { z } from 'zod';
import { SEARCH_MAX } from '../limits';
import { SNIPPET_MAX } from '../searchSnippet';
import { ACTIVITY_TYPES, BOARD_ADVICE_RESPONSES, NATURES } from '../taxonomy';
import { Count, Id, Language, LocalDate, ShortText } from './primitives';

/** A concern that is not a report: counted in the annual figures, tied to no case. */
export const SignalInput = z.object({ notedOn: LocalDate, unit: ShortText, theme: z.enum(NATURES), note: ShortText }).strict();
export type SignalInput = z.infer<typeof SignalInput>;
export const Signal = SignalInput.extend({ id: Id }).strict();
export type Signal = z.infer<typeof Signal>;

/** The themes are searched by their names in the adviser's language. */
export const SignalSearchRequest = z.object({ search: z.string().max(SEARCH_MAX), language: Language }).strict();
/** The newest signals found; the rest are counted. */
export const SIGNAL_HITS_MAX = 50;
export const SignalHit = z.object({ id: Id, notedOn: LocalDate, theme: z.enum(NATURES), snippet: z.string().max(SNIPPET_MAX) }).strict();
export type SignalHit = z.infer<typeof SignalHit>;
export const SignalSearchResponse = z.object({ total: z.number().int().min(0), rows: z.array(SignalHit).max(SIGNAL_HITS_MAX) }).strict();
export type SignalSearchResponse = z.infer<typeof SignalSearchResponse>;

export const ActivityInput = z
  .object({ heldOn: LocalDate, type: z.enum(ACTIVITY_TYPES), audience: ShortText, attendees: Count(100_000) })
  .strict();
export type ActivityInput = z.infer<typeof ActivityInput>;
export const Activity = ActivityInput.extend({ id: Id }).strict();
export type Activity = z.infer<typeof Activity>;

/**
 * Formal written advice to the board to start an investigation: a team action that may follow
 * several reports, so it is recorded beside the cases, not in one.
 */
export const BoardAdviceInput = z
  .object({
    givenOn: LocalDate,
    reportsConcerned: Count(10_000).refine((count) => count >= 1, 'atLeastOne'),
    response: z.enum(BOARD_ADVICE_RESPONSES),
    note: ShortText,
  })
  .strict();
export type BoardAdviceInput = z.infer<typeof BoardAdviceInput>;
export const BoardAdvice = BoardAdviceInput.extend({ id: Id }).strict();
export type BoardAdvice = z.infer<typeof BoardAdvice>;
