import { z } from 'zod';
import { FUNCTION_REFERRAL_CODES, VAULT_FUNCTIONS } from '../taxonomy';
import { ExportPeriod } from './export';
import { Year } from './primitives';

/**
 * Why a count is not published: `small` is a count from 1 to k − 1 (shown "<k"); `complement`
 * is a count hidden only so a small one cannot be recomputed from a total (shown "×", footnoted).
 */
export const SUPPRESSION_MARKS = ['small', 'complement'] as const;
export type SuppressionMark = (typeof SUPPRESSION_MARKS)[number];

/** A published count: the number, or the reason it is hidden. */
export const Published = z.union([z.number().int().min(0), z.enum(SUPPRESSION_MARKS)]);
export type Published = z.infer<typeof Published>;

/** A percentage hides with its count or its base; null where the base is zero. */
export const Percent = z.union([z.number().int().min(0), z.enum(SUPPRESSION_MARKS)]).nullable();
export type Percent = z.infer<typeof Percent>;

/** What a table counts; every table says it, so every percentage has a stated base. */
export const REPORT_UNITS = ['reports', 'reporters', 'referrals', 'advisers', 'conversations', 'mediations', 'signals', 'activities', 'attendees'] as const;
export type ReportUnit = (typeof REPORT_UNITS)[number];

export const ReportTable = z
  .object({
    unit: z.enum(REPORT_UNITS),
    /** The number percentages are taken of (reports or reporters of the section); null if suppressed. */
    base: Published,
    /** One report can carry several rows (natures, handlings): rows add up to more than the base. */
    multi: z.boolean(),
    rows: z.array(z.object({ key: z.string(), value: Published, percent: Percent }).strict()),
    /** False where rows are not parts of one whole. */
    hasTotal: z.boolean(),
    /** Null where the rows have no total. */
    total: Published.nullable(),
  })
  .strict();
export type ReportTable = z.infer<typeof ReportTable>;

export const ReportCross = z
  .object({
    unit: z.enum(REPORT_UNITS),
    rowKeys: z.array(z.string()),
    columnKeys: z.array(z.string()),
    cells: z.array(z.array(Published)),
    rowTotals: z.array(Published),
    columnTotals: z.array(Published),
    total: Published,
  })
  .strict();
export type ReportCross = z.infer<typeof ReportCross>;

/**
 * The merging member's answer to a flow whose sender counted more referrals than its receiver:
 * the receiver recorded the difference as direct reports of its own (so the team total counts
 * them once), or those referrals did not arrive (nothing is counted twice).
 */
export const FLOW_ANSWERS = ['recorded_as_direct', 'did_not_arrive'] as const;
export const FlowAnswer = z.enum(FLOW_ANSWERS);
export type FlowAnswer = z.infer<typeof FlowAnswer>;

/** Referrals from one team function to another, as the sender and the receiver counted them. */
export const ReferralFlow = z
  .object({
    from: z.enum(FUNCTION_REFERRAL_CODES),
    to: z.enum(FUNCTION_REFERRAL_CODES),
    made: Published,
    received: Published,
    /** The two sides' exact counts differ (e.g. 5 sent, 4 received). */
    disagree: z.boolean(),
    /** The merging member's answer, while it holds for these exact counts; null where none is needed or given. */
    answer: FlowAnswer.nullable().default(null),
    /** Reports both sides recorded as their own (sent minus received, answered "recorded as direct"), counted once in the total. */
    countedOnce: Published.nullable().default(null),
  })
  .strict();
export type ReferralFlow = z.infer<typeof ReferralFlow>;

