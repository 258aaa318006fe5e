import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportPreview, ImportOutcome, Percent, ReportCross, ReportTable, TeamReport } from '../../shared/contract';
import { createCore, type Core } from '../../electron/core/core';
import { createLogger } from '../../electron/core/log';
import { CANARY } from '../fixtures/canaries';
import { REFERENCE_HEADCOUNT, REFERENCE_YEAR, referenceVaults } from '../fixtures/referenceReport';
import { callCore } from '../support/callCore';
import { temporaryDirectory } from '../support/temporaryDirectory';
import { testShell } from '../support/testShell';
import { count } from '../support/published';
import { auditReport } from '../support/suppressionAudit';
import { reportInputOf } from '../../electron/core/report/reportFromVault';
import { DEFAULT_GROUPINGS } from '../../shared/contract';
import type { Published, ReportSection } from '../../shared/contract';

/**
 * The published 2022 annual report of a Dutch university's social-safety team, reproduced from
 * individual cases entered through the router as the app enters them, exported per adviser,
 * imported into one team vault and read back as the report shows it. Figures are from
 * ../shared/docs/REFERENCE-REPORT.md; percentages that the publication rounded from other bases
 * match within one point.
 */
const clock = () => new Date(2023, 0, 16, 10, 0);
const dir = temporaryDirectory();
let core: Core;
let dialogs: ReturnType<typeof testShell>;
const { ok } = callCore(() => core);

async function openVault(name: string, fn: string, external: boolean) {
  core?.vault.lock();
  dialogs = testShell(dir.path);
  core = createCore({ dataDirectory: `${dir.path}/${name.replace(/ /g, '-')}`, clock, log: createLogger(() => undefined), shell: dialogs.shell });
  await ok('vault.create', { passphrase: CANARY.passphrase, function: fn, external });
}

let report: TeamReport;
let csv: string;

beforeAll(async () => {
  const exports: string[] = [];
  for (const vault of referenceVaults()) {
    await openVault(vault.name, vault.function, vault.external);
    for (const { input, conversations } of vault.cases) {
      const { id } = await ok<{ id: number }>('cases.create', input);
      for (const conversation of conversations) await ok('conversations.add', { caseId: id, conversation });
    }
    for (const advice of vault.boardAdvices) await ok('boardAdvices.create', advice);
    const preview = await ok<ExportPreview>('export.preview', { period: vault.period, includeUnits: false });
    expect(preview.notAskedYet).toEqual([]);
    await ok('export.save', { exportId: preview.file.exportId, unsealed: true });
    exports.push(readFileSync(dialogs.saved.at(-1)!, 'utf8'));
  }
  await openVault('team member', 'ombudsperson', false);
  for (const content of exports) expect((await ok<ImportOutcome>('team.import', { content, replace: [], acceptUnsealed: true })).status).toBe('imported');
  await ok('team.setHeadcount', { year: REFERENCE_YEAR, headcount: REFERENCE_HEADCOUNT });
  report = await ok<TeamReport>('team.report', { year: REFERENCE_YEAR, k: 5, grouped: true });
  await ok('team.savePublication', { year: REFERENCE_YEAR, k: 5, grouped: true, language: 'en', ioa: false, format: 'csv', acceptDifferencing: false });
  csv = readFileSync(dialogs.saved.at(-1)!, 'utf8');
}, 120_000);

afterAll(() => {
  core.vault.lock();
  dir.remove();
});

const row = (table: ReportTable, key: string) => {
  const found = table.rows.find((entry) => entry.key === key);
  if (!found) throw new Error(`no row ${key}`);
  return found;
};
const cell = (cross: ReportCross, rowKey: string, columnKey: string) => cross.cells[cross.rowKeys.indexOf(rowKey)]![cross.columnKeys.indexOf(columnKey)];
const withinOnePoint = (shown: Percent, published: number) => expect(Math.abs(count(shown) - published)).toBeLessThanOrEqual(1);
const SUPERVISOR_OR_PROMOTOR = 'group:Direct leidinggevende of (co)promotor';

