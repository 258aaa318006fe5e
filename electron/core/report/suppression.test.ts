import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GROUPINGS } from '../../../shared/schemas/groupings';
import { syntheticCase, syntheticExport } from '../../../test/fixtures/syntheticExports';
import { auditSection } from '../../../test/support/suppressionAudit';
import { SuppressionPlan } from './suppression';
import { buildTeamReport } from './teamReport';

function oneWay(values: number[], k: number) {
  const plan = new SuppressionPlan();
  const names = values.map((value, index) => plan.quantity(`row${index}`, value));
  plan.quantity('total', values.reduce((sum, value) => sum + value, 0));
  plan.equation('total', names);
  const resolve = plan.solve(k);
  return { rows: names.map(resolve), total: resolve('total') };
}

describe('small-cell suppression', () => {
  it('marks small counts "small" and the cells hidden to protect them "complement", never the other way round', () => {
    expect(oneWay([40, 2, 7, 0], 5)).toEqual({ rows: [40, 'small', 'complement', 0], total: 49 });
    expect(oneWay([40, 20], 5)).toEqual({ rows: [40, 20], total: 60 });
    expect(oneWay([2, 1], 5)).toEqual({ rows: ['small', 'small'], total: 'small' });
    // Two small cells add up to less than k: one more is hidden, so neither is bounded below k.
    expect(oneWay([30, 1, 2, 9, 24], 5)).toEqual({ rows: [30, 'small', 'small', 'complement', 24], total: 66 });
  });

  it('hides a quantity everywhere it is printed once any table hides it', () => {
    const plan = new SuppressionPlan();
    plan.quantity('reporters', 12);
    for (const table of ['profile', 'age']) {
      const rows = table === 'profile' ? [3, 9] : [6, 6];
      const names = rows.map((value, index) => plan.quantity(`${table}:${index}`, value));
      plan.equation(plan.linked('reporters', `${table}:total`, 12), names);
    }
    const resolve = plan.solve(5);
    expect(['profile:0', 'profile:1', 'age:0', 'age:1', 'reporters'].map(resolve)).toEqual(['small', 'complement', 6, 6, 12]);
  });

  it('leaves no small count of a generated team report recoverable: the LP audit finds every range reaching k', async () => {
    const samples = fc.sample(
      fc.record({
        k: fc.constantFrom(3, 5),
        grouped: fc.boolean(),
        advisers: fc.array(fc.tuple(fc.constantFrom('concerns_point_coordinator', 'ombudsperson', 'central_confidential_adviser', 'faculty_confidential_adviser' as const), fc.array(syntheticCase, { minLength: 1, maxLength: 25 })), { minLength: 1, maxLength: 4 }),
      }),
      { numRuns: 40, seed: 20261124 },
    );
    let audited = 0;
    for (const sample of samples) {
      const report = buildTeamReport({
        year: 2025,
        years: [2025],
        files: sample.advisers.map(([fn, cases]) => syntheticExport(fn, cases)),
        k: sample.k,
        grouped: sample.grouped,
        groupings: DEFAULT_GROUPINGS,
        headcount: 1000,
        replacements: [],
        importsToRedo: 0,
      });
      for (const part of ['team', 'faculty'] as const) {
        const published = report.published[part];
        if (!published) continue;
        expect(await auditSection(published, report.exact[part]!, sample.k)).toEqual([]);
        audited += 1;
      }
    }
    expect(audited).toBeGreaterThan(40);
  }, 120_000);
});
