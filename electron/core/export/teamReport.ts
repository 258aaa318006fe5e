import type { ExportCounts, ExportFile } from '../../../shared/schemas/export';
import type { ImportSummary, PublishedCross, PublishedTable, TeamReport, TeamSection } from '../../../shared/schemas/teamReport';
import { VAULT_FUNCTIONS, type VaultFunction } from '../../../shared/taxonomy';
import { mergeCounts } from './merge';
import { suppressMatrix, suppressTable } from './suppression';

const FACULTY: VaultFunction = 'faculty_confidential_adviser';

/** Counts that are not parts of one whole (reports beside reporters): each small one hidden, no total. */
function separateCounts(values: Record<string, number>, k: number): PublishedTable {
  return { rows: Object.entries(values).map(([key, value]) => ({ key, value: value > 0 && value < k ? null : value })), hasTotal: false, total: null };
}

function table(values: Record<string, number>, k: number): PublishedTable {
  const keys = Object.keys(values);
  const { cells, total } = suppressTable(keys.map((key) => values[key]!), k);
  return { rows: keys.map((key, index) => ({ key, value: cells[index]! })), hasTotal: true, total };
}

/** Rows and columns that are zero throughout say nothing, so they are left out before suppressing. */
function cross(values: Record<string, Record<string, number>>, k: number): PublishedCross {
  const rowKeys = Object.keys(values).filter((row) => Object.values(values[row]!).some((value) => value > 0));
  const allColumns = Object.keys(Object.values(values)[0] ?? {});
  const columnKeys = allColumns.filter((column) => rowKeys.some((row) => values[row]![column]! > 0));
  const result = suppressMatrix(rowKeys.map((row) => columnKeys.map((column) => values[row]![column]!)), k);
  return { rowKeys, columnKeys, ...result };
}

function section(files: ExportFile[], k: number): TeamSection | null {
  const merged = mergeCounts(files.map((file) => file.counts));
  if (!merged) return null;
  const perFunction = Object.fromEntries(
    VAULT_FUNCTIONS.map((fn) => [fn, files.filter((file) => file.function === fn).reduce((sum, file) => sum + file.counts.reports, 0)]),
  );
  return {
    reports: separateCounts({ reports: merged.reports, reporters: merged.reporters }, k),
    reporterProfile: table(merged.byStaffCategory, k),
    ageStructure: table(merged.byAgeBand, k),
    reportsByFunction: table(perFunction, k),
    intakeRoutes: table(merged.byIntakeRoute, k),
    referralTargets: table(merged.byReferralTarget, k),
    natures: table(merged.byNature, k),
    natureByOtherParty: cross(merged.natureByOtherParty, k),
    handling: table(merged.byHandling, k),
  };
}

export function summarise(file: ExportFile): ImportSummary {
  return { exportId: file.exportId, function: file.function, period: file.period, reports: file.counts.reports };
}

/** The team's annual figures from every member's export: exact for the team, suppressed for publication. */
export function buildTeamReport(files: ExportFile[], k: number): TeamReport {
  const team = files.filter((file) => file.function !== FACULTY);
  const faculty = files.filter((file) => file.function === FACULTY);
  const exact: ExportCounts | null = mergeCounts(files.map((file) => file.counts));
  const units = Object.entries(exact?.byUnit ?? {})
    .filter(([, reports]) => reports >= k)
    .map(([unit, reports]) => ({ unit, reports }))
    .sort((a, b) => b.reports - a.reports || a.unit.localeCompare(b.unit));
  return { k, imports: files.map(summarise), exact, main: section(team, k), faculty: section(faculty, k), units };
}

/** The published tables as CSV, suppressed cells written as "<k" exactly as the report shows them. */
export function publicationCsv(report: TeamReport): string {
  const lines = ['section,table,row,column,value'];
  const shown = (value: number | null) => (value === null ? `<${report.k}` : String(value));
  const quote = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  for (const [name, part] of [
    ['team', report.main],
    ['faculty', report.faculty],
  ] as const) {
    if (!part) continue;
    for (const [tableName, content] of Object.entries(part)) {
      if ('rows' in content) {
        for (const row of content.rows) lines.push([name, tableName, row.key, '', shown(row.value)].join(','));
        if (content.hasTotal) lines.push([name, tableName, 'total', '', shown(content.total)].join(','));
      } else {
        content.rowKeys.forEach((row, i) =>
          content.columnKeys.forEach((column, j) => lines.push([name, tableName, row, column, shown(content.cells[i]![j]!)].join(','))),
        );
        lines.push([name, tableName, 'total', '', shown(content.total)].join(','));
      }
    }
  }
  for (const unit of report.units) lines.push(['team', 'units', quote(unit.unit), '', String(unit.reports)].join(','));
  return `${lines.join('\n')}\n`;
}