export const KeyFigures = z
  .object({
    advisers: z.number().int().min(0),
    /** Every report once: where a referred report was also recorded as direct by its receiver (the merging member's answer), it is not counted again. */
    reports: Published,
    /** Reports as the functions recorded them, the total of the section's tables; null where it equals `reports`. */
    recordedReports: Published.nullable().default(null),
    reporters: Published,
    jointReports: Published,
    /** Reports of earlier years still open when the year began: each adviser's first export of the year says it. */
    openAtStart: Published,
    /** Conversations held in the year, on every counted case whatever year it was first contacted. */
    conversations: Published,
    /** Of those, the ones on the year's own reports. */
    conversationsOnReports: Published,
    /** Conversations on the year's reports held in the year, per reporter of those reports, one decimal. */
    conversationsPerReporter: z.number().min(0).nullable(),
    /** Reporters as a percentage of the head-count, one decimal; null without a head-count. */
    staffShare: z.number().min(0).nullable(),
    /** The team's formal advice to the board: its own act, printed as it is. */
    boardAdvices: Published,
    /** How many reports the advice to the board concerned: a count of reports, hidden like any other. */
    boardAdviceReports: Published,
    /** Reports under the whistleblower procedure received in the year, on every counted case. */
    procedureReports: Published,
    /** Of those, the ones whose confirmation and feedback were both given within the legal deadlines. */
    procedureBothMet: Published,
    /** Of those, the ones with a deadline still open and not yet past on the day of export, none missed. */
    procedurePending: Published,
  })
  .strict();
export type KeyFigures = z.infer<typeof KeyFigures>;

export const ReportSection = z
  .object({
    keyFigures: KeyFigures,
    /** Team section: reports per function of first contact; they add up to the unique total. */
    reportsByFunction: ReportTable.nullable(),
    /** Faculty section: reports per contributing adviser (keys `adviser:<n>:external|internal`). */
    reportsByAdviser: ReportTable.nullable(),
    referralFlows: z.array(ReferralFlow),
    /** Team section: referrals made by each function, to each team function or elsewhere. */
    referralsByFunction: ReportCross.nullable(),
    reporterProfile: ReportTable,
    employmentStatus: ReportTable,
    reporterRole: ReportTable,
    earlierPeriod: ReportTable,
    duringPhdByStaffCategory: ReportTable,
    ageStructure: ReportTable,
    intakeRoutes: ReportTable,
    natures: ReportTable,
    natureByOtherParty: ReportCross,
    natureByHierarchy: ReportCross,
    natureByBystander: ReportCross,
    otherParty: ReportTable,
    handling: ReportTable,
    handlingSummary: ReportTable,
    referralTargets: ReportTable,
    /** The International Ombuds Association's nine categories, for comparison abroad. */
    ioaCategories: ReportTable,
    mediation: z.object({ mediations: Published, hearings: Published, sessions: Published, agreements: Published }).strict(),
    mediationOutcomes: ReportTable,
    /** Signals by theme (a signal may carry several); the base is the number of signals. */
    signals: ReportTable,
    /** Outreach: the advisers' own work, published as it is. */
    activities: ReportTable,
    attendees: ReportTable,
  })
  .strict();
export type ReportSection = z.infer<typeof ReportSection>;

export const ImportSummary = z
  .object({
    exportId: z.string().uuid(),
    /** The first eight characters of the adviser id: enough to tell advisers apart on screen. */
    adviser: z.string(),
    function: z.enum(VAULT_FUNCTIONS),
    external: z.boolean(),
    reportYear: z.number().int(),
    period: ExportPeriod,
    exportedOn: z.string(),
    reports: z.number().int().min(0),
  })
  .strict();
export type ImportSummary = z.infer<typeof ImportSummary>;

/** An import either lands, or overlaps earlier imports of the same adviser and waits for confirmation. */
export const ImportOutcome = z.discriminatedUnion('status', [
  z.object({ status: z.literal('imported'), summary: ImportSummary, replaced: z.array(ImportSummary) }).strict(),
  z.object({ status: z.literal('replaceNeeded'), incoming: ImportSummary, overlapping: z.array(ImportSummary) }).strict(),
]);
export type ImportOutcome = z.infer<typeof ImportOutcome>;

export const Replacement = z
  .object({ adviser: z.string(), replacedPeriod: ExportPeriod, replacedExportedOn: z.string(), replacedAt: z.string() })
  .strict();
export type Replacement = z.infer<typeof Replacement>;

export const MIN_SUPPRESSION_K = 3;
export const DEFAULT_SUPPRESSION_K = 5;

