import type { CaseShape, ExportCounts, ExportFile } from '../../../shared/schemas/export';
import { GROUP_KEY_PREFIX, type GroupableList, type Groupings } from '../../../shared/schemas/groupings';
import type { GroupingEffect, ReferralFlow, ReportSection, TeamReport } from '../../../shared/schemas/teamReport';
import {
  FUNCTION_REFERRAL_CODES,
  HANDLING_SUMMARY,
  REFERRAL_CODE_OF_FUNCTION,
  REFERRAL_TARGETS,
  TEAM_SECTION_FUNCTIONS,
  VAULT_FUNCTIONS,
  isFunctionReferralCode,
} from '../../../shared/taxonomy';
import { HIERARCHY_KEYS, OTHER_PARTY_KEYS } from '../../../shared/schemas/export';
import { mergeCounts, openAtStartOf } from '../export/merge';
import { cellName, type Declarations } from './declarations';
import { hiddenCells } from './hiddenCells';
import { countedTwice, referralFlows, sectionOf, type Flow, type KeptFlowAnswer } from './referralFlows';
import { crossTable, partsTable, ratioFigure, single, tagsTable, type Deferred } from './reportTables';
import { SuppressionPlan } from './suppression';
import { summarise } from './teamImports';

/** A flow's cells, printed in the team's section. */
const flowCell = (flow: Flow, column: 'made' | 'received' | 'countedOnce') => cellName('team.referralFlows', `${flow.from}>${flow.to}`, column);

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
  /** The referrals between functions across every import of the year, with the merging member's answers. */
  flows: Flow[];
}

/** Everything a section shows, as exact counts: computed once, then published at any threshold. */
interface SectionCounts {
  kind: SectionOptions['kind'];
  files: ExportFile[];
  merged: ExportCounts;
  /** Not the merged sum: an adviser's later export of the year starts with what the earlier one left open. */
  openAtStart: number;
  headcount: number | null;
  perFunction: Record<string, number>;
  perAdviser: Record<string, number>;
  flows: Flow[];
  /** The flows into this section whose reports its receiver also recorded as direct: counted once in its total. */
  countedTwice: Flow[];
  referralsByFunction: Record<string, Record<string, number>>;
  staff: Record<string, number>;
  /** The profile's row of a staff category: its group where the team grouped it. */
  staffKey: RowKeyOf;
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
    openAtStart: openAtStartOf(files),
    headcount: kind === 'team' ? options.headcount : null,
    perFunction: Object.fromEntries(
      TEAM_SECTION_FUNCTIONS.map((fn) => [fn, files.filter((file) => file.function === fn).reduce((sum, file) => sum + file.counts.reports, 0)]),
    ),
    perAdviser: reportsByAdviser(files),
    flows: kind === 'team' ? options.flows : [],
    countedTwice: options.flows.filter((flow) => sectionOf(flow.to) === kind && countedTwice(flow) > 0),
    referralsByFunction: referralsByFunction(files),
    staff: regroup(merged.byStaffCategory, rowKeys(groupings, 'staffCategory')),
    staffKey: rowKeys(groupings, 'staffCategory'),
    otherParty: regroup(merged.byOtherParty, partyKey),
    partyColumns: [...new Set(OTHER_PARTY_KEYS.map(partyKey))],
    byParty: natureCounts(merged.caseShapes, natureKey, natureOrder, (shape) => partyKey(shape.otherParty)),
    byHierarchy: natureCounts(merged.caseShapes, natureKey, natureOrder, (shape) => shape.hierarchical),
    byBystander: natureCounts(merged.caseShapes, natureKey, natureOrder, (shape) => (shape.bystander ? 'bystander' : 'not_bystander')),
  };
}

type Part = 'team' | 'faculty';

/**
 * Registers everything a section prints with the publication's plan, each table with the
 * relations it declares: its own sums, and which of its numbers are numbers printed elsewhere.
 */