describe('the reference annual report, reproduced figure by figure', () => {
  it('imports every adviser of one function for the same period: 4 team vaults and 7 faculty advisers', () => {
    expect(report.imports).toHaveLength(11);
    expect(report.imports.filter((entry) => entry.function === 'central_confidential_adviser')).toHaveLength(2);
    expect(report.years).toEqual([REFERENCE_YEAR]);
  });

  it('figure 1 and 3: 99 reports from 112 reporters (5 joint), about 2% of 5,146 staff, 2.5 conversations per reporter', () => {
    const figures = report.published.team!.keyFigures;
    expect(figures).toMatchObject({ reports: 99, reporters: 112, jointReports: 5, conversationsPerReporter: 2.5 });
    expect(Math.round(figures.staffShare!)).toBe(2);
    expect(csv).toContain('Key figures,Key figures,"Reports (unique, each counted once)",Number,99,summary,team.keyFigures,reports,value');
  });

  it('figure 1: 53% academic staff, 9% PhD candidates, 5 bystanders, 8 reporting their PhD period only now, 2 former and 1 seconded', () => {
    const published = report.published.team!;
    expect(published.reporterProfile.unit).toBe('reporters');
    expect(row(published.reporterProfile, 'academic_staff').percent).toBe(53);
    expect(row(published.reporterProfile, 'phd_candidate').percent).toBe(9);
    expect(row(published.reporterRole, 'bystander').value).toBe(5);
    expect(row(published.duringPhdByStaffCategory, 'academic_staff').value).toBe(8);
    const exact = report.exact.team!;
    expect(row(exact.employmentStatus, 'former').value).toBe(2);
    expect(row(exact.employmentStatus, 'seconded').value).toBe(1);
    // Former employees keep their staff category, so both figures hold at once.
    expect(count(row(exact.reporterProfile, 'academic_staff').value) + count(row(exact.reporterProfile, 'phd_candidate').value)).toBe(69);
  });

  it('figure 3: reports per function of first contact add up to the unique total, 43/29/28%', () => {
    const byFunction = report.published.team!.reportsByFunction!;
    expect(byFunction.unit).toBe('reports');
    expect(byFunction.total).toBe(99);
    withinOnePoint(row(byFunction, 'concerns_point_coordinator').percent, 43);
    withinOnePoint(row(byFunction, 'ombudsperson').percent, 29);
    withinOnePoint(row(byFunction, 'central_confidential_adviser').percent, 28);
    expect(row(report.published.team!.intakeRoutes, 'national_desk_threatened_scientists').value).toBe(0);
  });

  it('figure 3: the concerns point referred 2 to the adviser, 5 to the ombudsperson and 12 elsewhere; both sides agree', () => {
    const flows = report.exact.team!.referralFlows;
    expect(flows).toEqual([
      { from: 'concerns_point', to: 'ombudsperson', made: 5, received: 5, disagree: false, answer: null, countedOnce: null },
      { from: 'concerns_point', to: 'confidential_adviser', made: 2, received: 2, disagree: false, answer: null, countedOnce: null },
    ]);
    const byFunction = report.exact.team!.referralsByFunction!;
    expect(cell(byFunction, 'concerns_point_coordinator', 'elsewhere')).toBe(12);
    expect(row(report.exact.team!.referralTargets, 'complaints_committee').value).toBe(0);
    expect(row(report.exact.team!.handling, 'formal_complaint').value).toBe(0);
  });

  it('figure 4: intimidation 29% (10 supervisor or promotor, 9 colleague, 2 students, 7 third parties), a quarter labour conflict', () => {
    const published = report.published.team!;
    expect(published.natures).toMatchObject({ unit: 'reports', multi: true, base: 99 });
    expect(row(published.natures, 'intimidation')).toEqual({ key: 'intimidation', value: 29, percent: 29 });
    const exact = report.exact.team!.natureByOtherParty;
    expect(cell(exact, 'intimidation', SUPERVISOR_OR_PROMOTOR)).toBe(10);
    expect(cell(exact, 'intimidation', 'colleague')).toBe(9);
    expect(cell(exact, 'intimidation', 'student')).toBe(2);
    expect(cell(exact, 'intimidation', 'third_party')).toBe(7);
    expect(row(published.natures, 'labour_conflict').percent).toBe(25);
    expect(cell(exact, 'labour_conflict', SUPERVISOR_OR_PROMOTOR)).toBe(24);
    expect(cell(exact, 'labour_conflict', 'subordinate')).toBe(1);
  });

  it('figure 4: sexual harassment 12% (5 by bystanders, all hierarchical), cooperation 17%, bullying and reintegration 5 (4 supervisor)', () => {
    const published = report.published.team!;
    expect(row(published.natures, 'sexual_harassment')).toMatchObject({ value: 12, percent: 12 });
    expect(cell(published.natureByBystander, 'sexual_harassment', 'bystander')).toBe(5);
    expect(cell(published.natureByHierarchy, 'sexual_harassment', 'yes')).toBe(12);
    expect(row(published.natures, 'cooperation_problems').percent).toBe(17);
    // Grouped, a report with both natures counts once: 5 reports, not 6 tags.
    expect(row(published.natures, 'group:Pesten en re-integratie').value).toBe(5);
    expect(cell(report.exact.team!.natureByOtherParty, 'group:Pesten en re-integratie', SUPERVISOR_OR_PROMOTOR)).toBe(4);
    expect(cell(report.exact.team!.natureByOtherParty, 'group:Discriminatie', 'private_life')).toBe(1);
    // Natures are often combined, so they add up to more than 100% of reports.
    const tags = report.exact.team!.natures.rows.reduce((sum, entry) => sum + count(entry.value), 0);
    expect(tags).toBeGreaterThan(99);
  });

  it('figure 5: advice only in almost 60% of reports, more intensive in over 40%; one police report, two board advices', () => {
    const summary = report.published.team!.handlingSummary;
    expect(summary.unit).toBe('reports');
    expect(row(summary, 'advice_only').percent).toBe(60);
    expect(count(row(summary, 'more_intensive').value) / 99).toBeGreaterThan(0.4);
    expect(row(report.exact.team!.handling, 'police_report_help').value).toBe(1);
    expect(report.exact.team!.keyFigures.boardAdvices).toBe(2);
  });

  it('faculty PhD advisers, listed apart: 27 reports from 7 advisers, 13 at the external one, 0 to 9 at the others', () => {
    const faculty = report.exact.faculty!;
    expect(faculty.keyFigures).toMatchObject({ advisers: 7, reports: 27 });
    expect(row(faculty.reportsByAdviser!, 'adviser:1:external').value).toBe(13);
    const internal = faculty.reportsByAdviser!.rows.filter((entry) => entry.key.endsWith(':internal'));
    expect(internal).toHaveLength(6);
    expect(internal.reduce((sum, entry) => sum + count(entry.value), 0)).toBe(14);
    expect(Math.max(...internal.map((entry) => count(entry.value)))).toBe(9);
    expect(faculty.keyFigures.conversationsPerReporter).toBe(2);
    // The faculty advisers' reports stay out of the team's own totals.
    expect(report.published.team!.keyFigures.reports).toBe(99);
  });

  /** Every count the published report states in its text, located in our report. */
  const STATED: [string, (section: { team: ReportSection; faculty: ReportSection }) => Published | null | undefined][] = [
    ['99 reports', ({ team }) => team.keyFigures.reports],
    ['112 reporters', ({ team }) => team.keyFigures.reporters],
    ['5 joint reports', ({ team }) => team.keyFigures.jointReports],
    ['8 academic staff reporting their PhD period', ({ team }) => row(team.duringPhdByStaffCategory, 'academic_staff').value],
    ['5 bystanders', ({ team }) => row(team.reporterRole, 'bystander').value],
    ['2 former employees', ({ team }) => row(team.employmentStatus, 'former').value],
    ['1 seconded', ({ team }) => row(team.employmentStatus, 'seconded').value],
    ['2 referred by the concerns point to the confidential adviser', ({ team }) => team.referralFlows.find((flow) => flow.to === 'confidential_adviser')!.made],
    ['5 referred by the concerns point to the ombudsperson', ({ team }) => team.referralFlows.find((flow) => flow.to === 'ombudsperson')!.made],
    ['12 referred by the concerns point elsewhere', ({ team }) => cell(team.referralsByFunction!, 'concerns_point_coordinator', 'elsewhere')],
    ['0 to the complaints committee', ({ team }) => row(team.referralTargets, 'complaints_committee').value],
    ['29 intimidation', ({ team }) => row(team.natures, 'intimidation').value],
    ['10 intimidation by a supervisor or promotor', ({ team }) => cell(team.natureByOtherParty, 'intimidation', SUPERVISOR_OR_PROMOTOR)],
    ['9 intimidation by a colleague', ({ team }) => cell(team.natureByOtherParty, 'intimidation', 'colleague')],
    ['2 intimidation by students', ({ team }) => cell(team.natureByOtherParty, 'intimidation', 'student')],
    ['7 intimidation by third parties', ({ team }) => cell(team.natureByOtherParty, 'intimidation', 'third_party')],
    ['25 labour conflict', ({ team }) => row(team.natures, 'labour_conflict').value],
    ['24 labour conflict reported by the employee', ({ team }) => cell(team.natureByOtherParty, 'labour_conflict', SUPERVISOR_OR_PROMOTOR)],
    ['1 labour conflict reported by a supervisor', ({ team }) => cell(team.natureByOtherParty, 'labour_conflict', 'subordinate')],
    ['5 bullying and reintegration', ({ team }) => row(team.natures, 'group:Pesten en re-integratie').value],
    ['4 of them about the direct supervisor', ({ team }) => cell(team.natureByOtherParty, 'group:Pesten en re-integratie', SUPERVISOR_OR_PROMOTOR)],
    ['12 sexual harassment', ({ team }) => row(team.natures, 'sexual_harassment').value],
    ['5 sexual harassment by bystanders', ({ team }) => cell(team.natureByBystander, 'sexual_harassment', 'bystander')],
    ['12 sexual harassment, all hierarchical', ({ team }) => cell(team.natureByHierarchy, 'sexual_harassment', 'yes')],
    ['17 cooperation problems', ({ team }) => row(team.natures, 'cooperation_problems').value],
    ['1 racism in private life', ({ team }) => cell(team.natureByOtherParty, 'group:Discriminatie', 'private_life')],
    ['1 police report', ({ team }) => row(team.handling, 'police_report_help').value],
    ['27 faculty reports', ({ faculty }) => faculty.keyFigures.reports],
    ['13 at the external faculty adviser', ({ faculty }) => row(faculty.reportsByAdviser!, 'adviser:1:external').value],
  ];

  /**
   * What the publication hides of the reference report's own statements, and why: small counts
   * are people (two former employees, one seconded, one police report) a reader could find; the
   * complements are the cheapest counts that keep them from being recomputed from the totals.
   */
  const HIDDEN_AT: Record<number, string[]> = {
    5: [
      '2 former employees (small)',
      '1 seconded (small)',
      '2 referred by the concerns point to the confidential adviser (small)',
      '5 referred by the concerns point to the ombudsperson (complement)',
      '12 referred by the concerns point elsewhere (complement)',
      '2 intimidation by students (small)',
      '7 intimidation by third parties (complement)',
      '24 labour conflict reported by the employee (complement)',
      '1 labour conflict reported by a supervisor (small)',
      '4 of them about the direct supervisor (small)',
      '1 racism in private life (small)',
      '1 police report (small)',
    ],
    3: [
      '2 former employees (small)',
      '1 seconded (small)',
      '2 referred by the concerns point to the confidential adviser (small)',
      '5 referred by the concerns point to the ombudsperson (complement)',
      '2 intimidation by students (small)',
      '24 labour conflict reported by the employee (complement)',
      '1 labour conflict reported by a supervisor (small)',
      '4 of them about the direct supervisor (complement)',
      '1 racism in private life (small)',
      '1 police report (small)',
    ],
  };

  it.each([5, 3])('at k = %i every stated count is printed or marked with its reason, and the LP audit finds every small count protected', async (k) => {
    const at = await ok<TeamReport>('team.report', { year: REFERENCE_YEAR, k, grouped: true });
    const published = { team: at.published.team!, faculty: at.published.faculty! };
    const exact = { team: at.exact.team!, faculty: at.exact.faculty! };
    const hidden: string[] = [];
    for (const [statement, locate] of STATED) {
      const value = count(locate(exact));
      const shown = locate(published);
      if (value > 0 && value < k) expect(shown, statement).toBe('small');
      else if (typeof shown === 'string') expect(shown, statement).toBe('complement');
      else expect(shown, statement).toBe(value);
      if (typeof shown === 'string') hidden.push(`${statement} (${shown})`);
    }
    expect(hidden).toEqual(HIDDEN_AT[k]);
    const { findings, document } = await auditReport(reportInputOf(core.vault.database(), { year: REFERENCE_YEAR, k, grouped: true }), { language: 'en', ioa: true });
    expect(findings).toEqual([]);
    // The team's own acts print as they are: two formal advices to the board, whatever k.
    const printed = (table: string, row: string) => document.sections.flatMap((section) => section.tables).find((entry) => entry.id === table)!.rows.find((entry) => entry.code === row)!.cells[0];
    expect(printed('team.keyFigures', 'boardAdvices')).toEqual({ kind: 'count', value: 2 });
  });

  it('prints the zeros a board reads: none to the complaints committee, no formal procedure, nothing via the national desk', () => {
    const line = (table: string, row: string) => csv.split('\r\n').find((entry) => entry.endsWith(`,${table},${row},count`));
    expect(line('team.referralTargets', 'complaints_committee')).toBe('Reports per function and referrals,All referrals made in the year,Complaints committee,Number of referrals,0,functions,team.referralTargets,complaints_committee,count');
    expect(line('team.handling', 'formal_complaint')).toMatch(/,0,handling,team\.handling,formal_complaint,count$/);
    expect(line('team.intakeRoutes', 'national_desk_threatened_scientists')).toMatch(/,0,functions,team\.intakeRoutes,national_desk_threatened_scientists,count$/);
    expect(csv).toContain('Key figures,Key figures,Advice to the board,Number,2,summary,team.keyFigures,boardAdvices,value');
  });

  it('shows per table how many cells each grouping saves: the reference groups hide fewer cells than none', () => {
    const [none, ...rest] = report.groupingEffects;
    const all = rest.at(-1)!;
    expect(none!.grouping).toBeNull();
    expect(all.grouping).toBe('*');
    expect(rest.slice(0, -1).map((effect) => effect.grouping)).toEqual(DEFAULT_GROUPINGS.map((grouping) => grouping.name));
    const total = (hidden: Record<string, number>) => Object.values(hidden).reduce((sum, count) => sum + count, 0);
    expect(total(all.hidden)).toBeLessThan(total(none!.hidden));
    expect(all.hidden.natureByOtherParty!).toBeLessThan(none!.hidden.natureByOtherParty!);
  });
});

