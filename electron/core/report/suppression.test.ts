import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatedTeam, teamFiles, withCounts } from '../../../test/fixtures/generatedTeams';
import { syntheticCase, syntheticExport } from '../../../test/fixtures/syntheticExports';
import { auditReport } from '../../../test/support/suppressionAudit';
import { needsAnswer } from '../../../shared/flowQuestions';
import { referralFlows } from './referralFlows';
import type { ReportInput } from './teamReport';
import { SuppressionPlan } from './suppression';

function oneWay(values: number[], k: number) {
  const plan = new SuppressionPlan();
  const names = values.map((value, index) => plan.quantity(`row${index}`, value));
  plan.quantity('total', values.reduce((sum, value) => sum + value, 0));
  plan.sum('total', names);
  const resolve = plan.solve(k);
  return { rows: names.map(resolve), total: resolve('total') };
}

const input = (files: ReportInput['files'], k: number, rest: Partial<ReportInput> = {}): ReportInput => ({
  year: 2025,
  years: [2025],
  files,
  k,
  grouped: true,
  groupings: [],
  headcount: null,
  replacements: [],
  importsToRedo: 0,
  ...rest,
});

/** The merging member's answers to a generated team's disagreeing flows, alternating, so totals counted once are audited too. */
const answered = (files: ReportInput['files']) =>
  referralFlows(files)
    .filter(needsAnswer)
    .map((flow, index) => ({ ...flow, answer: index % 2 === 0 ? ('recorded_as_direct' as const) : ('did_not_arrive' as const) }));

const casesOf = (count: number, seed: number) =>
  fc.sample(fc.array(syntheticCase, { minLength: count, maxLength: count }), { numRuns: 1, seed })[0]!.map((entry) => ({ ...entry, referral: null }));

/**
 * Finding 1 of the report's review: the concerns point referred 2 to a confidential adviser, 5 to
 * the ombudsperson and 12 elsewhere, and both receivers logged what they received. The flows
 * printed "sent ×, received 5" and the concerns point's row "× | <5 | 12 | total 19": with sent =
 * received, 19 − 12 − 5 gives the 2 back.
 */
function findingOne(k: number): ReportInput {
  const concernsPoint = withCounts(syntheticExport('concerns_point_coordinator', casesOf(43, 1)), (counts) => {
    Object.assign(counts.byReferralTarget, { confidential_adviser: 2, ombudsperson: 5, coach: 3, company_doctor: 3, company_social_work: 2, police: 1, psychologist: 2, victim_support: 1 });
  });
  const ombudsperson = withCounts(syntheticExport('ombudsperson', casesOf(28, 2)), (counts) => {
    counts.referralsReceived.concerns_point = 5;
    counts.byReferralTarget.hr_adviser = 6;
  });
  const adviser = withCounts(syntheticExport('central_confidential_adviser', casesOf(28, 3)), (counts) => {
    counts.referralsReceived.concerns_point = 2;
    counts.byReferralTarget.coach = 7;
  });
  return input([concernsPoint, ombudsperson, adviser], k);
}

