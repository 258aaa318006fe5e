import { z } from 'zod';
import { Id, LocalDate } from './primitives';

/**
 * A report of a suspected wrongdoing handled under the organisation's whistleblower procedure.
 * The law's two deadlines are follow-ups of the case: the confirmation of receipt and the
 * feedback on what was done with the report.
 */
export const PROCEDURE_DEADLINES = ['procedure_confirmation', 'procedure_feedback'] as const;
export type ProcedureDeadlineKind = (typeof PROCEDURE_DEADLINES)[number];

/**
 * `met`: done on or before its date; `missed`: done after it; `overdue`: not done and its date
 * has passed (missed too, and still to be done); `open`: not done, its date still ahead.
 */
export const DEADLINE_STATUSES = ['met', 'missed', 'overdue', 'open'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

export const ProcedureDeadline = z
  .object({ id: Id, kind: z.enum(PROCEDURE_DEADLINES), dueDate: LocalDate, doneOn: LocalDate.nullable(), status: z.enum(DEADLINE_STATUSES) })
  .strict();
export type ProcedureDeadline = z.infer<typeof ProcedureDeadline>;

export const ProcedureReport = z.object({ receivedOn: LocalDate, deadlines: z.array(ProcedureDeadline).length(2) }).strict();
export type ProcedureReport = z.infer<typeof ProcedureReport>;

/** A case's procedure, and whether this vault's function may mark a case (the setting of the receiving functions). */
export const CaseProcedure = z.object({ mayMark: z.boolean(), report: ProcedureReport.nullable() }).strict();
export type CaseProcedure = z.infer<typeof CaseProcedure>;

/** Marks the case, or corrects the date of receipt of a case already marked: its deadlines move with it. */
export const MarkProcedureRequest = z.object({ caseId: Id, receivedOn: LocalDate }).strict();

/**
 * A deadline done, with the day it was done; for the confirmation, the day it was sent, from
 * which the feedback is due. Sent again with another day, it corrects that day.
 */
export const CompleteDeadlineRequest = z.object({ id: Id, doneOn: LocalDate }).strict();