function planSection(plan: SuppressionPlan, part: Part, counts: SectionCounts): Deferred<ReportSection> {
  const { merged, kind } = counts;
  const id = (table: keyof ReportSection | 'mediation') => `${part}.${table}`;
  const key = (figure: string) => cellName(id('keyFigures'), figure, 'value');
  const at = (table: keyof ReportSection, row: string) => cellName(id(table), row, 'count');

  const advisers = single(plan, key('advisers'), new Set(counts.files.map((file) => file.adviserId)).size, 'act');
  // A report both sides recorded as their own counts once in the total; the tables count it as each recorded it, so their total is the recorded one.
  const doubled = counts.countedTwice.reduce((sum, flow) => sum + countedTwice(flow), 0);
  const reports = single(plan, key('reports'), merged.reports - doubled);
  const recordedReports = doubled > 0 ? single(plan, key('recordedReports'), merged.reports) : () => null;
  const recorded = doubled > 0 ? key('recordedReports') : key('reports');
  if (doubled > 0) plan.sum(recorded, [key('reports'), ...counts.countedTwice.map((flow) => flowCell(flow, 'countedOnce'))]);
  const reporters = single(plan, key('reporters'), merged.reporters);
  const jointReports = single(plan, key('jointReports'), merged.jointReports);
  const openAtStart = single(plan, key('openAtStart'), counts.openAtStart);
  const conversations = single(plan, key('conversations'), merged.conversations);
  const conversationsOnReports = single(plan, key('conversationsOnReports'), merged.conversationsOnReports);
  // Advice to the board is the team's own act; how many reports it concerned is a count of reports like any other.
  const boardAdvices = single(plan, key('boardAdvices'), merged.boardAdvices.total, 'act');
  const boardAdviceReports = single(plan, key('boardAdviceReports'), merged.boardAdvices.reportsConcerned);
  // Reports under the whistleblower procedure, those that met both legal deadlines and those still running: counts of reports like any other.
  // Met and running are apart, the missed ones the rest, so the two together are at most the reports.
  const procedureReports = single(plan, key('procedureReports'), merged.procedure.reports);
  const procedureBothMet = single(plan, key('procedureBothMet'), merged.procedure.bothMet);
  const procedurePending = single(plan, key('procedurePending'), merged.procedure.pending);
  plan.atMost([key('procedureBothMet'), key('procedurePending')], key('procedureReports'));
  const conversationsPerReporter = ratioFigure(plan, key('conversationsPerReporter'), key('conversationsOnReports'), key('reporters'), 1);
  const staffShare = ratioFigure(plan, key('staffShare'), key('reporters'), counts.headcount, 100);
  const byReports = { total: recorded };
  const byReporters = { total: key('reporters') };

  const reportsByFunction = kind === 'team' ? partsTable(plan, id('reportsByFunction'), 'reports', counts.perFunction, byReports) : null;
  const reportsByAdviser = kind === 'faculty' ? partsTable(plan, id('reportsByAdviser'), 'reports', counts.perAdviser, byReports) : null;
  const referralTargets = partsTable(plan, id('referralTargets'), 'referrals', merged.byReferralTarget);
  const referralsByFunction =
    kind === 'team'
      ? crossTable(plan, id('referralsByFunction'), 'referrals', counts.referralsByFunction, [...FUNCTION_REFERRAL_CODES, 'elsewhere'], {
          columnTotal: (column) => (column === 'elsewhere' ? undefined : at('referralTargets', column)),
          total: at('referralTargets', 'total'),
        })
      : null;
  const elsewhere = cellName(id('referralsByFunction'), 'total', 'elsewhere');
  if (plan.has(elsewhere)) plan.sum(elsewhere, REFERRAL_TARGETS.filter((target) => !isFunctionReferralCode(target)).map((target) => at('referralTargets', target)));

  const reporterProfile = partsTable(plan, id('reporterProfile'), 'reporters', counts.staff, byReporters);
  const employmentStatus = partsTable(plan, id('employmentStatus'), 'reporters', merged.byEmploymentStatus, byReporters);
  const reporterRole = partsTable(plan, id('reporterRole'), 'reporters', merged.byReporterRole, byReporters);
  const duringPhdByStaffCategory = partsTable(plan, id('duringPhdByStaffCategory'), 'reporters', merged.duringPhdByStaffCategory, { base: key('reporters') });
  // Its rows are staff categories one by one, the profile's may be groups of them: together at most the group's reporters.
  for (const row of Object.keys(counts.staff)) {
    const members = Object.keys(merged.duringPhdByStaffCategory).filter((category) => counts.staffKey(category) === row);
    plan.atMost(members.map((category) => at('duringPhdByStaffCategory', category)), at('reporterProfile', row));
  }
  const earlierPeriod = partsTable(plan, id('earlierPeriod'), 'reporters', merged.byEarlierPeriod, {
    ...byReporters,
    row: (row) => (row === 'during_phd' ? at('duringPhdByStaffCategory', 'total') : undefined),
  });
  const ageStructure = partsTable(plan, id('ageStructure'), 'reporters', merged.byAgeBand, byReporters);
  const intakeRoutes = partsTable(plan, id('intakeRoutes'), 'reports', merged.byIntakeRoute, byReports);
  const natures = tagsTable(plan, id('natures'), 'reports', counts.byParty.totals, recorded);
  const natureRow = { rowTotal: (row: string) => at('natures', row) };
  const natureByOtherParty = crossTable(plan, id('natureByOtherParty'), 'reports', counts.byParty.cross, counts.partyColumns, natureRow);
  const natureByHierarchy = crossTable(plan, id('natureByHierarchy'), 'reports', counts.byHierarchy.cross, HIERARCHY_KEYS, natureRow);
  const natureByBystander = crossTable(plan, id('natureByBystander'), 'reports', counts.byBystander.cross, ['bystander', 'not_bystander'], natureRow);
  const otherParty = partsTable(plan, id('otherParty'), 'reports', counts.otherParty, byReports);
  const handlingSummary = partsTable(plan, id('handlingSummary'), 'reports', Object.fromEntries(HANDLING_SUMMARY.map((code) => [code, merged.handlingSummary[code]])), byReports);
  const handling = tagsTable(plan, id('handling'), 'reports', merged.byHandling, recorded, { row: (row) => at('handlingSummary', row) });
  const ioaCategories = tagsTable(plan, id('ioaCategories'), 'reports', merged.byIoaCategory, recorded);
  const mediationFigure = (figure: keyof ReportSection['mediation']) => single(plan, cellName(id('mediation'), figure, 'value'), merged.mediation[figure]);
  const mediation = { mediations: mediationFigure('mediations'), hearings: mediationFigure('hearings'), sessions: mediationFigure('sessions'), agreements: mediationFigure('agreements') };
  const mediationOutcomes = partsTable(plan, id('mediationOutcomes'), 'mediations', merged.mediation.byOutcome, { total: cellName(id('mediation'), 'mediations', 'value') });
  const signals = tagsTable(plan, id('signals'), 'signals', merged.signals.byTheme, merged.signals.total);
  // Outreach describes the advisers' own work, not people who came to them: printed as it is.
  const outreach = (field: 'count' | 'attendees') => Object.fromEntries(Object.entries(merged.activities).map(([type, entry]) => [type, entry[field]]));
  const activities = partsTable(plan, id('activities'), 'activities', outreach('count'), { kind: 'act' });
  const attendees = partsTable(plan, id('attendees'), 'attendees', outreach('attendees'), { kind: 'act' });

  return (resolve) => ({
    keyFigures: {
      advisers: advisers(resolve) as number,
      reports: reports(resolve),
      recordedReports: recordedReports(resolve),
      reporters: reporters(resolve),
      jointReports: jointReports(resolve),
      openAtStart: openAtStart(resolve),
      conversations: conversations(resolve),
      conversationsOnReports: conversationsOnReports(resolve),
      conversationsPerReporter: conversationsPerReporter(resolve),
      staffShare: staffShare(resolve),
      boardAdvices: boardAdvices(resolve),
      boardAdviceReports: boardAdviceReports(resolve),
      procedureReports: procedureReports(resolve),
      procedureBothMet: procedureBothMet(resolve),
      procedurePending: procedurePending(resolve),
    },
    reportsByFunction: reportsByFunction?.(resolve) ?? null,
    reportsByAdviser: reportsByAdviser?.(resolve) ?? null,
    referralFlows: [],
    referralsByFunction: referralsByFunction?.(resolve) ?? null,
    reporterProfile: reporterProfile(resolve),
    employmentStatus: employmentStatus(resolve),
    reporterRole: reporterRole(resolve),
    earlierPeriod: earlierPeriod(resolve),
    duringPhdByStaffCategory: duringPhdByStaffCategory(resolve),
    ageStructure: ageStructure(resolve),
    intakeRoutes: intakeRoutes(resolve),
    natures: natures(resolve),
    natureByOtherParty: natureByOtherParty(resolve),
    natureByHierarchy: natureByHierarchy(resolve),
    natureByBystander: natureByBystander(resolve),
    otherParty: otherParty(resolve),
    handling: handling(resolve),
    handlingSummary: handlingSummary(resolve),
    referralTargets: referralTargets(resolve),
    ioaCategories: ioaCategories(resolve),
    mediation: {
      mediations: mediation.mediations(resolve),
      hearings: mediation.hearings(resolve),
      sessions: mediation.sessions(resolve),
      agreements: mediation.agreements(resolve),
    },
    mediationOutcomes: mediationOutcomes(resolve),
    signals: signals(resolve),
    activities: activities(resolve),
    attendees: attendees(resolve),
  });
}

