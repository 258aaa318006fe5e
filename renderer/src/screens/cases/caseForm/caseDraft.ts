import type { CaseInput, IncompleteCaseInput, OpenReporter } from '../../../../../shared/contract';
import { localMinute } from '../../../../../shared/time';

export const today = () => localMinute(new Date()).slice(0, 10);

/**
 * The case as the form holds it: every statistics answer stays unchosen (null) until the adviser
 * picks one, so no default is ever saved as an answer. `reporterIdentified` is false once "not
 * identified" is ticked and null otherwise; what that means is settled at the save.
 */
export type CaseDraft = IncompleteCaseInput;

/**
 * A fresh case. The first contact is left empty for the adviser to fill in: a guessed "now" would
 * put yesterday's call, and a referral made that day, after the first contact.
 */
export function emptyCase(): CaseDraft {
  return {
    label: '',
    firstContactAt: '',
    firstResponseAt: null,
    intakeRoute: null,
    referredInBy: null,
    reporterIdentified: null,
    reporters: [newReporter()],
    natures: [],
    otherParty: { relation: null, hierarchical: null, description: '' },
    recency: null,
    frequency: null,
    peopleAffected: null,
    peopleBehavingBadly: null,
    handlings: [],
    referrals: [],
    consents: [],
    status: 'open',
    closedOn: null,
    outcome: null,
    destroyBy: null,
  };
}

// No default becomes a statistic: what the adviser does not choose is not counted as chosen.
export function newReporter(): OpenReporter {
  return {
    name: '',
    staffCategory: null,
    employmentStatus: null,
    ageBand: null,
    gender: null,
    unit: '',
    role: null,
    earlierPeriod: null,
    international: null,
  };
}

/** A reporter row the adviser left untouched: nothing of it is a reporter. */
export function isEmptyReporter(reporter: OpenReporter): boolean {
  const empty = newReporter();
  return (Object.keys(empty) as (keyof OpenReporter)[]).every((key) => reporter[key] === empty[key]);
}

/**
 * For the complete save, as before: unless "not identified" is ticked the reporter is identified,
 * and the shared rule then asks for a reporter.
 */
export function forCompleteSave(draft: CaseDraft): Omit<CaseDraft, 'reporterIdentified'> & Pick<CaseInput, 'reporterIdentified'> {
  return { ...draft, reporterIdentified: draft.reporterIdentified !== false };
}

/**
 * For the save that completes later: untouched reporter rows are dropped, and whether the reporter
 * is identified stays open (NULL) until a reporter is entered or "not identified" is ticked.
 */
export function forIncompleteSave(draft: CaseDraft): CaseDraft {
  const reporters = draft.reporters.filter((reporter) => !isEmptyReporter(reporter));
  return { ...draft, reporters, reporterIdentified: draft.reporterIdentified === false ? false : reporters.length > 0 ? true : null };
}
