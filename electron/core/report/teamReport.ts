import type { CaseShape, ExportCounts, ExportFile } from '../../../shared/schemas/export';
import { GROUP_KEY_PREFIX, type GroupableList, type Groupings } from '../../../shared/schemas/groupings';
import type { GroupingEffect, ReferralFlow, ReportSection, TeamReport } from '../../../shared/schemas/teamReport';
import {
  FUNCTION_REFERRAL_CODES,
  HANDLING_SUMMARY,
  REFERRAL_CODE_OF_FUNCTION,
  REFERRAL_TARGETS,
  TEAM_SECTION_FUNCTIONS,
  isFunctionReferralCode,
} from '../../../shared/taxonomy';
import { HIERARCHY_KEYS, OTHER_PARTY_KEYS } from '../../../shared/schemas/export';
import { mergeCounts } from '../export/merge';
import { hiddenCells } from './hiddenCells';
import { crossTable, partsTable, single, tagsTable, type Deferred, type Resolve } from './reportTables';
import { SuppressionPlan } from './suppression';
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

/**
 * Registers everything a section publishes with one suppression plan, in an order where a shared
 * quantity is known before the tables that link to it (totals before the crosses that repeat them).
 */
function planSection(counts: SectionCounts): { plan: SuppressionPlan; build: Deferred<ReportSection> } {
  const { merged, kind } = counts;
  const plan = new SuppressionPlan();
  const reports = { name: 'reports', value: merged.reports };
  const reporters = { name: 'reporters', value: merged.reporters };
  const reportsFigure = single(plan, reports.name, reports.value);
  single(plan, reporters.name, reporters.value);
  const jointReports = single(plan, 'jointReports', merged.jointReports);
  const conversations = single(plan, 'conversations', merged.conversations);
  const boardAdvices = single(plan, 'boardAdvices', merged.boardAdvices.total);
  const byReports = { total: reports.name };
  const byReporters = { total: reporters.name };

  const reportsByFunction = kind === 'team' ? partsTable(plan, 'reportsByFunction', 'reports', counts.perFunction, byReports) : null;
  const reportsByAdviser = kind === 'faculty' ? partsTable(plan, 'reportsByAdviser', 'reports', counts.perAdviser, byReports) : null;
  const referralTargets = partsTable(plan, 'referralTargets', 'referrals', merged.byReferralTarget);
  const referralsByFunction =
    kind === 'team'
      ? crossTable(plan, 'referralsByFunction', 'referrals', counts.referralsByFunction, [...FUNCTION_REFERRAL_CODES, 'elsewhere'], {
          columnTotal: (column) => (column === 'elsewhere' ? undefined : `referralTargets:${column}`),
          total: 'referralTargets:total',
        })
      : null;
  const elsewhere = REFERRAL_TARGETS.filter((target) => !isFunctionReferralCode(target)).map((target) => `referralTargets:${target}`);
  if (plan.has('referralsByFunction:*|elsewhere')) plan.equation('referralsByFunction:*|elsewhere', elsewhere);
  const flows = counts.flows.map((flow) => {
    const sender = TEAM_SECTION_FUNCTIONS.find((fn) => REFERRAL_CODE_OF_FUNCTION[fn] === flow.from);
    const madeName = sender ? plan.linked(`referralsByFunction:${sender}|${flow.to}`, `flow:${flow.from}>${flow.to}:made`, flow.made) : plan.quantity(`flow:${flow.from}>${flow.to}:made`, flow.made);
    const receivedName = plan.quantity(`flow:${flow.from}>${flow.to}:received`, flow.received);
    return (resolve: Resolve) => ({ from: flow.from, to: flow.to, made: resolve(madeName), received: resolve(receivedName), disagree: flow.made !== flow.received });
  });

  const reporterProfile = partsTable(plan, 'reporterProfile', 'reporters', counts.staff, byReporters);
  const employmentStatus = partsTable(plan, 'employmentStatus', 'reporters', merged.byEmploymentStatus, byReporters);
  const reporterRole = partsTable(plan, 'reporterRole', 'reporters', merged.byReporterRole, byReporters);
  const duringPhdByStaffCategory = partsTable(plan, 'duringPhdByStaffCategory', 'reporters', merged.duringPhdByStaffCategory, { base: reporters });
  const earlierPeriod = partsTable(plan, 'earlierPeriod', 'reporters', merged.byEarlierPeriod, {
    ...byReporters,
    row: (key) => (key === 'during_phd' ? 'duringPhdByStaffCategory:total' : undefined),
  });
  const ageStructure = partsTable(plan, 'ageStructure', 'reporters', merged.byAgeBand, byReporters);
  const intakeRoutes = partsTable(plan, 'intakeRoutes', 'reports', merged.byIntakeRoute, byReports);
  const natures = tagsTable(plan, 'natures', 'reports', counts.byParty.totals, reports);
  const natureRow = { rowTotal: (row: string) => `natures:${row}` };
  const natureByOtherParty = crossTable(plan, 'natureByOtherParty', 'reports', counts.byParty.cross, counts.partyColumns, natureRow);
  const natureByHierarchy = crossTable(plan, 'natureByHierarchy', 'reports', counts.byHierarchy.cross, HIERARCHY_KEYS, natureRow);
  const natureByBystander = crossTable(plan, 'natureByBystander', 'reports', counts.byBystander.cross, ['bystander', 'not_bystander'], natureRow);
  const otherParty = partsTable(plan, 'otherParty', 'reports', counts.otherParty, byReports);
  const handlingSummary = partsTable(plan, 'handlingSummary', 'reports', Object.fromEntries(HANDLING_SUMMARY.map((key) => [key, merged.handlingSummary[key]])), byReports);
  const handling = tagsTable(plan, 'handling', 'reports', merged.byHandling, reports, { row: (key) => `handlingSummary:${key}` });
  const ioaCategories = tagsTable(plan, 'ioaCategories', 'reports', merged.byIoaCategory, reports);
  const mediations = single(plan, 'mediations', merged.mediation.mediations);
  const mediationFigures = {
    hearings: single(plan, 'hearings', merged.mediation.hearings),
    sessions: single(plan, 'sessions', merged.mediation.sessions),
    agreements: single(plan, 'agreements', merged.mediation.agreements),
  };
  const mediationOutcomes = partsTable(plan, 'mediationOutcomes', 'mediations', merged.mediation.byOutcome, { total: 'mediations' });
  const signals = { name: 'signals', value: merged.signals.total };
  single(plan, signals.name, signals.value);
  const signalThemes = tagsTable(plan, 'signalThemes', 'signals', merged.signals.byTheme, signals);
  // Outreach describes the advisers' own work, not people who came to them: published as it is.
  const outreach = new SuppressionPlan();
  const activities = partsTable(outreach, 'activities', 'activities', Object.fromEntries(Object.entries(merged.activities).map(([type, entry]) => [type, entry.count])));
  const attendees = partsTable(outreach, 'attendees', 'attendees', Object.fromEntries(Object.entries(merged.activities).map(([type, entry]) => [type, entry.attendees])));
  const exactOutreach = outreach.solve(1);

  const build: Deferred<ReportSection> = (resolve) => {
    const shownReporters = resolve(reporters.name);
    // A ratio of two counts gives either back from the other: shown only when both are.
    const ratioShown = typeof shownReporters === 'number' && typeof conversations(resolve) === 'number';
    return {
      keyFigures: {
        advisers: new Set(counts.files.map((file) => file.adviserId)).size,
        reports: reportsFigure(resolve),
        reporters: shownReporters,
        jointReports: jointReports(resolve),
        conversations: conversations(resolve),
        conversationsPerReporter: !ratioShown || merged.reporters === 0 ? null : round1(merged.conversations / merged.reporters),
        staffShare: typeof shownReporters === 'string' || counts.headcount === null ? null : round1((merged.reporters / counts.headcount) * 100),
        boardAdvices: boardAdvices(resolve),
      },
      reportsByFunction: reportsByFunction?.(resolve) ?? null,
      reportsByAdviser: reportsByAdviser?.(resolve) ?? null,
      referralFlows: flows.map((flow) => flow(resolve)),
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
        mediations: mediations(resolve),
        hearings: mediationFigures.hearings(resolve),
        sessions: mediationFigures.sessions(resolve),
        agreements: mediationFigures.agreements(resolve),
      },
      mediationOutcomes: mediationOutcomes(resolve),
      signals: signalThemes(resolve),
      activities: activities(exactOutreach),
      attendees: attendees(exactOutreach),
    };
  };
  return { plan, build };
}

