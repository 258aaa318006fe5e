import { z } from 'zod';
import { Language } from './primitives';
import { Percent, Published, ReportRequest } from './teamReport';

/**
 * The annual report as a document: every word already in the chosen language, every number as the
 * team publishes it. The core builds it once; the print route (PDF), Word, Excel and CSV all
 * write this one document, so the four can never disagree.
 */
export const PUBLICATION_SECTIONS = ['summary', 'profile', 'age', 'functions', 'nature', 'handling', 'faculty', 'signals', 'outreach', 'mediation', 'ioa'] as const;
export type PublicationSectionId = (typeof PUBLICATION_SECTIONS)[number];

/** The texts the team writes: the organisation on the title page, and one short text per section. */
export const EDITABLE_TEXTS = ['organisation', ...PUBLICATION_SECTIONS] as const;
export type EditableText = (typeof EDITABLE_TEXTS)[number];
export const MAX_TEXT_LENGTH = 4000;

export const PublicationCell = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('count'), value: Published.nullable() }).strict(),
  z.object({ kind: z.literal('percent'), value: Percent }).strict(),
  /** The change against last year's publication; null where either year hides the count. */
  z.object({ kind: z.literal('change'), value: z.number().int().nullable() }).strict(),
  /** A figure with a decimal (conversations per reporter, the share of staff in percent): a number in every format that has numbers. */
  z.object({ kind: z.literal('ratio'), value: z.number().min(0).nullable(), percent: z.boolean() }).strict(),
  z.object({ kind: z.literal('text'), value: z.string() }).strict(),
]);
export type PublicationCell = z.infer<typeof PublicationCell>;

const Labelled = z.object({ label: z.string(), code: z.string() }).strict();

export const PublicationTable = z
  .object({
    /** `<section>.<table>`, stable across languages: the sheet and the chart are found by it. */
    id: z.string(),
    title: z.string(),
    unitLine: z.string(),
    /** The number the percentages are of, as the unit line prints it; null where the table has none. */
    base: Published.nullable(),
    columns: z.array(Labelled),
    rows: z.array(Labelled.extend({ cells: z.array(PublicationCell), total: z.boolean() }).strict()),
    /** One bar per category, hidden ones included (drawn empty and marked). */
    chart: z.array(z.object({ label: z.string(), value: Published }).strict()).nullable(),
    footnotes: z.array(z.string()),
  })
  .strict();
export type PublicationTable = z.infer<typeof PublicationTable>;

export const PublicationSection = z
  .object({
    id: z.enum(PUBLICATION_SECTIONS),
    title: z.string(),
    text: z.string(),
    tables: z.array(PublicationTable),
    /** Said instead of tables when the year has no counts for this section (no signals, say). */
    emptyNote: z.string().nullable(),
  })
  .strict();
export type PublicationSection = z.infer<typeof PublicationSection>;

/** A cell whose change between two publications of one year would reveal a removed import's small counts. */
export const CellAtRisk = z.object({ table: z.string(), row: z.string(), column: z.string().nullable(), previous: z.number().int(), current: z.number().int() }).strict();
export type CellAtRisk = z.infer<typeof CellAtRisk>;

export const Differencing = z
  .object({
    /** When the earlier publication of this year was saved (day). */
    publishedOn: z.string(),
    removedImports: z.number().int().min(1),
    cells: z.array(CellAtRisk),
  })
  .strict();
export type Differencing = z.infer<typeof Differencing>;

export const PublicationDocument = z
  .object({
    language: Language,
    title: z.string(),
    organisation: z.string(),
    year: z.number().int(),
    k: z.number().int(),
    /** "Made on" and the day, written out in the document's language. */
    madeOn: z.string(),
    periodsTitle: z.string(),
    /** Per function: its period and how many advisers contributed, also as one written line. */
    periods: z.array(z.object({ function: z.string(), period: z.string(), advisers: z.number().int().min(0), line: z.string() }).strict()),
    /** How to read the marks: "<k" and "×". */
    notes: z.array(z.string()),
    /** The year the change column compares with, when its publication was kept. */
    comparedWith: z.number().int().nullable(),
    differencing: Differencing.nullable(),
    sections: z.array(PublicationSection),
  })
  .strict();
export type PublicationDocument = z.infer<typeof PublicationDocument>;

export const DocumentRequest = ReportRequest.extend({
  language: Language,
  /** The International Ombuds Association's categories, for teams that compare abroad. */
  ioa: z.boolean(),
}).strict();
export type DocumentRequest = z.infer<typeof DocumentRequest>;

export const PUBLICATION_FORMATS = ['pdf', 'docx', 'xlsx', 'csv'] as const;
export type PublicationFormat = (typeof PUBLICATION_FORMATS)[number];

export const SavePublicationRequest = DocumentRequest.extend({
  format: z.enum(PUBLICATION_FORMATS),
  /** The team member read the differencing warning and publishes anyway. */
  acceptDifferencing: z.boolean(),
}).strict();
export type SavePublicationRequest = z.infer<typeof SavePublicationRequest>;

export const ReportTexts = z.partialRecord(z.enum(EDITABLE_TEXTS), z.string().max(MAX_TEXT_LENGTH));
export type ReportTexts = z.infer<typeof ReportTexts>;
