import { z } from 'zod';
import {
  ACTIVITY_TYPES,
  AGE_BANDS,
  EARLIER_PERIODS,
  EMPLOYMENT_STATUSES,
  FUNCTION_REFERRAL_CODES,
  HANDLING_SUMMARY,
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
import { Id, LocalDate } from './primitives';

/**
 * The anonymised export: only numbers, keyed by stable taxonomy codes. Every table lists every
 * code (zeros included), so a file's shape says nothing about which categories occurred, and a
 * file with an unknown or missing key is refused.
 *
 * Units: case tables count reports first received by this function (a report another team
 * function passed on is counted there and appears here only as a referral received); reporter
 * tables count reporters of those reports; conversations, mediations and referrals made count the
 * work done on every counted case, received ones included.
 *
 * Years: a report, and what is known of it without a date of its own (its reporters, natures,
 * handlings, mediation record), counts in the period of its first contact. Every dated act
 * (conversation, mediation session, hearing, agreement, referral made, closure) counts in the
 * period it happened, on every counted case whatever year it was opened: a case that crosses New
 * Year brings its January talks to the new year, and an export of a past period gives the same
 * numbers however much later it is made.
 */
const Count = z.number().int().min(0).max(10_000_000);
const NOT_RECORDED = 'not_recorded';

const table = <const T extends readonly [string, ...string[]]>(codes: T) => z.record(z.enum(codes), Count);
const withNotRecorded = <const T extends readonly string[]>(codes: T) => [...codes, NOT_RECORDED] as unknown as [T[number] | typeof NOT_RECORDED, ...(T[number] | typeof NOT_RECORDED)[]];

export const OTHER_PARTY_KEYS = withNotRecorded(OTHER_PARTY_RELATIONS);
export const STAFF_KEYS = withNotRecorded(STAFF_CATEGORIES);
export const EMPLOYMENT_KEYS = withNotRecorded(EMPLOYMENT_STATUSES);
export const REFERRAL_SOURCE_KEYS = withNotRecorded(REFERRAL_SOURCES);
export const OUTCOME_KEYS = withNotRecorded(OUTCOMES);
export const MEDIATION_OUTCOME_KEYS = withNotRecorded(MEDIATION_OUTCOMES);
export const HIERARCHY_KEYS = ['yes', 'no', NOT_RECORDED] as const;

function oneCalendarYear(period: { from: string; to: string }): boolean {
  return period.from.slice(0, 4) === period.to.slice(0, 4);
}

function lastDayOfMonth(date: string): boolean {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return Number(date.slice(8, 10)) === new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * An export covers whole calendar months of one report year (the team report is built per
 * year): a period of a few days could describe one person, and the difference of two exports
 * with day boundaries could isolate a single case.
 */
export const ExportPeriod = z
  .object({ from: LocalDate, to: LocalDate })
  .strict()
  .refine((period) => period.from <= period.to, { message: 'periodReversed', path: ['to'] })
  .refine(oneCalendarYear, { message: 'periodOneYear', path: ['to'] })
  .refine((period) => period.from.endsWith('-01') && lastDayOfMonth(period.to), { message: 'periodWholeMonths', path: ['to'] });
export type ExportPeriod = z.infer<typeof ExportPeriod>;

/**
 * One row per combination of natures, other party, hierarchy and bystander that occurred, with
 * its number of reports: the team can then count "reports with any nature of a group" exactly,
 * which per-nature totals cannot give when a report has several natures.
 */
export const CaseShape = z
  .object({
    natures: z
      .array(z.enum(NATURES))
      .min(1)
      .max(NATURES.length)
      .refine((natures) => natures.every((nature, index) => index === 0 || natures[index - 1]! < nature), 'sortedUnique'),
    otherParty: z.enum(OTHER_PARTY_KEYS),
    hierarchical: z.enum(HIERARCHY_KEYS),
    bystander: z.boolean(),
    reports: Count.min(1),
  })
  .strict();
export type CaseShape = z.infer<typeof CaseShape>;

export const ExportCounts = z
  .object({
    /** Reports first received here: the unit of the team's unique total. */
    reports: Count,
    /** Reports passed on by another team function (counted there). */
    receivedReports: Count,
    /**
     * Reports received from a leaving adviser by handover in the period (format 5; absent before:
     * none). Each is counted once: as a report by the leaving adviser when its first contact lies
     * in the months their export before the handover covered (under their function), else here as
     * one of `reports` (under this vault's function); acts on it count here only after those months.
     */
    receivedByHandover: Count.default(0),
    reporters: Count,
    jointReports: Count,
    unidentifiedReporters: Count,
    /** Conversations held in the period, on every counted case whatever year it was opened. */
    conversations: Count,
    /** Of those, the ones on the period's own reports (received ones included): what a reporter of the period was given. */
    conversationsOnReports: Count,
    /** Conversations on the period's reports per reporter, to two decimals. */
    conversationsPerReporter: z.number().min(0).max(10_000),
    firstResponse: z.object({ within24h: Count, later: Count, missing: Count }).strict(),
    byStaffCategory: table(STAFF_KEYS),
    byEmploymentStatus: table(EMPLOYMENT_KEYS),
    byEarlierPeriod: table(withNotRecorded(EARLIER_PERIODS)),
    /** Reporters whose events happened during their PhD, by their staff category today. */
    duringPhdByStaffCategory: table(STAFF_KEYS),
    byAgeBand: table(AGE_BANDS),
    byReporterRole: table(REPORTER_ROLES),
    byIntakeRoute: table(INTAKE_ROUTES),
    byReferralSource: table(REFERRAL_SOURCE_KEYS),
    /** Reports with each nature: a report with two natures counts in both. */
    byNature: table(NATURES),
    byOtherParty: table(OTHER_PARTY_KEYS),
    caseShapes: z.array(CaseShape).max(100_000),
    byHandling: table(HANDLING_TYPES),
    handlingSummary: table(HANDLING_SUMMARY),
    /** Referrals made in the period, of every counted case; one report may be referred to several places. */
    byReferralTarget: table(REFERRAL_TARGETS),
    /** Reports received from each team function. */
    referralsReceived: table(FUNCTION_REFERRAL_CODES),
    byIoaCategory: table(IOA_CATEGORIES),
    /** Reports first received here before the period and not closed before its first day (1 January for a whole year). */
    openAtStart: Count,
    /** Reports first received here and closed in the period, whatever year they were opened. */
    closures: Count,
    /** The outcome of those closures. */
    byOutcome: table(OUTCOME_KEYS),
    /**
     * Mediations recorded on the period's reports and their outcomes (neither has a date of its
     * own); hearings, sessions and agreements held in the period, on every counted case.
     */
    mediation: z
      .object({ mediations: Count, hearings: Count, sessions: Count, agreements: Count, byOutcome: table(MEDIATION_OUTCOME_KEYS) })
      .strict(),
    signals: z.object({ total: Count, byTheme: table(NATURES) }).strict(),
    activities: z.record(z.enum(ACTIVITY_TYPES), z.object({ count: Count, attendees: Count }).strict()),
    boardAdvices: z.object({ total: Count, followed: Count, notFollowed: Count, pending: Count, reportsConcerned: Count }).strict(),
    /**
     * Reports received under the whistleblower procedure in the period (by their day of receipt),
     * on every counted case; of those, the ones whose two legal deadlines were both done on or
     * before their day (`bothMet`), and the ones not decided on the day of export: a deadline still
     * open and not yet past its day, none missed (`pending`). The rest missed one. Format 5; absent
     * before: none.
     */
    procedure: z
      .object({ reports: Count, bothMet: Count, pending: Count })
      .strict()
      .refine((procedure) => procedure.bothMet + procedure.pending <= procedure.reports, 'procedureAboveReports')
      .default({ reports: 0, bothMet: 0, pending: 0 }),
    /** Only when the adviser opts in: reports per unit name, for the team's pattern signal. */
    byUnit: z.record(z.string().min(1).max(300), Count).nullable(),
  })
  .strict();
export type ExportCounts = z.infer<typeof ExportCounts>;

export const EXPORT_SCHEMA = 'confidant-annual-export';
/**
 * 3: no table by gender (no team table publishes it, so it no longer leaves the vault).
 * 4: dated acts in the period they happened (see ExportCounts); open at the start and closures
 * replace the state of the period's reports on the day of export.
 * 5: only counts added (see ExportCounts), absent in a format-4 file and read as none; so a
 * format-4 file is still read as it is.
 */
export const EXPORT_SCHEMA_VERSION = 5;
export const EXPORT_OLDEST_READ_VERSION = 4;

const ExportBodyFields = z
  .object({
    schema: z.literal(EXPORT_SCHEMA),
    schemaVersion: z.number().int().min(EXPORT_OLDEST_READ_VERSION).max(EXPORT_SCHEMA_VERSION),
    exportId: z.string().uuid(),
    /** The vault's random id: the unit of the overlap rule, never a name. */
    adviserId: z.string().uuid(),
    /** Counts this vault's saved exports: a later export of the same adviser has a higher number. */
    sequence: z.number().int().min(1).max(1_000_000_000),
    function: z.enum(VAULT_FUNCTIONS),
    /** A faculty adviser from outside the organisation. */
    external: z.boolean(),
    period: ExportPeriod,
    exportedOn: LocalDate,
    counts: ExportCounts,
  })
  .strict();
const externalIsFaculty = (body: { external: boolean; function: string }) => !body.external || body.function === 'faculty_confidential_adviser';
export const ExportBody = ExportBodyFields.refine(externalIsFaculty, { message: 'externalOnlyFaculty', path: ['external'] });
export type ExportBody = z.infer<typeof ExportBody>;

/** The file as written: the body and the SHA-256 of its canonical JSON. */
export const ExportFile = ExportBodyFields.extend({ sha256: z.string().regex(/^[0-9a-f]{64}$/) })
  .strict()
  .refine(externalIsFaculty, { message: 'externalOnlyFaculty', path: ['external'] });
export type ExportFile = z.infer<typeof ExportFile>;

/** A case the adviser has not asked about the statistics yet: shown so it can be settled first. */
export const UnansweredCase = z.object({ id: Id, number: z.string(), label: z.string(), firstContactAt: z.string() }).strict();
export type UnansweredCase = z.infer<typeof UnansweredCase>;

export const ExportPreview = z
  .object({
    file: ExportFile,
    /** The exact bytes that will be written, for the adviser to read before consenting. */
    json: z.string(),
    csv: z.string(),
    /** Seen only by the adviser, never written: cases in the period left out. */
    excludedRefused: Count,
    notAskedYet: z.array(UnansweredCase),
    /** Cases in the period saved before their statistics were complete: counted nowhere until completed or left out on purpose. */
    incomplete: z.array(UnansweredCase),
  })
  .strict();
export type ExportPreview = z.infer<typeof ExportPreview>;

export const ExportRequest = z.object({ period: ExportPeriod, includeUnits: z.boolean() }).strict();
export type ExportRequest = z.infer<typeof ExportRequest>;