/** The section at threshold k, and at 1 (exact). */
function publishSection(counts: SectionCounts | null): { published: (k: number) => ReportSection; exact: ReportSection } | null {
  if (!counts) return null;
  const { plan, build } = planSection(counts);
  const atK = new Map<number, ReportSection>();
  const published = (k: number) => atK.get(k) ?? atK.set(k, build(plan.solve(k))).get(k)!;
  return { published, exact: build(plan.solve(1)) };
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

interface SectionsAt {
  team: ReturnType<typeof publishSection>;
  faculty: ReturnType<typeof publishSection>;
}

function sectionsOf(files: ExportFile[], groupings: Groupings, headcount: number | null): SectionsAt {
  const team = files.filter((file) => TEAM_SECTION_FUNCTIONS.includes(file.function));
  const faculty = files.filter((file) => !TEAM_SECTION_FUNCTIONS.includes(file.function));
  const options = { groupings, headcount, allFiles: files };
  return {
    team: publishSection(sectionCounts(team, mergeCounts(team.map((file) => file.counts)), { ...options, kind: 'team' })),
    faculty: publishSection(sectionCounts(faculty, mergeCounts(faculty.map((file) => file.counts)), { ...options, kind: 'faculty' })),
  };
}

/** Hidden cells per table of both sections at k, under one choice of groupings. */
function hiddenAt(sections: SectionsAt, k: number): Record<string, number> {
  const hidden: Record<string, number> = {};
  for (const section of [sections.team?.published(k), sections.faculty?.published(k)]) {
    if (!section) continue;
    for (const [table, count] of Object.entries(hiddenCells(section))) hidden[table] = (hidden[table] ?? 0) + count;
  }
  return hidden;
}

/** What each grouping saves: hidden cells per table with none, each one alone, and all of them. */
function groupingEffects(files: ExportFile[], input: ReportInput): GroupingEffect[] {
  const at = (groupings: Groupings) => hiddenAt(sectionsOf(files, groupings, input.headcount), input.k);
  return [
    { grouping: null, hidden: at([]) },
    ...input.groupings.map((grouping) => ({ grouping: grouping.name, hidden: at([grouping]) })),
    ...(input.groupings.length > 1 ? [{ grouping: '*', hidden: at(input.groupings) }] : []),
  ];
}

/** The team's annual figures for one report year: suppressed for publication, exact for the merging member. */
export function buildTeamReport(input: ReportInput): TeamReport {
  const { files, k } = input;
  const sections = sectionsOf(files, input.grouped ? input.groupings : [], input.headcount);
  const byUnit = mergeCounts(files.map((file) => file.counts))?.byUnit ?? {};
  const units = Object.entries(byUnit)
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
    published: { team: sections.team?.published(k) ?? null, faculty: sections.faculty?.published(k) ?? null },
    exact: { team: sections.team?.exact ?? null, faculty: sections.faculty?.exact ?? null },
    units,
    groupingEffects: groupingEffects(files, input),
  };
}
