import type { CaseShape, ExportCounts, ExportFile } from '../../../shared/schemas/export';
import { GROUP_KEY_PREFIX, type GroupableList, type Groupings } from '../../../shared/schemas/groupings';
import type { KeyFigures, ReferralFlow, ReportSection, TeamReport } from '../../../shared/schemas/teamReport';
import {
  FUNCTION_REFERRAL_CODES,
  HANDLING_SUMMARY,
  REFERRAL_CODE_OF_FUNCTION,
  TEAM_SECTION_FUNCTIONS,
  isFunctionReferralCode,
} from '../../../shared/taxonomy';
import { HIERARCHY_KEYS, OTHER_PARTY_KEYS } from '../../../shared/schemas/export';
import { mergeCounts } from './merge';
import { crossTable, partsTable, publish, tagsTable } from './reportTables';
import { summarise } from './teamImports';

const round1 = (value: number) => Math.round(value * 10) / 10;

/** Maps a code to its group's row key where the team grouped it, else to itself. */
type RowKeyOf = (code: string) => string;

function rowKeys(groupings: Groupings, list: GroupableList): RowKeyOf {
  const keyOf = new Map<string, string>();
  for (const grouping of groupings) {
    if (grouping.list !== list) continue;
    for (const code of grouping.codes) keyOf.set(code, `${GROUP_KEY_PREFIX}${grouping.name}`);
  }
  return (code) => keyOf.get(code) ?? code;
}

/** Sums a single-valued table into its grouped rows, each group where its first code stood. */
function regroup(values: Record<string, number>, keyOf: RowKeyOf): Record<string, number> {
  const grouped: Record<string, number> = {};
  for (const [code, value] of Object.entries(values)) grouped[keyOf(code)] = (grouped[keyOf(code)] ?? 0) + value;
  return grouped;
}

/**
 * Natures from the case shapes: a report counts once in a row even when two of its natures fall
 * in the same group, so a grouped row is "reports with any of these natures".
 */
function natureCounts(shapes: CaseShape[], natureKey: RowKeyOf, natureOrder: string[], column: (shape: CaseShape) => string) {
  const totals: Record<string, number> = Object.fromEntries(natureOrder.map((key) => [key, 0]));
  const cross: Record<string, Record<string, number>> = Object.fromEntries(natureOrder.map((key) => [key, {}]));
  for (const shape of shapes) {
    for (const key of new Set(shape.natures.map(natureKey))) {
      totals[key] = (totals[key] ?? 0) + shape.reports;
      const row = (cross[key] ??= {});
      row[column(shape)] = (row[column(shape)] ?? 0) + shape.reports;
    }
  }
  return { totals, cross };
}

function keyFigures(files: ExportFile[], merged: ExportCounts, k: number, headcount: number | null): KeyFigures {
  const reporters = publish(merged.reporters, k);
  return {
    advisers: new Set(files.map((file) => file.adviserId)).size,
    reports: publish(merged.reports, k),
    reporters,
    jointReports: publish(merged.jointReports, k),
    conversations: publish(merged.conversations, k),
    conversationsPerReporter: reporters === null || merged.reporters === 0 ? null : round1(merged.conversations / merged.reporters),
    staffShare: reporters === null || headcount === null ? null : round1((merged.reporters / headcount) * 100),
    boardAdvices: publish(merged.boardAdvices.total, k),
  };
}

/**
 * Referrals between team functions, once as the sender counted them (referrals made) and once as
 * the receiver did (reports received), so a disagreement shows instead of being averaged away.
 */
interface Flow {
  from: ReferralFlow['from'];
  to: ReferralFlow['to'];
  made: number;
  received: number;
}

function referralFlows(files: ExportFile[]): Flow[] {
  const flows: Flow[] = [];
  for (const from of FUNCTION_REFERRAL_CODES) {
    for (const to of FUNCTION_REFERRAL_CODES) {
      let made = 0;
      let received = 0;
      for (const file of files) {
        const code = REFERRAL_CODE_OF_FUNCTION[file.function];
        if (code === from) made += file.counts.byReferralTarget[to];
        if (code === to) received += file.counts.referralsReceived[from];
      }
      if (made > 0 || received > 0) flows.push({ from, to, made, received });
    }
  }
  return flows;
}

/** Each function's referrals: to the other team functions one by one, everywhere else together. */
function referralsByFunction(files: ExportFile[]): Record<string, Record<string, number>> {
  const rows: Record<string, Record<string, number>> = {};
  for (const file of files) {
    const row = (rows[file.function] ??= {});
    for (const [target, count] of Object.entries(file.counts.byReferralTarget)) {
      const column = isFunctionReferralCode(target) ? target : 'elsewhere';
      row[column] = (row[column] ?? 0) + count;
    }
  }
  return rows;
}

