import { z } from 'zod';
import { CASE_PAGE_MAX, MAX_LIST_ITEMS, MAX_REPORTERS, SEARCH_MAX } from '../limits';
import { SNIPPET_MAX } from '../searchSnippet';
import {
  ADVICE_ONLY,
  AGE_BANDS,
  CASE_STATUSES,
  CONSENT_ANSWERS,
  CONSENT_SCOPES,
  EARLIER_PERIODS,
  EMPLOYMENT_STATUSES,
  FREQUENCIES,
  GENDERS,
  HANDLING_TYPES,
  INTAKE_ROUTES,
  NATURES,
  OTHER_PARTY_RELATIONS,
  OUTCOMES,
  RECENCIES,
  REFERRAL_SOURCES,
  REFERRAL_TARGETS,
  REPORTER_ROLES,
  STAFF_CATEGORIES,
  STATISTICS_CONSENT,
  isFunctionReferralCode,
  type StatisticsConsent,
} from '../taxonomy';
import { Count, Id, LocalDate, LocalDateTime, ShortText, uniqueList, Year } from './primitives';
import { Conversation, ConversationInput } from './conversations';
import { Mediation } from './mediation';

/**
 * Makes the named answers nullable: an incomplete case keeps NULL, never a default, where the
 * adviser has not answered yet. The complete and the incomplete schema share one field list.
 */
function leftOpen<S extends z.ZodRawShape, const K extends keyof S & string>(shape: S, keys: readonly K[]) {
  const open = Object.fromEntries(keys.map((key) => [key, (shape[key] as z.ZodType).nullable()]));
  return { ...shape, ...open } as unknown as Omit<S, K> & { [P in K]: z.ZodNullable<S[P]> };
}

const ReporterFields = {
  /** Kept only inside the vault, never exported; empty when the adviser records no name. */
  name: ShortText,
  staffCategory: z.enum(STAFF_CATEGORIES),
  employmentStatus: z.enum(EMPLOYMENT_STATUSES),
  ageBand: z.enum(AGE_BANDS),
  gender: z.enum(GENDERS).nullable(),
  unit: ShortText,
  role: z.enum(REPORTER_ROLES),
  earlierPeriod: z.enum(EARLIER_PERIODS),
  international: z.boolean().nullable(),
};
/** A reporter's statistics answers; name and unit are text, empty when not given. */
export const REPORTER_ANSWERS = ['staffCategory', 'employmentStatus', 'ageBand', 'role', 'earlierPeriod'] as const;

export const Reporter = z.object(ReporterFields).strict();
export type Reporter = z.infer<typeof Reporter>;

/** A reporter of an incomplete case: any statistics answer may still be open. */
export const OpenReporter = z.object(leftOpen(ReporterFields, REPORTER_ANSWERS)).strict();
export type OpenReporter = z.infer<typeof OpenReporter>;

export const Referral = z.object({ target: z.enum(REFERRAL_TARGETS), referredOn: LocalDate }).strict();
export type Referral = z.infer<typeof Referral>;

/** One answer of the reporter: given or refused on a date; a consent given can later be withdrawn. */
export const Consent = z
  .object({
    scope: z.enum(CONSENT_SCOPES),
    answer: z.enum(CONSENT_ANSWERS),
    withWhom: ShortText,
    /** The day the answer was given, whether yes or no. */
    givenOn: LocalDate,
    withdrawnOn: LocalDate.nullable(),
  })
  .strict()
  .refine((consent) => consent.withdrawnOn === null || consent.withdrawnOn >= consent.givenOn, {
    message: 'withdrawnBeforeGiven',
    path: ['withdrawnOn'],
  })
  .refine((consent) => consent.answer === 'given' || consent.withdrawnOn === null, { message: 'refusalNotWithdrawn', path: ['withdrawnOn'] });
export type Consent = z.infer<typeof Consent>;

export const OtherParty = z
  .object({
    relation: z.enum(OTHER_PARTY_RELATIONS).nullable(),
    hierarchical: z.boolean().nullable(),
    description: ShortText,
  })
  .strict();
export type OtherParty = z.infer<typeof OtherParty>;

