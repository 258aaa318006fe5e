/**
 * The common registration everyone uses the same way. Codes are stable: they are stored in
 * vaults and written into exports, so a code never changes meaning and is never reused; a
 * retired code stays in its list. Labels live in the renderer's translations under
 * `taxonomy.<list>.<code>`, in Dutch and English.
 */

/**
 * The function a vault belongs to; it decides which parts show and travels into the export.
 * Retired: `external_confidential_adviser` (schema 4 and earlier) is now a faculty adviser with
 * the external flag, so an external faculty adviser never lands in the team's own totals.
 */
export const VAULT_FUNCTIONS = [
  'concerns_point_coordinator',
  'ombudsperson',
  'central_confidential_adviser',
  'faculty_confidential_adviser',
] as const;
export type VaultFunction = (typeof VAULT_FUNCTIONS)[number];

/** The functions whose reports make up the team's own totals; faculty advisers are listed apart. */
export const TEAM_SECTION_FUNCTIONS: readonly VaultFunction[] = ['concerns_point_coordinator', 'ombudsperson', 'central_confidential_adviser'];

/**
 * A team function as the other end of a referral: the same code names it as a source (who
 * referred the reporter here) and as a target (where this function referred the reporter).
 */
export const FUNCTION_REFERRAL_CODES = ['concerns_point', 'ombudsperson', 'confidential_adviser', 'faculty_adviser'] as const;
export type FunctionReferralCode = (typeof FUNCTION_REFERRAL_CODES)[number];

export const REFERRAL_CODE_OF_FUNCTION: Record<VaultFunction, FunctionReferralCode> = {
  concerns_point_coordinator: 'concerns_point',
  ombudsperson: 'ombudsperson',
  central_confidential_adviser: 'confidential_adviser',
  faculty_confidential_adviser: 'faculty_adviser',
};

/**
 * Functions one person holds: a report cannot come to them from themselves. Several central or
 * faculty advisers can pass a report to a colleague of the same function.
 */
export function ownReferralCode(fn: VaultFunction): FunctionReferralCode | null {
  return fn === 'concerns_point_coordinator' || fn === 'ombudsperson' ? REFERRAL_CODE_OF_FUNCTION[fn] : null;
}

export function isFunctionReferralCode(code: string | null): code is FunctionReferralCode {
  return code !== null && (FUNCTION_REFERRAL_CODES as readonly string[]).includes(code);
}

export const INTAKE_ROUTES = [
  'direct',
  'via_concerns_point',
  'referred_by_function',
  'national_desk_threatened_scientists',
  'other',
] as const;
export type IntakeRoute = (typeof INTAKE_ROUTES)[number];

/**
 * Who sent the reporter here: the mirror of the referrals this function makes. A report sent by
 * another team function was first received there and is counted there, not here.
 */
export const REFERRAL_SOURCES = [
  'concerns_point',
  'confidential_adviser',
  'ombudsperson',
  'faculty_adviser',
  'hr_adviser',
  'manager',
  'company_doctor',
  'colleague',
  'self',
  'other',
] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

/**
 * Retired: `former_employee` and `seconded_external` (schema 4 and earlier) became the employment
 * status below, so a former academic is counted both as academic staff and as a former employee.
 */
/** `unknown` is the adviser's explicit answer ("the reporter did not say"); a case from before it was offered counts as not recorded. */
export const STAFF_CATEGORIES = ['academic_staff', 'support_staff', 'phd_candidate', 'postdoc', 'student', 'other', 'unknown'] as const;
export type StaffCategory = (typeof STAFF_CATEGORIES)[number];

export const EMPLOYMENT_STATUSES = ['current', 'former', 'seconded'] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];

/** Whether the events lie in an earlier period and are reported only now (e.g. during the PhD). */
export const EARLIER_PERIODS = ['not_earlier', 'during_phd', 'other_earlier_period'] as const;
export type EarlierPeriod = (typeof EARLIER_PERIODS)[number];

