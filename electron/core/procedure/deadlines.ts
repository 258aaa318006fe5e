import { addDays, addMonths, format, parseISO } from 'date-fns';
import type { DeadlineStatus } from '../../../shared/schemas/procedure';

/** The confirmation of receipt is due within seven days of receiving the report (Wbk art. 2; EU 2019/1937 art. 9(1)(b)). */
export const CONFIRMATION_DAYS = 7;
/** Feedback on the follow-up is due within three months of the confirmation (EU 2019/1937 art. 9(1)(f)). */
export const FEEDBACK_MONTHS = 3;

const day = (date: Date) => format(date, 'yyyy-MM-dd');

/** Calendar days, counted on local dates: a summer-time change never moves a deadline. */
export function confirmationDue(receivedOn: string): string {
  return day(addDays(parseISO(receivedOn), CONFIRMATION_DAYS));
}

/**
 * Three months from the day the confirmation was sent, or, when none was sent, from the end of
 * the seven days. A month later than the last day of a shorter month is that month's last day
 * (30 November gives 28 February), so the deadline never runs into the month after.
 */
export function feedbackDue(receivedOn: string, confirmationSentOn: string | null): string {
  return day(addMonths(parseISO(confirmationSentOn ?? confirmationDue(receivedOn)), FEEDBACK_MONTHS));
}

/** Met when done on or before its date; missed when done after it, or still open after it. */
export function deadlineStatus(dueDate: string, doneOn: string | null, today: string): DeadlineStatus {
  if (doneOn !== null) return doneOn <= dueDate ? 'met' : 'missed';
  return today > dueDate ? 'overdue' : 'open';
}
