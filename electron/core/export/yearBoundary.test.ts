import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseInput, ExportCounts, ExportFile, ExportPreview, ImportOutcome, TeamReport } from '../../../shared/contract';
import { CANARY } from '../../../test/fixtures/canaries';
import { syntheticCase, syntheticExport } from '../../../test/fixtures/syntheticExports';
import { caseInput, conversationInput, mediationInput, mediationSessionInput } from '../../../test/fixtures/records';
import { callCore } from '../../../test/support/callCore';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import { testShell } from '../../../test/support/testShell';
import { createCore, type Core } from '../core';
import { createLogger } from '../log';
import { buildTeamReport } from '../report/teamReport';

/**
 * A case that crosses New Year, exported as an adviser would: the year it was opened right after
 * New Year, that year again much later, and the next year once it has ended. Each dated act
 * (conversation, mediation session, hearing, agreement, referral, closure) lands in the year it
 * happened; the report and what it is about stay in the year of first contact.
 */
let now = new Date(2023, 0, 10, 12, 0);
let dir: ReturnType<typeof temporaryDirectory>;
let core: Core;
let dialogs: ReturnType<typeof testShell>;
let opened = 0;
const { ok } = callCore(() => core);

async function openVault(fn: string) {
  core?.vault.lock();
  dialogs = testShell(dir.path);
  core = createCore({ dataDirectory: `${dir.path}/${fn}-${++opened}`, clock: () => now, log: createLogger(() => undefined), shell: dialogs.shell });
  await ok('vault.create', { passphrase: CANARY.passphrase, function: fn });
}
beforeEach(() => {
  now = new Date(2023, 0, 10, 12, 0);
  dir = temporaryDirectory();
});
afterEach(() => {
  core.vault.lock();
  dir.remove();
});

const year = (y: number) => ({ period: { from: `${y}-01-01`, to: `${y}-12-31` }, includeUnits: false });
const exported = (y: number) => ok<ExportPreview>('export.preview', year(y));
const talk = (caseId: number, heldAt: string) => ok('conversations.add', { caseId, conversation: conversationInput({ heldAt }) });
const counted = (day: string, overrides: Partial<CaseInput> = {}) =>
  caseInput({ firstContactAt: `${day}T09:00`, firstResponseAt: `${day}T11:00`, consents: [{ scope: 'count_in_statistics', answer: 'given', withWhom: '', givenOn: day, withdrawnOn: null }], ...overrides });

/** What a year's export says of its dated acts and its reports, the figures this test is about. */
function datedFigures(counts: ExportCounts) {
  return {
    reports: counts.reports,
    reporters: counts.reporters,
    conversations: counts.conversations,
    conversationsOnReports: counts.conversationsOnReports,
    conversationsPerReporter: counts.conversationsPerReporter,
    openAtStart: counts.openAtStart,
    closures: counts.closures,
    resolved: counts.byOutcome.resolved,
    referredToCoach: counts.byReferralTarget.coach,
    mediations: counts.mediation.mediations,
    hearings: counts.mediation.hearings,
    sessions: counts.mediation.sessions,
    agreements: counts.mediation.agreements,
  };
}

