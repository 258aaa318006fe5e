import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExportCounts, ExportFile } from '../../../shared/schemas/export';
import type { ExportPreviewTables, ReportSection, ReportTable } from '../../../shared/schemas/teamReport';
import { syntheticCase, syntheticExport } from '../../../test/fixtures/syntheticExports';
import { previewTables } from './previewTables';

/** The counts' tables the team report shows, and the section table each of them appears in. */
const SECTION_TABLES: [path: string, table: keyof ReportSection][] = [
  ['byStaffCategory', 'reporterProfile'],
  ['byEmploymentStatus', 'employmentStatus'],
  ['byReporterRole', 'reporterRole'],
  ['byEarlierPeriod', 'earlierPeriod'],
  ['duringPhdByStaffCategory', 'duringPhdByStaffCategory'],
  ['byAgeBand', 'ageStructure'],
  ['byIntakeRoute', 'intakeRoutes'],
  ['byNature', 'natures'],
  ['byOtherParty', 'otherParty'],
  ['byHandling', 'handling'],
  ['handlingSummary', 'handlingSummary'],
  ['byReferralTarget', 'referralTargets'],
  ['byIoaCategory', 'ioaCategories'],
  ['mediation.byOutcome', 'mediationOutcomes'],
  ['signals.byTheme', 'signals'],
];

/** Every count the preview model shows, by its path in the file's counts. */
function shownCounts(model: ExportPreviewTables): Map<string, number> {
  const shown = new Map<string, number>();
  const section = model.section!;
  const rows = (path: string, table: ReportTable, suffix = '') => {
    for (const row of table.rows) if (typeof row.value === 'number') shown.set(`${path}.${row.key}${suffix}`, row.value);
  };
  for (const [path, table] of SECTION_TABLES) rows(path, section[table] as ReportTable);
  rows('activities', section.activities, '.count');
  rows('activities', section.attendees, '.attendees');
  for (const key of ['reports', 'reporters', 'jointReports', 'openAtStart', 'conversations', 'conversationsOnReports'] as const) shown.set(key, section.keyFigures[key] as number);
  shown.set('boardAdvices.total', section.keyFigures.boardAdvices as number);
  shown.set('procedure.reports', section.keyFigures.procedureReports as number);
  shown.set('procedure.bothMet', section.keyFigures.procedureBothMet as number);
  shown.set('procedure.pending', section.keyFigures.procedurePending as number);
  for (const key of ['mediations', 'hearings', 'sessions', 'agreements'] as const) shown.set(`mediation.${key}`, section.mediation[key] as number);
  shown.set('signals.total', section.signals.base as number);
  for (const table of model.tables) for (const row of table.rows) shown.set(row.path, row.value);
  for (const shape of model.shapes) shown.set(shape.path, shape.reports);
  return shown;
}

/** Every number in the counts, by its dot-separated path. */
function leaves(value: unknown, path: string[] = [], found = new Map<string, number>()): Map<string, number> {
  if (typeof value === 'number') found.set(path.join('.'), value);
  else if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) leaves(inner, [...path, key], found);
  return found;
}

const count = fc.integer({ min: 1, max: 40 });
/** What the synthetic cases leave at zero, filled so that no count of the file is zero by construction. */
const extras = fc.record({
  receivedReports: count,
  unidentifiedReporters: count,
  openAtStart: count,
  closures: count,
  firstResponse: fc.record({ within24h: count, later: count, missing: count }),
  boardAdvices: fc.record({ total: count, followed: count, notFollowed: count, pending: count, reportsConcerned: count }),
  signals: count,
  activity: count,
  procedure: count,
  withUnits: fc.boolean(),
});

function fileWith(cases: fc.Arbitrary<Parameters<typeof syntheticExport>[1]>) {
  return fc.tuple(cases, extras, fc.constantFrom('central_confidential_adviser', 'faculty_confidential_adviser') as fc.Arbitrary<'central_confidential_adviser' | 'faculty_confidential_adviser'>).map(([list, extra, fn]): ExportFile => {
    const file = syntheticExport(fn, list, 2025, extra.withUnits ? { 'Faculteit Rechten': 3, 'Universiteitsbibliotheek': 7, 'niet in de lijst': 1 } : null);
    const counts: ExportCounts = {
      ...file.counts,
      receivedReports: extra.receivedReports,
      unidentifiedReporters: extra.unidentifiedReporters,
      openAtStart: extra.openAtStart,
      closures: extra.closures,
      firstResponse: extra.firstResponse,
      boardAdvices: extra.boardAdvices,
      procedure: { reports: extra.procedure * 2, bothMet: Math.ceil(extra.procedure / 2), pending: Math.floor(extra.procedure / 2) + 1 },
      byOutcome: Object.fromEntries(Object.keys(file.counts.byOutcome).map((key, index) => [key, index + 1])) as ExportCounts['byOutcome'],
      byReferralSource: Object.fromEntries(Object.keys(file.counts.byReferralSource).map((key, index) => [key, index + 2])) as ExportCounts['byReferralSource'],
      referralsReceived: Object.fromEntries(Object.keys(file.counts.referralsReceived).map((key, index) => [key, index + 1])) as ExportCounts['referralsReceived'],
      mediation: { ...file.counts.mediation, hearings: extra.activity, agreements: extra.signals },
      signals: { total: extra.signals, byTheme: Object.fromEntries(Object.keys(file.counts.signals.byTheme).map((key, index) => [key, (index % 3) + 1])) as ExportCounts['signals']['byTheme'] },
      activities: Object.fromEntries(Object.keys(file.counts.activities).map((key, index) => [key, { count: index + 1, attendees: extra.activity * (index + 1) }])) as ExportCounts['activities'],
    };
    return { ...file, counts };
  });
}

describe('the export preview', () => {
  it('shows every count the file carries, each with the file’s value', () => {
    fc.assert(
      fc.property(fileWith(fc.array(syntheticCase, { minLength: 1, maxLength: 25 })), (file) => {
        const model = previewTables(file, 5);
        const shown = shownCounts(model);
        const inFile = leaves(file.counts);
        expect(inFile.size).toBeGreaterThan(150);
        for (const [path, value] of inFile) expect(shown.get(path), path).toBe(value);
        // The case shapes read as the combinations the file holds, not only as their counts.
        expect(model.shapes.map(({ path: _path, ...shape }) => shape)).toEqual(file.counts.caseShapes);
      }),
      { numRuns: 30 },
    );
  });

  it('shows the adviser’s own referrals to other functions without the team’s notice that the two sides disagree', () => {
    const file = syntheticExport('central_confidential_adviser', fc.sample(fc.array(syntheticCase, { minLength: 5, maxLength: 5 }), { numRuns: 1, seed: 3 })[0]!, 2025);
    const counts: ExportCounts = { ...file.counts, byReferralTarget: { ...file.counts.byReferralTarget, ombudsperson: 2 }, referralsReceived: { ...file.counts.referralsReceived, concerns_point: 1 } };
    const flows = previewTables({ ...file, counts }, 5).section!.referralFlows;
    // One file holds one side of every flow: the other side is in other advisers' files, never here.
    expect(flows).toContainEqual({ from: 'confidential_adviser', to: 'ombudsperson', made: 2, received: 0, disagree: false, answer: null, countedOnce: null });
    expect(flows).toContainEqual({ from: 'concerns_point', to: 'confidential_adviser', made: 0, received: 1, disagree: false, answer: null, countedOnce: null });
    expect(flows.filter((flow) => flow.disagree)).toEqual([]);
  });
});