const CaseFieldShape = {
  label: ShortText,
  firstContactAt: LocalDateTime,
  firstResponseAt: LocalDateTime.nullable(),
  intakeRoute: z.enum(INTAKE_ROUTES),
  referredInBy: z.enum(REFERRAL_SOURCES).nullable(),
  reporterIdentified: z.boolean(),
  reporters: z.array(Reporter).max(MAX_REPORTERS),
  natures: uniqueList(z.enum(NATURES), NATURES.length),
  otherParty: OtherParty,
  recency: z.enum(RECENCIES).nullable(),
  frequency: z.enum(FREQUENCIES).nullable(),
  peopleAffected: Count(100_000).nullable(),
  peopleBehavingBadly: Count(100_000).nullable(),
  handlings: uniqueList(z.enum(HANDLING_TYPES), HANDLING_TYPES.length),
  referrals: z.array(Referral).max(MAX_LIST_ITEMS),
  consents: z.array(Consent).max(MAX_LIST_ITEMS),
  status: z.enum(CASE_STATUSES),
  closedOn: LocalDate.nullable(),
  outcome: z.enum(OUTCOMES).nullable(),
  destroyBy: LocalDate.nullable(),
};
const CaseFields = z.object(CaseFieldShape).strict();

/** The case's statistics answers that a complete save requires and an incomplete one may leave open. */
const OpenCaseFields = z
  .object({ ...leftOpen(CaseFieldShape, ['intakeRoute', 'reporterIdentified']), reporters: z.array(OpenReporter).max(MAX_REPORTERS) })
  .strict();

type Issue = (path: (string | number)[], message: string) => void;

/** Facts every save keeps, complete or not: dates in order, a closed case dated, one statistics answer. */
function factRules(input: z.infer<typeof OpenCaseFields>, issue: Issue): void {
  const contactDate = input.firstContactAt.slice(0, 10);
  if (input.firstResponseAt !== null && input.firstResponseAt < input.firstContactAt) {
    issue(['firstResponseAt'], 'responseBeforeContact');
  }
  if (input.status === 'closed' && input.closedOn === null) issue(['closedOn'], 'closedNeedsDate');
  if (input.status === 'open' && (input.closedOn !== null || input.outcome !== null)) issue(['status'], 'openHasClosing');
  if (input.closedOn !== null && input.closedOn < contactDate) issue(['closedOn'], 'beforeFirstContact');
  input.referrals.forEach((referral, index) => {
    if (referral.referredOn < contactDate) issue(['referrals', index, 'referredOn'], 'beforeFirstContact');
  });
  if (input.consents.filter((consent) => consent.scope === 'count_in_statistics').length > 1) issue(['consents'], 'oneStatisticsAnswer');
}

/**
 * A complete case: every statistics answer and the rules between them. Dates in the future are
 * checked against the clock by the core and the form. A nature is required of every complete save
 * (a saved case without one is kept and flagged, needsAttention); it is a field rule, so the form
 * names it even while other fields are missing.
 */
export const CaseInput = CaseFields.extend({ natures: uniqueList(z.enum(NATURES), NATURES.length).min(1, 'natureNeeded') }).superRefine((input, context) => {
  const issue: Issue = (path, message) => context.addIssue({ code: 'custom', path, message });
  factRules(input, issue);
  if (input.reporterIdentified && input.reporters.length === 0) issue(['reporters'], 'reporterNeeded');
  if (input.referrals.length > 0 && !input.handlings.includes('referral')) issue(['handlings'], 'referralNeedsHandling');
  // A saved case that breaks these is kept and flagged (needsAttention), so only new saves are refused here.
  if (input.handlings.includes(ADVICE_ONLY) && input.handlings.length > 1) issue(['handlings'], 'adviceOnlyExclusive');
  // A report another team function passed on is counted there; the route and the source must agree.
  const fromFunction = isFunctionReferralCode(input.referredInBy);
  if (input.intakeRoute === 'via_concerns_point' && input.referredInBy !== 'concerns_point') issue(['referredInBy'], 'routeNeedsConcernsPoint');
  if (input.intakeRoute === 'referred_by_function' && !fromFunction) issue(['referredInBy'], 'routeNeedsFunction');
  if (fromFunction && input.intakeRoute !== 'via_concerns_point' && input.intakeRoute !== 'referred_by_function') {
    issue(['intakeRoute'], 'functionNeedsRoute');
  }
});
export type CaseInput = z.infer<typeof CaseInput>;

/** What becomes of a case's own open follow-ups when a save closes it: done today, or kept open. */
export const OPEN_STEPS_CHOICES = ['complete', 'keep'] as const;
export type OpenStepsChoice = (typeof OPEN_STEPS_CHOICES)[number];

/**
 * A complete save of a case. One that closes it may carry the answer about its own open
 * follow-ups: the close and their completion are then one transaction, so a failure leaves the
 * case and its steps as they were. Without it, the steps stay as they are.
 */
export const UpdateCaseRequest = z
  .object({ id: Id, record: CaseInput, openFollowUps: z.enum(OPEN_STEPS_CHOICES).optional() })
  .strict()
  .refine((request) => request.openFollowUps === undefined || request.record.status === 'closed', 'openFollowUpsOnlyWhenClosing');
