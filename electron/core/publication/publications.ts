import { z } from 'zod';
import { EDITABLE_TEXTS, type EditableText, type ReportTexts } from '../../../shared/schemas/publication';
import { ImportSummary, KeyFigures, ReportSection, TeamReport } from '../../../shared/schemas/teamReport';
import type { Db } from '../vault/database';

export function textsOf(db: Db, year: number): ReportTexts {
  const rows = db.prepare('SELECT text_id AS id, value FROM report_texts WHERE report_year = ?').all(year) as { id: string; value: string }[];
  return Object.fromEntries(rows.filter((row) => (EDITABLE_TEXTS as readonly string[]).includes(row.id)).map((row) => [row.id, row.value]));
}

/** An empty text is no text: the section then prints without one. */
export function saveText(db: Db, year: number, id: EditableText, value: string): void {
  const trimmed = value.trim();
  if (trimmed === '') db.prepare('DELETE FROM report_texts WHERE report_year = ? AND text_id = ?').run(year, id);
  else db.prepare('INSERT INTO report_texts (report_year, text_id, value) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET value = excluded.value').run(year, id, trimmed);
}

/** Which adviser of which function covered which months: what next year's change column is compared on. */
export const CoveredPeriod = ImportSummary.pick({ function: true, adviser: true, period: true });
export type CoveredPeriod = z.infer<typeof CoveredPeriod>;

/** A publication kept before export format 4 printed neither of the key figures it brought, nor one kept before format 5 the procedure's. */
const KeptSection = ReportSection.extend({ keyFigures: KeyFigures.partial({ openAtStart: true, conversationsOnReports: true, procedureReports: true, procedureBothMet: true, procedurePending: true }) });

/**
 * What is kept of a publication: its published tables, the few facts the document prints, and its
 * coverage. One kept before format 4 has no coverage: it also counted dated acts by first contact.
 */
export const PublishedTables = TeamReport.pick({ year: true, k: true, grouped: true, headcount: true, units: true }).extend({
  published: z.object({ team: KeptSection.nullable(), faculty: KeptSection.nullable() }).strict(),
  coverage: z.array(CoveredPeriod).optional(),
});
export type PublishedTables = z.infer<typeof PublishedTables>;

export interface Publication {
  publishedOn: string;
  exportIds: string[];
  tables: PublishedTables;
}

export function recordPublication(db: Db, report: TeamReport, publishedOn: string): void {
  const { year, k, grouped, headcount, published, units } = report;
  const coverage = report.imports.map(({ function: fn, adviser, period }) => ({ function: fn, adviser, period }));
  const tables: PublishedTables = { year, k, grouped, headcount, published, units, coverage };
  db.prepare('INSERT INTO report_publications (report_year, published_on, export_ids, tables) VALUES (?, ?, ?, ?)').run(
    report.year,
    publishedOn,
    JSON.stringify(report.imports.map((entry) => entry.exportId).sort()),
    JSON.stringify(tables),
  );
}

export function latestPublication(db: Db, year: number): Publication | null {
  const row = db.prepare('SELECT published_on, export_ids, tables FROM report_publications WHERE report_year = ? ORDER BY id DESC LIMIT 1').get(year) as
    | { published_on: string; export_ids: string; tables: string }
    | undefined;
  if (!row) return null;
  return { publishedOn: row.published_on, exportIds: z.array(z.string()).parse(JSON.parse(row.export_ids)), tables: PublishedTables.parse(JSON.parse(row.tables)) };
}