/** Faculty advisers are listed one by one, by a number, never by name; external ones say so. */
function reportsByAdviser(files: ExportFile[]): Record<string, number> {
  const perAdviser = new Map<string, { external: boolean; reports: number }>();
  for (const file of files) {
    const entry = perAdviser.get(file.adviserId) ?? { external: file.external, reports: 0 };
    entry.reports += file.counts.reports;
    perAdviser.set(file.adviserId, entry);
  }
  const ordered = [...perAdviser.entries()].sort(([a, left], [b, right]) => Number(right.external) - Number(left.external) || (a < b ? -1 : 1));
  return Object.fromEntries(ordered.map(([, entry], index) => [`adviser:${index + 1}:${entry.external ? 'external' : 'internal'}`, entry.reports]));
}

interface SectionOptions {
  kind: 'team' | 'faculty';
  groupings: Groupings;
  headcount: number | null;
  /** Every import of the year: referrals cross from the team's functions to the faculty advisers. */
  allFiles: ExportFile[];
}

/** Everything a section shows, as exact counts: computed once, then published at any threshold. */
interface SectionCounts {
  kind: SectionOptions['kind'];
  files: ExportFile[];
  merged: ExportCounts;
  headcount: number | null;
  perFunction: Record<string, number>;
  perAdviser: Record<string, number>;
  flows: Flow[];
  referralsByFunction: Record<string, Record<string, number>>;
  staff: Record<string, number>;
  otherParty: Record<string, number>;
  partyColumns: string[];
  byParty: ReturnType<typeof natureCounts>;
  byHierarchy: ReturnType<typeof natureCounts>;
  byBystander: ReturnType<typeof natureCounts>;
}

function sectionCounts(files: ExportFile[], merged: ExportCounts | null, options: SectionOptions): SectionCounts | null {
  if (!merged) return null;
  const { groupings, kind } = options;
  const natureKey = rowKeys(groupings, 'nature');
  const partyKey = rowKeys(groupings, 'otherPartyRelation');
  const natureOrder = [...new Set(Object.keys(merged.byNature).map(natureKey))];
  return {
    kind,
    files,
    merged,
    headcount: kind === 'team' ? options.headcount : null,
    perFunction: Object.fromEntries(
      TEAM_SECTION_FUNCTIONS.map((fn) => [fn, files.filter((file) => file.function === fn).reduce((sum, file) => sum + file.counts.reports, 0)]),
    ),
    perAdviser: reportsByAdviser(files),
    flows: kind === 'team' ? referralFlows(options.allFiles) : [],
    referralsByFunction: referralsByFunction(files),
    staff: regroup(merged.byStaffCategory, rowKeys(groupings, 'staffCategory')),
    otherParty: regroup(merged.byOtherParty, partyKey),
    partyColumns: [...new Set(OTHER_PARTY_KEYS.map(partyKey))],
    byParty: natureCounts(merged.caseShapes, natureKey, natureOrder, (shape) => partyKey(shape.otherParty)),
    byHierarchy: natureCounts(merged.caseShapes, natureKey, natureOrder, (shape) => shape.hierarchical),
    byBystander: natureCounts(merged.caseShapes, natureKey, natureOrder, (shape) => (shape.bystander ? 'bystander' : 'not_bystander')),
  };
}

function publishSection(counts: SectionCounts | null, k: number): ReportSection | null {
  if (!counts) return null;
  const { merged, kind } = counts;
  return {
    keyFigures: keyFigures(counts.files, merged, k, counts.headcount),
    reportsByFunction: kind === 'team' ? partsTable('reports', counts.perFunction, k) : null,
    reportsByAdviser: kind === 'faculty' ? partsTable('reports', counts.perAdviser, k) : null,
    referralFlows: counts.flows.map((flow) => ({ ...flow, made: publish(flow.made, k), received: publish(flow.received, k), disagree: flow.made !== flow.received })),
    referralsByFunction: kind === 'team' ? crossTable('referrals', counts.referralsByFunction, [...FUNCTION_REFERRAL_CODES, 'elsewhere'], k) : null,
    reporterProfile: partsTable('reporters', counts.staff, k),
    employmentStatus: partsTable('reporters', merged.byEmploymentStatus, k),
    reporterRole: partsTable('reporters', merged.byReporterRole, k),
    earlierPeriod: partsTable('reporters', merged.byEarlierPeriod, k),
    duringPhdByStaffCategory: partsTable('reporters', merged.duringPhdByStaffCategory, k, merged.reporters),
    ageStructure: partsTable('reporters', merged.byAgeBand, k),
    intakeRoutes: partsTable('reports', merged.byIntakeRoute, k),
    natures: tagsTable('reports', counts.byParty.totals, k, merged.reports),
    natureByOtherParty: crossTable('reports', counts.byParty.cross, counts.partyColumns, k),
    natureByHierarchy: crossTable('reports', counts.byHierarchy.cross, HIERARCHY_KEYS, k),
    natureByBystander: crossTable('reports', counts.byBystander.cross, ['bystander', 'not_bystander'], k),
    otherParty: partsTable('reports', counts.otherParty, k),
    handling: tagsTable('reports', merged.byHandling, k, merged.reports),
    handlingSummary: partsTable('reports', Object.fromEntries(HANDLING_SUMMARY.map((key) => [key, merged.handlingSummary[key]])), k),
    referralTargets: partsTable('referrals', merged.byReferralTarget, k),
  };
}