export type UpdateCaseRequest = z.infer<typeof UpdateCaseRequest>;

/**
 * A case saved to be completed later: every statistics answer may stay open (NULL) and no rule
 * between answers applies yet; only the facts hold. It is counted nowhere until a complete save.
 */
export const IncompleteCaseInput = OpenCaseFields.superRefine((input, context) => factRules(input, (path, message) => context.addIssue({ code: 'custom', path, message })));
export type IncompleteCaseInput = z.infer<typeof IncompleteCaseInput>;

/**
 * Whether a case's statistics are complete: `incomplete` is counted nowhere and listed at the
 * export until completed, `left_out` is an incomplete case the adviser left out on purpose.
 */
export const STATISTICS_COMPLETION = ['complete', 'incomplete', 'left_out'] as const;
export type StatisticsCompletion = (typeof STATISTICS_COMPLETION)[number];

/**
 * A new case written down from its first conversation: only a label to find it by. Every statistics
 * answer stays unanswered (NULL) until the adviser completes the case.
 */
export const CaseCapture = z
  .object({
    label: ShortText.refine((label) => label.trim().length > 0, 'required'),
    conversation: ConversationInput,
  })
  .strict();
export type CaseCapture = z.infer<typeof CaseCapture>;

/** Counted in the statistics only with a consent given and not withdrawn; no answer is "not asked yet". */
export function statisticsConsentOf(consents: readonly Consent[]): StatisticsConsent {
  const answer = consents.find((consent) => consent.scope === 'count_in_statistics');
  if (!answer) return 'not_asked';
  return answer.answer === 'given' && answer.withdrawnOn === null ? 'given' : 'refused';
}

export const CaseRecord = OpenCaseFields.extend({
  id: Id,
  /** Year and sequence, e.g. 2026-014: never issued twice, whatever is deleted or restored. */
  number: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  conversations: z.array(Conversation),
  mediation: Mediation.nullable(),
  /** Saved incomplete, or before the current rules (e.g. no nature); the adviser completes it at the next edit. */
  needsAttention: z.boolean(),
  statisticsCompletion: z.enum(STATISTICS_COMPLETION),
}).strict();
export type CaseRecord = z.infer<typeof CaseRecord>;

export const CaseSummary = z
  .object({
    id: Id,
    number: z.string(),
    label: z.string(),
    firstContactAt: LocalDateTime,
    firstResponseAt: LocalDateTime.nullable(),
    intakeRoute: z.enum(INTAKE_ROUTES).nullable(),
    status: z.enum(CASE_STATUSES),
    natures: z.array(z.enum(NATURES)),
    reporterCount: z.number().int().min(0),
    conversationCount: z.number().int().min(0),
    /** The first response took, or is taking, longer than the promised 24 hours. */
    responseLate: z.boolean(),
    statisticsConsent: z.enum(STATISTICS_CONSENT),
    needsAttention: z.boolean(),
    /** Found by typed words: a few words of what was typed in the case, the matching ones marked (shared/searchSnippet.ts). */
    snippet: z.string().max(SNIPPET_MAX).nullable(),
  })
  .strict();
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CASE_SORTS = ['first_contact_desc', 'first_contact_asc', 'number_desc', 'number_asc'] as const;

export const CaseListRequest = z
  .object({
    filter: z
      .object({
        status: z.enum(CASE_STATUSES).nullable(),
        year: Year.nullable(),
        nature: z.enum(NATURES).nullable(),
        intakeRoute: z.enum(INTAKE_ROUTES).nullable(),
        openWithoutResponse: z.boolean(),
        search: z.string().max(SEARCH_MAX),
      })
      .strict(),
    sort: z.enum(CASE_SORTS),
    offset: z.number().int().min(0).max(10_000_000),
    limit: z.number().int().min(1).max(CASE_PAGE_MAX),
  })
  .strict();
export type CaseListRequest = z.infer<typeof CaseListRequest>;
export type CaseFilter = CaseListRequest['filter'];

export const CaseListResponse = z.object({ total: z.number().int().min(0), rows: z.array(CaseSummary) }).strict();

/** An earlier case with the same nature and other party, to keep handling consistent. */
export const ComparableCase = z
  .object({
    id: Id,
    number: z.string(),
    label: z.string(),
    firstContactAt: LocalDateTime,
    status: z.enum(CASE_STATUSES),
    natures: z.array(z.enum(NATURES)),
    handlings: z.array(z.enum(HANDLING_TYPES)),
    outcome: z.enum(OUTCOMES).nullable(),
  })
  .strict();
export type ComparableCase = z.infer<typeof ComparableCase>;