/**
 * The referrals between functions, printed once in the team's section, as the sender and as the
 * receiver counted them. What a sender made is the sender's own cell elsewhere (a team function's
 * row of referrals per function, the faculty advisers' referral targets); where the two sides
 * agree no note says otherwise, so a reader takes them for one number. Where the merging member
 * answered that the receiver recorded the others as direct reports, their number is printed too:
 * sent is received plus those, and the receiver's section counts them once.
 */
function planFlows(plan: SuppressionPlan, flows: Flow[]): Deferred<ReferralFlow[]> {
  const planned = flows.map((flow) => {
    const made = plan.quantity(flowCell(flow, 'made'), flow.made);
    const received = plan.quantity(flowCell(flow, 'received'), flow.received);
    const sender = VAULT_FUNCTIONS.find((fn) => REFERRAL_CODE_OF_FUNCTION[fn] === flow.from)!;
    plan.same(made, TEAM_SECTION_FUNCTIONS.includes(sender) ? cellName('team.referralsByFunction', sender, flow.to) : cellName('faculty.referralTargets', flow.to, 'count'));
    plan.same(made, received);
    const twice = countedTwice(flow);
    const countedOnce = twice > 0 ? plan.quantity(flowCell(flow, 'countedOnce'), twice) : null;
    if (countedOnce) plan.sum(made, [received, countedOnce]);
    return { flow, made, received, countedOnce };
  });
  return (resolve) =>
    planned.map(({ flow, made, received, countedOnce }) => ({
      from: flow.from,
      to: flow.to,
      made: resolve(made),
      received: resolve(received),
      disagree: flow.made !== flow.received,
      answer: flow.answer,
      countedOnce: countedOnce ? resolve(countedOnce) : null,
    }));
}