export interface ReportInput {
  year: number;
  years: number[];
  files: ExportFile[];
  k: number;
  grouped: boolean;
  groupings: Groupings;
  headcount: number | null;
  replacements: TeamReport['replacements'];
  importsToRedo: number;
}

/** The team's annual figures for one report year: suppressed for publication, exact for the merging member. */
export function buildTeamReport(input: ReportInput): TeamReport {
  const { files, k } = input;
  const team = files.filter((file) => TEAM_SECTION_FUNCTIONS.includes(file.function));
  const faculty = files.filter((file) => !TEAM_SECTION_FUNCTIONS.includes(file.function));
  const groupings = input.grouped ? input.groupings : [];
  const mergedTeam = mergeCounts(team.map((file) => file.counts));
  const mergedFaculty = mergeCounts(faculty.map((file) => file.counts));
  const options = { groupings, headcount: input.headcount, allFiles: files };
  const teamCounts = sectionCounts(team, mergedTeam, { ...options, kind: 'team' });
  const facultyCounts = sectionCounts(faculty, mergedFaculty, { ...options, kind: 'faculty' });
  const sections = (threshold: number) => ({ team: publishSection(teamCounts, threshold), faculty: publishSection(facultyCounts, threshold) });
  const units = Object.entries(mergeCounts([mergedTeam, mergedFaculty].filter((counts) => counts !== null))?.byUnit ?? {})
    .filter(([, reports]) => reports >= k)
    .map(([unit, reports]) => ({ unit, reports }))
    .sort((a, b) => b.reports - a.reports || a.unit.localeCompare(b.unit));
  return {
    year: input.year,
    years: input.years,
    k,
    grouped: input.grouped,
    headcount: input.headcount,
    imports: files.map(summarise),
    replacements: input.replacements,
    importsToRedo: input.importsToRedo,
    published: sections(k),
    exact: sections(1),
    units,
  };
}

/** The published tables as CSV, suppressed cells written as "<k" exactly as the report shows them. */
export function publicationCsv(report: TeamReport): string {
  const lines = ['section,table,row,column,value,percent'];
  const shown = (value: number | null) => (value === null ? `<${report.k}` : String(value));
  const quote = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const line = (...cells: string[]) => lines.push(cells.map(quote).join(','));
  for (const [name, part] of Object.entries(report.published)) {
    if (!part) continue;
    for (const [figure, value] of Object.entries(part.keyFigures)) line(name, 'keyFigures', figure, '', value === null ? `<${report.k}` : String(value), '');
    for (const flow of part.referralFlows) {
      line(name, 'referralFlows', `${flow.from}>${flow.to}`, 'made', shown(flow.made), '');
      line(name, 'referralFlows', `${flow.from}>${flow.to}`, 'received', shown(flow.received), '');
    }
    for (const [tableName, content] of Object.entries(part)) {
      if (content === null || typeof content !== 'object' || Array.isArray(content)) continue;
      if ('rows' in content) {
        for (const row of content.rows) line(name, tableName, row.key, '', shown(row.value), row.percent === null ? '' : String(row.percent));
        if (content.hasTotal) line(name, tableName, 'total', '', shown(content.total), '');
      } else if ('cells' in content) {
        content.rowKeys.forEach((row, i) => content.columnKeys.forEach((column, j) => line(name, tableName, row, column, shown(content.cells[i]![j]!), '')));
        line(name, tableName, 'total', '', shown(content.total), '');
      }
    }
  }
  for (const unit of report.units) line('team', 'units', unit.unit, '', String(unit.reports), '');
  return `${lines.join('\n')}\n`;
}
