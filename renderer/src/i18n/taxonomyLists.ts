import {
  ACTIVITY_TYPES,
  AGE_BANDS,
  CASE_STATUSES,
  CONSENT_SCOPES,
  CONVERSATION_MODES,
  FREQUENCIES,
  GENDERS,
  HANDLING_TYPES,
  INTAKE_ROUTES,
  MEDIATION_OUTCOMES,
  MEDIATION_PARTY_ROLES,
  NATURES,
  OTHER_PARTY_RELATIONS,
  OUTCOMES,
  RECENCIES,
  REFERRAL_SOURCES,
  REFERRAL_TARGETS,
  REPORTER_ROLES,
  STAFF_CATEGORIES,
  VAULT_FUNCTIONS,
} from '../../../shared/taxonomy';

/** Each code list under the translation key its labels live at: `taxonomy.<key>.<code>`. */
export const TAXONOMY = {
  vaultFunction: VAULT_FUNCTIONS,
  intakeRoute: INTAKE_ROUTES,
  referralSource: REFERRAL_SOURCES,
  staffCategory: STAFF_CATEGORIES,
  ageBand: AGE_BANDS,
  gender: GENDERS,
  reporterRole: REPORTER_ROLES,
  nature: NATURES,
  otherPartyRelation: OTHER_PARTY_RELATIONS,
  handling: HANDLING_TYPES,
  referralTarget: REFERRAL_TARGETS,
  conversationMode: CONVERSATION_MODES,
  status: CASE_STATUSES,
  outcome: OUTCOMES,
  recency: RECENCIES,
  frequency: FREQUENCIES,
  consentScope: CONSENT_SCOPES,
  mediationPartyRole: MEDIATION_PARTY_ROLES,
  mediationOutcome: MEDIATION_OUTCOMES,
  activityType: ACTIVITY_TYPES,
} as const;

export type TaxonomyList = keyof typeof TAXONOMY;
export type CodeOf<L extends TaxonomyList> = (typeof TAXONOMY)[L][number];