interface PlannedPublication {
  plan: SuppressionPlan;
  build: Deferred<TeamReport['published']>;
}

/** Both sections, the flows between functions and the units, as one system: a number hidden in one table is hidden in all. */
function planPublication(files: ExportFile[], groupings: Groupings, headcount: number | null, answers: readonly KeptFlowAnswer[]): PlannedPublication {
  const team = files.filter((file) => TEAM_SECTION_FUNCTIONS.includes(file.function));
  const faculty = files.filter((file) => !TEAM_SECTION_FUNCTIONS.includes(file.function));
  const options = { groupings, headcount, flows: referralFlows(files, answers) };
  const teamCounts = sectionCounts(team, mergeCounts(team.map((file) => file.counts)), { ...options, kind: 'team' });
  const facultyCounts = sectionCounts(faculty, mergeCounts(faculty.map((file) => file.counts)), { ...options, kind: 'faculty' });
  const plan = new SuppressionPlan();
  // Flows first: a section's total of reports counted once is declared over the flows' cells.
  const flows = teamCounts ? planFlows(plan, teamCounts.flows) : () => [];
  const teamSection = teamCounts && planSection(plan, 'team', teamCounts);
  const facultySection = facultyCounts && planSection(plan, 'faculty', facultyCounts);
  for (const [unit, reports] of Object.entries(mergeCounts(files.map((file) => file.counts))?.byUnit ?? {})) plan.quantity(cellName('team.units', unit, 'count'), reports);
  return {
    plan,
    build: (resolve) => ({
      team: teamSection ? { ...teamSection(resolve), referralFlows: flows(resolve) } : null,
      faculty: facultySection ? facultySection(resolve) : null,
    }),
  };
}