describe('small-cell suppression', () => {
  it('marks small counts "small" and the cells hidden to protect them "complement", never the other way round', () => {
    expect(oneWay([40, 2, 7, 0], 5)).toEqual({ rows: [40, 'small', 'complement', 0], total: 49 });
    expect(oneWay([40, 20], 5)).toEqual({ rows: [40, 20], total: 60 });
    expect(oneWay([2, 1], 5)).toEqual({ rows: ['small', 'small'], total: 'small' });
    // Two small cells add up to less than k: one more is hidden, so neither is bounded below k.
    expect(oneWay([30, 1, 2, 9, 24], 5)).toEqual({ rows: [30, 'small', 'small', 'complement', 24], total: 66 });
  });

  it('hides a quantity everywhere it is printed once any table hides it, and never the team’s own acts', () => {
    const plan = new SuppressionPlan();
    plan.quantity('reporters', 12);
    for (const table of ['profile', 'age']) {
      const rows = table === 'profile' ? [3, 9] : [6, 6];
      const names = rows.map((value, index) => plan.quantity(`${table}:${index}`, value));
      plan.quantity(`${table}:total`, 12);
      plan.same(`${table}:total`, 'reporters');
      plan.sum(`${table}:total`, names);
    }
    plan.quantity('advice', 2, 'act');
    const resolve = plan.solve(5);
    expect(['profile:0', 'profile:1', 'age:0', 'age:1', 'reporters', 'advice'].map(resolve)).toEqual(['small', 'complement', 6, 6, 12, 2]);
  });

  it.each([5, 3])('finding 1 at k = %i: a referral hidden as sent is hidden as received too, and the audit recovers nothing', async (k) => {
    const { report, findings, declarations } = await auditReport(findingOne(k));
    expect(declarations.relations).toContainEqual({ kind: 'same', names: ['team.referralFlows|concerns_point>ombudsperson|made', 'team.referralFlows|concerns_point>ombudsperson|received'] });
    expect(findings).toEqual([]);
    const flow = report.published.team!.referralFlows.find((entry) => entry.to === 'ombudsperson')!;
    expect(typeof flow.made).toBe('string');
    expect(flow.received).toBe(flow.made);
  });

  it.each([5, 3])('at k = %i a faculty adviser’s referral, printed in the faculty section and in the team’s flows, is hidden in both (the report screen shows the faculty section’s referral targets)', async (k) => {
    const faculty = withCounts(syntheticExport('faculty_confidential_adviser', casesOf(30, 4)), (counts) => {
      Object.assign(counts.byReferralTarget, { ombudsperson: 5, coach: 2, company_doctor: 12 });
    });
    const ombudsperson = withCounts(syntheticExport('ombudsperson', casesOf(30, 5)), (counts) => {
      counts.referralsReceived.faculty_adviser = 5;
    });
    const { report, findings } = await auditReport(input([faculty, ombudsperson], k));
    expect(findings).toEqual([]);
    const flow = report.published.team!.referralFlows.find((entry) => entry.from === 'faculty_adviser')!;
    const target = report.published.faculty!.referralTargets.rows.find((row) => row.key === 'ombudsperson')!;
    expect(target.value).toBe('complement');
    expect([flow.made, flow.received]).toEqual(['complement', 'complement']);
  });

  it('finds no small count recoverable from the whole publication of a generated team, with last year beside it, at k = 3 and k = 5', async () => {
    const samples = fc.sample(fc.record({ now: generatedTeam, before: generatedTeam, grouped: fc.boolean(), ioa: fc.boolean(), language: fc.constantFrom('nl' as const, 'en' as const) }), {
      numRuns: 100,
      seed: 20261205,
    });
    const seen = { audited: 0, flows: 0, disagreeing: 0, countedOnce: 0, hidden: 0, changes: 0, groups: 0 };
    for (const sample of samples) {
      for (const k of [3, 5]) {
        const options = { grouped: sample.grouped, groupings: sample.now.groupings, headcount: sample.now.headcount };
        const files = teamFiles(sample.now, 2025);
        const { report, document, findings } = await auditReport(input(files, k, { ...options, flowAnswers: answered(files) }), {
          previous: input(teamFiles(sample.before, 2024), k, { ...options, year: 2024, years: [2024] }),
          language: sample.language,
          ioa: sample.ioa,
        });
        expect(findings, `sample ${seen.audited}`).toEqual([]);
        seen.audited += 1;
        const flows = report.published.team?.referralFlows ?? [];
        seen.flows += flows.length;
        seen.disagreeing += flows.filter((flow) => flow.disagree).length;
        seen.countedOnce += flows.filter((flow) => flow.countedOnce !== null).length;
        const cells = document.sections.flatMap((section) => section.tables.flatMap((table) => table.rows.flatMap((row) => row.cells)));
        seen.hidden += cells.filter((cell) => cell.kind === 'count' && typeof cell.value === 'string').length;
        seen.changes += cells.filter((cell) => cell.kind === 'change' && cell.value !== null).length;
        if (report.grouped && sample.now.groupings.length > 0) seen.groups += 1;
      }
    }
    // The generated teams exercise what the audit relates: flows (some disagreeing, some answered as counted once), hidden cells, last year's changes, groups.
    expect(seen.audited).toBe(200);
    for (const figure of Object.values(seen)) expect(figure).toBeGreaterThan(20);
  }, 120_000);
});