describe('a case opened in December with talks in January', () => {
  it('counts each act in its own year, and the earlier year re-exported later is unchanged', async () => {
    await openVault('ombudsperson');
    // Opened on 5 December 2022 and still open at New Year: two talks in December, one on 9 January;
    // a mediation agreed in December, its hearing of the other party on 5 January.
    const crossing = await ok<{ id: number }>('cases.create', counted('2022-12-05', { handlings: ['mediation'] }));
    await talk(crossing.id, '2022-12-05T10:00');
    await talk(crossing.id, '2022-12-19T10:00');
    await talk(crossing.id, '2023-01-09T10:00');
    const mediation = mediationInput({ otherPartyConsentOn: '2022-12-12', hearingHeldOn: '2023-01-05', agreements: [{ agreedOn: '2022-12-20', text: 'CANARYAGREEMENT' }] });
    await ok('mediation.save', { caseId: crossing.id, mediation });
    await ok('conversations.add', { caseId: crossing.id, conversation: mediationSessionInput({ heldAt: '2022-12-15T14:00' }) });
    // Opened and closed in November 2022: not open on 1 January 2023.
    const closed = await ok<{ id: number }>('cases.create', counted('2022-11-02', { status: 'closed', closedOn: '2022-11-30', outcome: 'resolved' }));
    await talk(closed.id, '2022-11-02T10:00');
    // Neither a refused case nor one saved before its statistics were complete counts anywhere, whatever its dates.
    const refused = await ok<{ id: number }>('cases.create', counted('2022-12-10', { consents: [{ scope: 'count_in_statistics', answer: 'refused', withWhom: '', givenOn: '2022-12-10', withdrawnOn: null }] }));
    await talk(refused.id, '2023-01-05T10:00');
    const incomplete = await ok<{ id: number }>('cases.createIncomplete', counted('2022-12-20'));
    await talk(incomplete.id, '2022-12-28T10:00');
    await talk(incomplete.id, '2023-01-06T10:00');

    const first2022 = await exported(2022);
    await ok('export.save', { exportId: first2022.file.exportId, unsealed: true });
    expect(datedFigures(first2022.file.counts)).toEqual({
      reports: 2,
      reporters: 2,
      // Three talks held in 2022 (two on the crossing case, one on the closed one); the 9 January talk is 2023's.
      conversations: 3,
      conversationsOnReports: 3,
      conversationsPerReporter: 1.5,
      openAtStart: 0,
      closures: 1,
      resolved: 1,
      referredToCoach: 0,
      mediations: 1,
      hearings: 0,
      sessions: 1,
      agreements: 1,
    });

    // A year later: two more talks, a session, a second agreement and a referral in February and
    // March 2023, the case closed at the end of March; a new case of 2023 with two talks.
    now = new Date(2024, 0, 15, 12, 0);
    await talk(crossing.id, '2023-02-14T10:00');
    await talk(crossing.id, '2023-03-20T10:00');
    await ok('conversations.add', { caseId: crossing.id, conversation: mediationSessionInput({ heldAt: '2023-02-01T14:00' }) });
    await ok('mediation.save', { caseId: crossing.id, mediation: { ...mediation, agreements: [...mediation.agreements, { agreedOn: '2023-03-15', text: 'CANARYAGREEMENT' }] } });
    await ok('cases.update', {
      id: crossing.id,
      record: counted('2022-12-05', { handlings: ['mediation', 'referral'], referrals: [{ target: 'coach', referredOn: '2023-03-01' }], status: 'closed', closedOn: '2023-03-31', outcome: 'resolved' }),
    });
    const fresh = await ok<{ id: number }>('cases.create', counted('2023-05-02'));
    await talk(fresh.id, '2023-05-02T10:00');
    await talk(fresh.id, '2023-06-01T10:00');

    const again2022 = await exported(2022);
    // Handlings have no date: the referral handling added in March stays with the report's year, as its nature does.
    const { byHandling: handlingsBefore, handlingSummary: summaryBefore, ...restBefore } = first2022.file.counts;
    const { byHandling: handlingsAfter, handlingSummary: summaryAfter, ...restAfter } = again2022.file.counts;
    expect(restAfter).toEqual(restBefore);
    expect(handlingsAfter.referral - handlingsBefore.referral).toBe(1);

    const of2023 = await exported(2023);
    expect(datedFigures(of2023.file.counts)).toEqual({
      reports: 1,
      reporters: 1,
      // The crossing case's three talks of January to March, and the new case's two.
      conversations: 5,
      // Per reporter: the 2023 report's own talks held in 2023.
      conversationsOnReports: 2,
      conversationsPerReporter: 2,
      openAtStart: 1,
      closures: 1,
      resolved: 1,
      referredToCoach: 1,
      mediations: 0,
      hearings: 1,
      sessions: 1,
      agreements: 1,
    });
    await ok('export.save', { exportId: of2023.file.exportId, unsealed: true });

    // The team report of each year prints these counts, open on 1 January included.
    const files = [first2022.json, of2023.json];
    await openVault('central_confidential_adviser');
    await ok('team.create', { organisation: 'Team', units: [], k: 5 });
    for (const content of files) expect((await ok<ImportOutcome>('team.import', { content, replace: [], acceptUnsealed: true })).status).toBe('imported');
    const report2023 = await ok<TeamReport>('team.report', { year: 2023, k: 3, grouped: false });
    expect(report2023.exact.team!.keyFigures).toMatchObject({ reports: 1, reporters: 1, conversations: 5, conversationsOnReports: 2, conversationsPerReporter: 2, openAtStart: 1 });
    const report2022 = await ok<TeamReport>('team.report', { year: 2022, k: 3, grouped: false });
    expect(report2022.exact.team!.keyFigures).toMatchObject({ reports: 2, conversations: 3, conversationsOnReports: 3, openAtStart: 0 });
  });
});

describe('open on 1 January in the team report', () => {
  it('takes each adviser’s first export of the year: a second half-year starts with what the first left open', () => {
    const cases = fc.sample(fc.array(syntheticCase, { minLength: 6, maxLength: 6 }), { numRuns: 1, seed: 7 })[0]!;
    const exported = (openAtStart: number, from: string, to: string, adviserId?: string): ExportFile => {
      const file = syntheticExport('ombudsperson', cases, 2025);
      return { ...file, adviserId: adviserId ?? file.adviserId, period: { from, to }, counts: { ...file.counts, openAtStart } };
    };
    const firstHalf = exported(4, '2025-01-01', '2025-06-30');
    // Seven open on 1 July: the four from before 2025 still open and three of January to June.
    const secondHalf = exported(7, '2025-07-01', '2025-12-31', firstHalf.adviserId);
    const colleague = exported(2, '2025-01-01', '2025-12-31');
    const report = buildTeamReport({ year: 2025, years: [2025], files: [secondHalf, firstHalf, colleague], k: 3, grouped: false, groupings: [], headcount: null, replacements: [], importsToRedo: 0 });
    expect(report.exact.team!.keyFigures.openAtStart).toBe(6);
  });
});