export const AGE_BANDS = ['under_25', 'age_25_34', 'age_35_44', 'age_45_54', 'age_55_plus', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const GENDERS = ['woman', 'man', 'non_binary', 'not_stated'] as const;
export type Gender = (typeof GENDERS)[number];

export const REPORTER_ROLES = [
  'directly_affected',
  'bystander',
  'manager_or_hr_seeking_advice',
  'accused_seeking_support',
  'witness',
  'unknown',
] as const;
export type ReporterRole = (typeof REPORTER_ROLES)[number];

/** Several may apply to one case: the nature of a report is rarely black and white. */
export const NATURES = [
  'intimidation',
  'sexual_harassment',
  'aggression_violence',
  'discrimination',
  'discrimination_racism',
  'discrimination_disability',
  'bullying',
  'threats',
  'labour_law_question',
  'labour_conflict',
  'cooperation_problems',
  'workload',
  'illness_reintegration',
  'work_care_combination',
  'abuse_of_power',
  'integrity_fraud',
  'integrity_theft',
  'integrity_conflict_of_interest',
  'private_problems',
  'mental_health',
  'problems_with_students',
  'other',
] as const;
export type Nature = (typeof NATURES)[number];

/** Undesirable behaviour as the Dutch Working Conditions Act (Arbowet) names it. */
export const ARBOWET_NATURES: readonly Nature[] = [
  'intimidation',
  'sexual_harassment',
  'aggression_violence',
  'discrimination',
  'discrimination_racism',
  'discrimination_disability',
  'bullying',
];

/** One value per case. `subordinate`: a manager reports an employee; `private_life`: outside work. */
export const OTHER_PARTY_RELATIONS = [
  'direct_supervisor',
  'promotor_supervisor',
  'colleague',
  'higher_in_hierarchy',
  'subordinate',
  'student',
  'third_party',
  'private_life',
  'unknown',
] as const;
export type OtherPartyRelation = (typeof OTHER_PARTY_RELATIONS)[number];

export const HANDLING_TYPES = [
  'advice_only',
  'accompaniment',
  'mediation',
  'investigation',
  'referral',
  'police_report_help',
  'formal_complaint',
] as const;
export type HandlingType = (typeof HANDLING_TYPES)[number];

/** "Advice only" excludes every other handling; any other handling is "more intensive". */
export const ADVICE_ONLY: HandlingType = 'advice_only';
export const HANDLING_SUMMARY = ['advice_only', 'more_intensive', 'not_recorded'] as const;
export type HandlingSummary = (typeof HANDLING_SUMMARY)[number];

export const REFERRAL_TARGETS = [
  'confidential_adviser',
  'ombudsperson',
  'concerns_point',
  'hr_adviser',
  'company_doctor',
  'company_social_work',
  'psychologist',
  'coach',
  'counsellor_for_accused',
  'victim_support',
  'police',
  'legal_help',
  'complaints_committee',
  'faculty_adviser',
  'other',
] as const;
export type ReferralTarget = (typeof REFERRAL_TARGETS)[number];

export const CONVERSATION_MODES = ['in_person', 'phone', 'video', 'email'] as const;
export type ConversationMode = (typeof CONVERSATION_MODES)[number];

/** An entry of a case: a conversation, or a session of the case's mediation (ombudsperson). */
export const CONVERSATION_KINDS = ['conversation', 'mediation_session'] as const;
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];

