import { z } from 'zod';
import {
  ACTIVITY_TYPES,
  AGE_BANDS,
  GENDERS,
  HANDLING_TYPES,
  INTAKE_ROUTES,
  IOA_CATEGORIES,
  MEDIATION_OUTCOMES,
  NATURES,
  OTHER_PARTY_RELATIONS,
  OUTCOMES,
  REFERRAL_SOURCES,
  REFERRAL_TARGETS,
  REPORTER_ROLES,
  STAFF_CATEGORIES,
  VAULT_FUNCTIONS,
} from '../taxonomy';
import { LocalDate } from './primitives';

/**
 * The anonymised export: only numbers, keyed by stable taxonomy codes. Every table lists every
 * code (zeros included), so a file's shape says nothing about which categories occurred, and a
 * file with an unknown or missing key is refused.
 */
const Count = z.number().int().min(0).max(10_000_000);
const NOT_RECORDED = 'not_recorded';

const table = <const T extends readonly [string, ...string[]]>(codes: T) => z.record(z.enum(codes), Count);
const withNotRecorded = <const T extends readonly string[]>(codes: T) => [...codes, NOT_RECORDED] as unknown as [T[number] | typeof NOT_RECORDED, ...(T[number] | typeof NOT_RECORDED)[]];

export const OTHER_PARTY_KEYS = withNotRecorded(OTHER_PARTY_RELATIONS);
export const STAFF_KEYS = withNotRecorded(STAFF_CATEGORIES);
export const GENDER_KEYS = withNotRecorded(GENDERS);
export const REFERRAL_SOURCE_KEYS = withNotRecorded(REFERRAL_SOURCES);
export const OUTCOME_KEYS = withNotRecorded(OUTCOMES);
export const MEDIATION_OUTCOME_KEYS = withNotRecorded(MEDIATION_OUTCOMES);

export const ExportPeriod = z
  .object({ from: LocalDate, to: LocalDate })
  .strict()
  .refine((period) => period.from <= period.to, { message: 'periodReversed', path: ['to'] });
export type ExportPeriod = z.infer<typeof ExportPeriod>;

export const ExportCounts = z
  .object({
    reports: Count,
    reporters: Count,
    jointReports: Count,
    unidentifiedReporters: Count,
    conversations: Count,
    /** Conversations per reporter, to two decimals. */
    conversationsPerReporter: z.number().min(0).max(10_000),
    firstResponse: z.object({ within24h: Count, later: Count, missing: Count }).strict(),
    reportedAfterwards: Count,
    byStaffCategory: table(STAFF_KEYS),
    byAgeBand: table(AGE_BANDS),
    byGender: table(GENDER_KEYS),
    byReporterRole: table(REPORTER_ROLES),
    byIntakeRoute: table(INTAKE_ROUTES),
    byReferralSource: table(REFERRAL_SOURCE_KEYS),
    byNature: table(NATURES),
    byOtherParty: table(OTHER_PARTY_KEYS),
    natureByOtherParty: z.record(z.enum(NATURES), table(OTHER_PARTY_KEYS)),
    hierarchical: z.object({ yes: Count, no: Count, not_recorded: Count }).strict(),
    byHandling: table(HANDLING_TYPES),
    byReferralTarget: table(REFERRAL_TARGETS),
    byIoaCategory: table(IOA_CATEGORIES),
    status: z.object({ open: Count, closed: Count }).strict(),
    byOutcome: table(OUTCOME_KEYS),
    mediation: z
      .object({ mediations: Count, hearings: Count, sessions: Count, agreements: Count, byOutcome: table(MEDIATION_OUTCOME_KEYS) })
      .strict(),
    signals: z.object({ total: Count, byTheme: table(NATURES) }).strict(),
    activities: z.record(z.enum(ACTIVITY_TYPES), z.object({ count: Count, attendees: Count }).strict()),
    /** Only when the adviser opts in: reports per unit name, for the team's pattern signal. */
    byUnit: z.record(z.string().min(1).max(300), Count).nullable(),
  })
  .strict();
export type ExportCounts = z.infer<typeof ExportCounts>;

export const EXPORT_SCHEMA = 'confidant-annual-export';
export const EXPORT_SCHEMA_VERSION = 1;

export const ExportBody = z
  .object({
    schema: z.literal(EXPORT_SCHEMA),
    schemaVersion: z.literal(EXPORT_SCHEMA_VERSION),
    exportId: z.string().uuid(),
    function: z.enum(VAULT_FUNCTIONS),
    period: ExportPeriod,
    exportedOn: LocalDate,
    counts: ExportCounts,
  })
  .strict();
export type ExportBody = z.infer<typeof ExportBody>;

/** The file as written: the body and the SHA-256 of its canonical JSON. */
export const ExportFile = ExportBody.extend({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict();
export type ExportFile = z.infer<typeof ExportFile>;

export const ExportPreview = z
  .object({
    file: ExportFile,
    /** The exact bytes that will be written, for the adviser to read before consenting. */
    json: z.string(),
    csv: z.string(),
    /** Seen only by the adviser, never written: cases in the period left out for lack of consent. */
    excludedWithoutConsent: Count,
  })
  .strict();
export type ExportPreview = z.infer<typeof ExportPreview>;

export const ExportRequest = z.object({ period: ExportPeriod, includeUnits: z.boolean() }).strict();
export type ExportRequest = z.infer<typeof ExportRequest>;
