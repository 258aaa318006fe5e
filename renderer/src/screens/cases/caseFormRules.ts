import { statisticsConsentOf, type Consent } from '../../../../shared/contract';
import { ADVICE_ONLY, isFunctionReferralCode, type HandlingType, type IntakeRoute, type ReferralSource, type StatisticsConsent } from '../../../../shared/taxonomy';
import type { CaseDraft } from './caseForm/caseDraft';

/**
 * The form fills in what a rule already decides, so the adviser meets a validation message only
 * where a real choice is missing.
 */

const ROUTES_FROM_A_FUNCTION: readonly IntakeRoute[] = ['via_concerns_point', 'referred_by_function'];

/** "Via the concerns point" names its source; leaving a function route for another drops a function source. */
export function withIntakeRoute(value: Pick<CaseDraft, 'referredInBy'>, intakeRoute: IntakeRoute | null): Partial<CaseDraft> {
  if (intakeRoute === 'via_concerns_point') return { intakeRoute, referredInBy: 'concerns_point' };
  if (intakeRoute !== null && !ROUTES_FROM_A_FUNCTION.includes(intakeRoute) && isFunctionReferralCode(value.referredInBy)) return { intakeRoute, referredInBy: null };
  return { intakeRoute };
}

/** A report sent by another team function arrives by a function route. */
export function withReferredInBy(value: Pick<CaseDraft, 'intakeRoute'>, referredInBy: ReferralSource | null): Partial<CaseDraft> {
  if (!isFunctionReferralCode(referredInBy) || (value.intakeRoute !== null && ROUTES_FROM_A_FUNCTION.includes(value.intakeRoute))) return { referredInBy };
  return { referredInBy, intakeRoute: referredInBy === 'concerns_point' ? 'via_concerns_point' : 'referred_by_function' };
}

/** "Advice only" and every other handling exclude each other: the newest tick wins. */
export function withHandlings(previous: readonly HandlingType[], next: HandlingType[]): HandlingType[] {
  const added = next.filter((handling) => !previous.includes(handling));
  if (added.includes(ADVICE_ONLY)) return [ADVICE_ONLY];
  if (added.length > 0) return next.filter((handling) => handling !== ADVICE_ONLY);
  return next;
}

const isStatistics = (consent: Consent) => consent.scope === 'count_in_statistics';

/** The statistics answer is kept first, so the other consents keep stable positions after it. */
export function statisticsFirst(consents: readonly Consent[]): Consent[] {
  return [...consents.filter(isStatistics), ...consents.filter((consent) => !isStatistics(consent))];
}

export function statisticsAnswer(consents: readonly Consent[]): Consent | null {
  return consents.find(isStatistics) ?? null;
}

export function otherConsents(consents: readonly Consent[]): Consent[] {
  return consents.filter((consent) => !isStatistics(consent));
}

/** Writes the one statistics entry, or removes it for "not asked yet"; the answer is dated today. */
export function withStatisticsAnswer(consents: readonly Consent[], choice: StatisticsConsent, today: string): Consent[] {
  const others = otherConsents(consents);
  if (choice === 'not_asked') return others;
  const current = statisticsAnswer(consents);
  const givenOn = current && statisticsConsentOf(consents) === choice ? current.givenOn : today;
  return [{ scope: 'count_in_statistics', answer: choice, withWhom: '', givenOn, withdrawnOn: null }, ...others];
}