export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const OUTCOMES = [
  'resolved',
  'partially_resolved',
  'not_resolved',
  'referred',
  'withdrawn_by_reporter',
  'no_further_contact',
  'other',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const RECENCIES = ['recent', 'long_past'] as const;
export type Recency = (typeof RECENCIES)[number];

export const FREQUENCIES = ['one_off', 'repeated'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** What the reporter allowed; statistics consent decides whether a case is counted at all. */
export const CONSENT_SCOPES = [
  'count_in_statistics',
  'share_case_content',
  'share_identity',
  'contact_other_party',
  'contact_manager',
  'refer_onwards',
] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

/** A consent question is answered yes or no; "not asked yet" is the absence of an answer. */
export const CONSENT_ANSWERS = ['given', 'refused'] as const;
export type ConsentAnswer = (typeof CONSENT_ANSWERS)[number];

/** Whether a case counts in the anonymous statistics, derived from its consent record. */
export const STATISTICS_CONSENT = ['given', 'refused', 'not_asked'] as const;
export type StatisticsConsent = (typeof STATISTICS_CONSENT)[number];

export const BOARD_ADVICE_RESPONSES = ['followed', 'not_followed', 'pending'] as const;
export type BoardAdviceResponse = (typeof BOARD_ADVICE_RESPONSES)[number];

export const MEDIATION_PARTY_ROLES = ['reporter', 'other_party', 'manager', 'hr_adviser', 'support_person', 'other'] as const;
export type MediationPartyRole = (typeof MEDIATION_PARTY_ROLES)[number];

export const MEDIATION_OUTCOMES = ['agreement', 'partial_agreement', 'no_agreement', 'withdrawn'] as const;
export type MediationOutcome = (typeof MEDIATION_OUTCOMES)[number];

export const ACTIVITY_TYPES = ['intro_meeting', 'presentation', 'workshop', 'training'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** The International Ombuds Association's Uniform Reporting Categories (top level). */
export const IOA_CATEGORIES = [
  'compensation_benefits',
  'evaluative_relationships',
  'peer_colleague_relationships',
  'career_progression_development',
  'legal_regulatory_financial_compliance',
  'safety_health_physical_environment',
  'services_administrative',
  'organisational_strategic_mission',
  'values_ethics_standards',
] as const;
export type IoaCategory = (typeof IOA_CATEGORIES)[number];

/**
 * Natures whose IOA category depends on who the other party is: behaviour by someone who
 * evaluates the reporter is an evaluative relationship, by a peer a peer relationship.
 */
const RELATIONAL_NATURES: readonly Nature[] = [
  'intimidation',
  'bullying',
  'cooperation_problems',
  'labour_conflict',
  'abuse_of_power',
];

const NATURE_TO_IOA: Record<Nature, IoaCategory> = {
  intimidation: 'peer_colleague_relationships',
  sexual_harassment: 'legal_regulatory_financial_compliance',
  aggression_violence: 'safety_health_physical_environment',
  discrimination: 'legal_regulatory_financial_compliance',
  discrimination_racism: 'legal_regulatory_financial_compliance',
  discrimination_disability: 'legal_regulatory_financial_compliance',
  bullying: 'peer_colleague_relationships',
  threats: 'safety_health_physical_environment',
  labour_law_question: 'compensation_benefits',
  labour_conflict: 'peer_colleague_relationships',
  cooperation_problems: 'peer_colleague_relationships',
  workload: 'safety_health_physical_environment',
  illness_reintegration: 'safety_health_physical_environment',
  work_care_combination: 'compensation_benefits',
  abuse_of_power: 'evaluative_relationships',
  integrity_fraud: 'values_ethics_standards',
  integrity_theft: 'values_ethics_standards',
  integrity_conflict_of_interest: 'values_ethics_standards',
  private_problems: 'services_administrative',
  mental_health: 'safety_health_physical_environment',
  problems_with_students: 'evaluative_relationships',
  other: 'organisational_strategic_mission',
};

const EVALUATIVE_RELATIONS: readonly OtherPartyRelation[] = ['direct_supervisor', 'promotor_supervisor', 'higher_in_hierarchy', 'subordinate'];

export function ioaCategoryOf(nature: Nature, relation: OtherPartyRelation | null): IoaCategory {
  if (relation && RELATIONAL_NATURES.includes(nature)) {
    return EVALUATIVE_RELATIONS.includes(relation) ? 'evaluative_relationships' : 'peer_colleague_relationships';
  }
  return NATURE_TO_IOA[nature];
}

/** The parts of the record each function uses: mediation is the ombudsperson's. */
export function functionRecordsMediation(fn: VaultFunction): boolean {
  return fn === 'ombudsperson';
}
