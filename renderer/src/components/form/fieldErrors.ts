import type { z } from 'zod';

/** Path of a field in a form value, as zod reports it: `reporters.0.unit`. */
export type FieldErrors = Record<string, string>;

const OWN_MESSAGES = new Set([
  'invalidDate',
  'invalidTime',
  'tooLong',
  'invalidCharacters',
  'duplicate',
  'required',
  'responseBeforeContact',
  'closedNeedsDate',
  'openHasClosing',
  'beforeFirstContact',
  'reporterNeeded',
  'referralNeedsHandling',
  'withdrawnBeforeGiven',
  'consentNeedsDate',
  'hearingNeedsConsent',
  'hearingBeforeConsent',
  'periodReversed',
  'natureNeeded',
  'adviceOnlyExclusive',
  'routeNeedsConcernsPoint',
  'routeNeedsFunction',
  'functionNeedsRoute',
  'oneStatisticsAnswer',
  'refusalNotWithdrawn',
  'periodOneYear',
  'externalOnlyFaculty',
  'groupNeedsTwo',
  'unknownCode',
  'codeInTwoGroups',
  'atLeastOne',
]);

/** The value a path points at, to tell a choice not made from a wrong one. */
function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((current, key) => (current !== null && typeof current === 'object' ? (current as Record<PropertyKey, unknown>)[key] : undefined), value);
}

function messageKey(issue: z.core.$ZodIssue, value: unknown): string {
  if (OWN_MESSAGES.has(issue.message)) return issue.message;
  if ((issue.code === 'invalid_value' || issue.code === 'invalid_type') && valueAt(value, issue.path) === null) return 'chooseOne';
  if (issue.code === 'too_big') return 'tooLarge';
  if (issue.code === 'too_small') return 'tooSmall';
  return 'invalidValue';
}

/**
 * The same schema the core enforces, run in the form, turned into one message key per field;
 * fields that lie in the future are added from the shared future-date rule.
 */
export function fieldErrors<T>(schema: z.ZodType<T>, value: unknown, futurePaths: (string | number)[][] = []): FieldErrors {
  const errors: FieldErrors = {};
  const result = schema.safeParse(value);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.join('.');
      errors[path] ??= messageKey(issue, value);
    }
  }
  for (const path of futurePaths) errors[path.join('.')] ??= 'futureDate';
  return errors;
}

export const hasErrors = (errors: FieldErrors) => Object.keys(errors).length > 0;
