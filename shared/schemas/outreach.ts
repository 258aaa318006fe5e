import { z } from 'zod';
import { ACTIVITY_TYPES, NATURES } from '../taxonomy';
import { Count, Id, LocalDate, ShortText } from './primitives';

/** A concern that is not a report: counted in the annual figures, tied to no case. */
export const SignalInput = z.object({ notedOn: LocalDate, unit: ShortText, theme: z.enum(NATURES), note: ShortText }).strict();
export type SignalInput = z.infer<typeof SignalInput>;
export const Signal = SignalInput.extend({ id: Id }).strict();
export type Signal = z.infer<typeof Signal>;

export const ActivityInput = z
  .object({ heldOn: LocalDate, type: z.enum(ACTIVITY_TYPES), audience: ShortText, attendees: Count(100_000) })
  .strict();
export type ActivityInput = z.infer<typeof ActivityInput>;
export const Activity = ActivityInput.extend({ id: Id }).strict();
export type Activity = z.infer<typeof Activity>;
