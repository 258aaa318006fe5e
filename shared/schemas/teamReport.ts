import { z } from 'zod';
import { VAULT_FUNCTIONS } from '../taxonomy';
import { ExportCounts, ExportPeriod } from './export';

/** A published count is a number, or null where it is suppressed and shown as "<k". */
const Published = z.number().int().min(0).nullable();

export const PublishedTable = z
  .object({
    rows: z.array(z.object({ key: z.string(), value: Published }).strict()),
    /** False for counts that are not parts of one whole, such as reports beside reporters. */
    hasTotal: z.boolean(),
    total: Published,
  })
  .strict();
export type PublishedTable = z.infer<typeof PublishedTable>;

export const PublishedCross = z
  .object({
    rowKeys: z.array(z.string()),
    columnKeys: z.array(z.string()),
    cells: z.array(z.array(Published)),
    rowTotals: z.array(Published),
    columnTotals: z.array(Published),
    total: Published,
  })
  .strict();
export type PublishedCross = z.infer<typeof PublishedCross>;

export const TeamSection = z
  .object({
    reports: PublishedTable,
    reporterProfile: PublishedTable,
    ageStructure: PublishedTable,
    reportsByFunction: PublishedTable,
    intakeRoutes: PublishedTable,
    referralTargets: PublishedTable,
    natures: PublishedTable,
    natureByOtherParty: PublishedCross,
    handling: PublishedTable,
  })
  .strict();
export type TeamSection = z.infer<typeof TeamSection>;

export const ImportSummary = z
  .object({ exportId: z.string().uuid(), function: z.enum(VAULT_FUNCTIONS), period: ExportPeriod, reports: z.number().int().min(0) })
  .strict();
export type ImportSummary = z.infer<typeof ImportSummary>;

export const MIN_SUPPRESSION_K = 3;
export const DEFAULT_SUPPRESSION_K = 5;

export const TeamReport = z
  .object({
    k: z.number().int().min(MIN_SUPPRESSION_K),
    imports: z.array(ImportSummary),
    /** Exact merged counts, for the team's own work; never published as they are. */
    exact: ExportCounts.nullable(),
    main: TeamSection.nullable(),
    /** The faculty/PhD advisers' figures, listed apart as in the annual report. */
    faculty: TeamSection.nullable(),
    /** Reports per unit across functions: the pattern signal, only units at or above k. */
    units: z.array(z.object({ unit: z.string(), reports: z.number().int() }).strict()),
  })
  .strict();
export type TeamReport = z.infer<typeof TeamReport>;
