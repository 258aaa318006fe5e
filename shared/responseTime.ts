import { FIRST_RESPONSE_PROMISE_HOURS } from './limits';
import { localMinute } from './time';

const asInstant = (localDateTime: string) => new Date(`${localDateTime}:00Z`).getTime();

/**
 * The team promises a first response within 24 hours of first contact. Late means it took
 * longer, or, for an open case still without a response, that the 24 hours have passed.
 */
export function isResponseLate(
  firstContactAt: string,
  firstResponseAt: string | null,
  status: 'open' | 'closed',
  now: Date,
): boolean {
  const respondedAt = firstResponseAt ?? (status === 'open' ? localMinute(now) : null);
  if (respondedAt === null) return false;
  return asInstant(respondedAt) - asInstant(firstContactAt) > FIRST_RESPONSE_PROMISE_HOURS * 3_600_000;
}
