import type { ExportCounts, ExportFile } from '../../../shared/schemas/export';
import type { ExportPreviewTables, PreviewRow, PreviewShape, PreviewTable } from '../../../shared/schemas/teamReport';
import { buildTeamReport } from './teamReport';

/** Any threshold will do for the exact view, which is all the preview uses. */
const UNUSED_THRESHOLD = 3;

const rowsOf = (prefix: string, values: Record<string, number>): PreviewRow[] =>
  Object.entries(values).map(([key, value]) => ({ key, path: `${prefix}.${key}`, value, count: true }));

/**
 * The counts of the file that no table of the team report shows: the team merges them, and the
 * adviser must still be able to read each of them before consenting to the file.
 */
function otherTables(counts: ExportCounts): PreviewTable[] {
  const tables: PreviewTable[] = [
    {
      name: 'figures',
      labels: 'figure',
      rows: [
        { key: 'receivedReports', path: 'receivedReports', value: counts.receivedReports, count: true },
        { key: 'receivedByHandover', path: 'receivedByHandover', value: counts.receivedByHandover, count: true },
        { key: 'unidentifiedReporters', path: 'unidentifiedReporters', value: counts.unidentifiedReporters, count: true },
        { key: 'conversationsPerReporter', path: 'conversationsPerReporter', value: counts.conversationsPerReporter, count: false },
        { key: 'closures', path: 'closures', value: counts.closures, count: true },
      ],
    },
    { name: 'firstResponse', labels: 'figure', rows: rowsOf('firstResponse', counts.firstResponse) },
    { name: 'outcome', labels: 'outcome', rows: rowsOf('byOutcome', counts.byOutcome) },
    { name: 'referralSource', labels: 'referralSource', rows: rowsOf('byReferralSource', counts.byReferralSource) },
    { name: 'referralsReceived', labels: 'referralSource', rows: rowsOf('referralsReceived', counts.referralsReceived) },
    { name: 'boardAdvices', labels: 'figure', rows: rowsOf('boardAdvices', { followed: counts.boardAdvices.followed, notFollowed: counts.boardAdvices.notFollowed, pending: counts.boardAdvices.pending, reportsConcerned: counts.boardAdvices.reportsConcerned }) },
  ];
  if (counts.byUnit) tables.push({ name: 'units', labels: 'unit', rows: rowsOf('byUnit', counts.byUnit) });
  return tables;
}

const shapesOf = (counts: ExportCounts): PreviewShape[] => counts.caseShapes.map((shape, index) => ({ ...shape, path: `caseShapes.${index}.reports` }));

/**
 * The adviser's own export laid out as the team report lays out every export: the same tables,
 * exact, so the adviser checks in their language what the raw file says, and beside them every
 * count those tables leave out. `k` is the team's threshold (null without a team), for marking
 * the cells the team will never publish as is.
 */
export function previewTables(file: ExportFile, k: number | null): ExportPreviewTables {
  const year = Number(file.period.from.slice(0, 4));
  const report = buildTeamReport({ year, years: [year], files: [file], k: UNUSED_THRESHOLD, grouped: false, groupings: [], headcount: null, replacements: [], importsToRedo: 0 });
  const section = report.exact.team ?? report.exact.faculty;
  // One file holds one side of each flow, so the team's notice that the sides disagree would always be false here.
  const ownSide = section && { ...section, referralFlows: section.referralFlows.map((flow) => ({ ...flow, disagree: false })) };
  return { section: ownSide, tables: otherTables(file.counts), shapes: shapesOf(file.counts), k };
}