/** Hidden cells per table (both sections) under one choice of groupings: null none, '*' all. */
export const GroupingEffect = z.object({ grouping: z.string().nullable(), hidden: z.record(z.string(), z.number().int().min(0)) }).strict();
export type GroupingEffect = z.infer<typeof GroupingEffect>;

const ReportSections = z.object({ team: ReportSection.nullable(), faculty: ReportSection.nullable() }).strict();

export const TeamReport = z
  .object({
    year: z.number().int(),
    /** Every report year with imports, newest first. */
    years: z.array(z.number().int()),
    k: z.number().int().min(MIN_SUPPRESSION_K),
    grouped: z.boolean(),
    headcount: z.number().int().min(1).nullable(),
    imports: z.array(ImportSummary),
    replacements: z.array(Replacement),
    /** Imports of the previous export format dropped by the upgrade: to import again from new exports. */
    importsToRedo: z.number().int().min(0),
    /** With small-cell suppression: what the team may publish. */
    published: ReportSections,
    /** Unsuppressed, for the merging member's own checks; never published as it is. */
    exact: ReportSections,
    /** Reports per unit across functions: the pattern signal, only units at or above k. */
    units: z.array(z.object({ unit: z.string(), reports: z.number().int() }).strict()),
    groupingEffects: z.array(GroupingEffect),
  })
  .strict();
export type TeamReport = z.infer<typeof TeamReport>;

/** The merging member answers one disagreeing flow of a report year (null withdraws the answer). */
export const AnswerFlowRequest = z
  .object({ year: Year, from: z.enum(FUNCTION_REFERRAL_CODES), to: z.enum(FUNCTION_REFERRAL_CODES), answer: FlowAnswer.nullable() })
  .strict();
export type AnswerFlowRequest = z.infer<typeof AnswerFlowRequest>;

export const ReportRequest = z
  .object({ year: Year, k: z.number().int().min(MIN_SUPPRESSION_K).max(1000), grouped: z.boolean() })
  .strict();
export type ReportRequest = z.infer<typeof ReportRequest>;

/** The file's counts the team report's tables do not show, each as a small table of its own. */
export const PREVIEW_TABLES = ['figures', 'firstResponse', 'outcome', 'referralSource', 'referralsReceived', 'boardAdvices', 'units'] as const;

/**
 * One count of the file, with its place in the file (`path`, dot-separated) so the adviser's
 * reading and the bytes can be checked against each other. `count` is false for a ratio, which
 * is never a small cell.
 */
export const PreviewRow = z.object({ key: z.string(), path: z.string(), value: z.number().min(0), count: z.boolean() }).strict();
export type PreviewRow = z.infer<typeof PreviewRow>;

/** How a row's key reads: a figure named in the export screen's words, a unit name as the team wrote it, or a taxonomy code. */
export const PREVIEW_LABELS = ['figure', 'unit', 'outcome', 'referralSource'] as const;

export const PreviewTable = z.object({ name: z.enum(PREVIEW_TABLES), labels: z.enum(PREVIEW_LABELS), rows: z.array(PreviewRow) }).strict();
export type PreviewTable = z.infer<typeof PreviewTable>;

/** One combination of natures, other party, hierarchy and bystander that occurred, and its reports. */
export const PreviewShape = z
  .object({ natures: z.array(z.string()), otherParty: z.string(), hierarchical: z.string(), bystander: z.boolean(), reports: z.number().int().min(0), path: z.string() })
  .strict();
export type PreviewShape = z.infer<typeof PreviewShape>;

/**
 * What the adviser's export preview shows besides the bytes: the file's numbers as the team
 * report's tables (exact), every other count of the file in tables of its own, and the team's
 * threshold, below which a non-zero count is marked.
 */
export const ExportPreviewTables = z
  .object({ section: ReportSection.nullable(), tables: z.array(PreviewTable), shapes: z.array(PreviewShape), k: z.number().int().nullable() })
  .strict();
export type ExportPreviewTables = z.infer<typeof ExportPreviewTables>;
