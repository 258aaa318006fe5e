import { z } from 'zod';
import { Id, LocalDate } from './primitives';

/**
 * A follow-up is the adviser's own next step (`own`), or a deadline the law sets for a case: the
 * whistleblower procedure's confirmation of receipt and feedback, or the answer to a reporter's
 * access request. A legal one is never removed by hand, only completed with the date it was done.
 */
export const FOLLOW_UP_KINDS = ['own', 'procedure_confirmation', 'procedure_feedback', 'access_request'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];
export const LEGAL_FOLLOW_UP_KINDS = ['procedure_confirmation', 'procedure_feedback', 'access_request'] as const satisfies readonly FollowUpKind[];

export function isLegalFollowUp(kind: FollowUpKind): boolean {
  return (LEGAL_FOLLOW_UP_KINDS as readonly FollowUpKind[]).includes(kind);
}

/** A next step in the adviser's words: a line or two, never a note (the vault's table refuses more). */
export const FOLLOW_UP_TEXT_MAX = 2000;

/** A time of day to the minute, as time inputs give it: 09:30. */
export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalidTime');

export const FollowUpText = z
  .string()
  .max(FOLLOW_UP_TEXT_MAX, 'tooLong')
  .regex(/^[^\p{Cc}]*$/u, 'invalidCharacters')
  .refine((text) => text.trim().length > 0, 'required');

/** The adviser's own next step on a case, or on one of its conversations. */
export const FollowUpInput = z
  .object({
    caseId: Id,
    conversationId: Id.nullable(),
    dueDate: LocalDate,
    dueTime: LocalTime.nullable(),
    text: FollowUpText,
  })
  .strict();
export type FollowUpInput = z.infer<typeof FollowUpInput>;

export const FollowUp = z
  .object({
    id: Id,
    caseId: Id,
    conversationId: Id.nullable(),
    kind: z.enum(FOLLOW_UP_KINDS),
    /** Empty for a legal kind: its label and legal basis come from the kind. */
    text: z.string(),
    dueDate: z.string(),
    dueTime: z.string().nullable(),
    doneOn: z.string().nullable(),
  })
  .strict();
export type FollowUp = z.infer<typeof FollowUp>;

/** A follow-up as Today lists it: with its case's number and label, one click from the case. */
export const DueFollowUp = FollowUp.extend({ caseNumber: z.string(), caseLabel: z.string() }).strict();
export type DueFollowUp = z.infer<typeof DueFollowUp>;

/**
 * What is open and due by the end of this week (Monday to Sunday), by the core's date: past its
 * day, due today, and later this week.
 */
export const DueFollowUps = z
  .object({
    today: z.string(),
    overdue: z.array(DueFollowUp),
    dueToday: z.array(DueFollowUp),
    laterThisWeek: z.array(DueFollowUp),
  })
  .strict();
export type DueFollowUps = z.infer<typeof DueFollowUps>;

/** A case's follow-ups, open first, with the core's date to tell overdue ones by. */
export const CaseFollowUps = z.object({ today: z.string(), followUps: z.array(FollowUp) }).strict();
export type CaseFollowUps = z.infer<typeof CaseFollowUps>;

export const CompleteFollowUpRequest = z.object({ id: Id, doneOn: LocalDate }).strict();
export const MoveFollowUpRequest = z.object({ id: Id, dueDate: LocalDate, dueTime: LocalTime.nullable() }).strict();
/** Closing a case: its own open follow-ups done on that day; legal ones stay open. */
export const CompleteOpenFollowUpsRequest = z.object({ caseId: Id, doneOn: LocalDate }).strict();