/** The publication at threshold k, and exact (k = 1), with the declarations its suppression solved. */
function publish(files: ExportFile[], groupings: Groupings, headcount: number | null, answers: readonly KeptFlowAnswer[]) {
  const { plan, build } = planPublication(files, groupings, headcount, answers);
  const atK = new Map<number, TeamReport['published']>();
  const published = (k: number) => atK.get(k) ?? atK.set(k, build(plan.solve(k))).get(k)!;
  return { published, exact: published(1), declarations: plan.declarations() };
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
  /** The merging member's answers to flows whose sides disagree, as kept (each applies only to the counts it was given for); none when absent. */
  flowAnswers?: readonly KeptFlowAnswer[];
}

/** Hidden cells per table of both sections at k, under one choice of groupings. */
function hiddenAt(files: ExportFile[], groupings: Groupings, input: ReportInput): Record<string, number> {
  const hidden: Record<string, number> = {};
  const { team, faculty } = publish(files, groupings, input.headcount, input.flowAnswers ?? []).published(input.k);
  for (const section of [team, faculty]) {
    if (!section) continue;
    for (const [table, count] of Object.entries(hiddenCells(section))) hidden[table] = (hidden[table] ?? 0) + count;
  }
  return hidden;
}

/** What each grouping saves: hidden cells per table with none, each one alone, and all of them. */
function groupingEffects(files: ExportFile[], input: ReportInput): GroupingEffect[] {
  const at = (groupings: Groupings) => hiddenAt(files, groupings, input);
  return [
    { grouping: null, hidden: at([]) },
    ...input.groupings.map((grouping) => ({ grouping: grouping.name, hidden: at([grouping]) })),
    ...(input.groupings.length > 1 ? [{ grouping: '*', hidden: at(input.groupings) }] : []),
  ];
}

/**
 * The publication of one report year and the declarations its suppression solved (the audit in
 * the tests reads both), without the grouping effects: those take a solve per grouping and only
 * the merging member's screen shows them.
 */
export function buildTeamReportWithDeclarations(input: ReportInput): { report: TeamReport; declarations: Declarations } {
  const { files, k } = input;
  const { published, exact, declarations } = publish(files, input.grouped ? input.groupings : [], input.headcount, input.flowAnswers ?? []);
  const byUnit = mergeCounts(files.map((file) => file.counts))?.byUnit ?? {};
  const units = Object.entries(byUnit)
    .filter(([, reports]) => reports >= k)
    .map(([unit, reports]) => ({ unit, reports }))
    .sort((a, b) => b.reports - a.reports || a.unit.localeCompare(b.unit));
  const report: TeamReport = {
    year: input.year,
    years: input.years,
    k,
    grouped: input.grouped,
    headcount: input.headcount,
    imports: files.map(summarise),
    replacements: input.replacements,
    importsToRedo: input.importsToRedo,
    published: published(k),
    exact,
    units,
    groupingEffects: [],
  };
  return { report, declarations };
}

/** The team's annual figures for one report year: suppressed for publication, exact for the merging member, and what each grouping saves. */
export function buildTeamReport(input: ReportInput): TeamReport {
  return { ...buildTeamReportWithDeclarations(input).report, groupingEffects: groupingEffects(input.files, input) };
}
