import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportPreview, ImportOutcome, PublicationDocument, TeamReport } from '../../../shared/contract';
import { CANARY } from '../../../test/fixtures/canaries';
import { caseInput } from '../../../test/fixtures/records';
import { callCore } from '../../../test/support/callCore';
import { xlsxSheets } from '../../../test/support/outsideReaders';
import { auditReport } from '../../../test/support/suppressionAudit';
import { teamTables } from '../../../test/support/teamTables';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import { testShell } from '../../../test/support/testShell';
import { createCore, type Core } from '../core';
import { createLogger } from '../log';
import { reportInputOf } from './reportFromVault';

/**
 * Issue 23, finding 4: the concerns point referred two reports to a confidential adviser; the
 * adviser logged one as received from the concerns point and the other as a direct report of
 * its own. Both counted that one: five reports recorded where four came in. The merging member
 * answers, the total follows.
 */
let dir: ReturnType<typeof temporaryDirectory>;
const cores = new Map<string, { core: Core; dialogs: ReturnType<typeof testShell> }>();
let current: Core;
let dialogs: ReturnType<typeof testShell>;
const { ok, codeOf } = callCore(() => current);
const now = new Date(2027, 0, 10, 12, 0);

/** Each name is one vault with its own dialogs, kept open so it can export again later. */
async function use(name: string, fn: string) {
  const open = cores.get(name);
  if (open) {
    ({ core: current, dialogs } = open);
    return;
  }
  dialogs = testShell(dir.path);
  current = createCore({ dataDirectory: `${dir.path}/${name}`, clock: () => now, log: createLogger(() => undefined), shell: dialogs.shell });
  cores.set(name, { core: current, dialogs });
  await ok('vault.create', { passphrase: CANARY.passphrase, function: fn });
}

async function exportOf(): Promise<string> {
  const { file } = await ok<ExportPreview>('export.preview', { period: { from: '2026-01-01', to: '2026-12-31' }, includeUnits: false });
  await ok('export.save', { exportId: file.exportId, unsealed: true });
  return readFileSync(dialogs.saved.at(-1)!, 'utf8');
}

const referred = () => caseInput({ handlings: ['referral'], referrals: [{ target: 'confidential_adviser', referredOn: '2026-03-02' }] });
const report = async (k = 3) => ok<TeamReport>('team.report', { year: 2026, k, grouped: false });
const flowOf = (found: TeamReport) => found.exact.team!.referralFlows.find((flow) => flow.from === 'concerns_point' && flow.to === 'confidential_adviser')!;
const publication = { year: 2026, k: 3, grouped: false, language: 'nl' as const, ioa: false };

/** The team vault after importing both sides; returns the concerns point's export id, to replace it later. */
async function twoSides(): Promise<string> {
  await use('concerns-point', 'concerns_point_coordinator');
  for (const input of [referred(), referred(), caseInput()]) await ok('cases.create', input);
  const sent = await exportOf();
  await use('adviser', 'central_confidential_adviser');
  await ok('cases.create', caseInput({ intakeRoute: 'referred_by_function', referredInBy: 'concerns_point' }));
  for (let i = 0; i < 2; i++) await ok('cases.create', caseInput());
  const received = await exportOf();
  await use('team', 'ombudsperson');
  for (const content of [sent, received]) await ok('team.import', { content, replace: [], acceptUnsealed: true });
  return (JSON.parse(sent) as { exportId: string }).exportId;
}

beforeEach(() => {
  dir = temporaryDirectory();
});
afterEach(() => {
  for (const { core } of cores.values()) core.vault.lock();
  cores.clear();
  dir.remove();
});

describe('a referral flow whose two sides disagree', () => {
  it('holds the publication until the merging member answers, and then counts the doubly recorded report once', async () => {
    const sentExport = await twoSides();
    const before = await report();
    expect(flowOf(before)).toEqual({ from: 'concerns_point', to: 'confidential_adviser', made: 2, received: 1, disagree: true, answer: null, countedOnce: null });
    expect(before.exact.team!.keyFigures.reports).toBe(5);

    const untouched = teamTables(current);
    const files = dialogs.saved.length;
    expect(await codeOf('team.savePublication', { ...publication, format: 'csv', acceptDifferencing: false })).toBe('FLOW_UNANSWERED');
    expect(await codeOf('team.answerFlow', { year: 2026, from: 'ombudsperson', to: 'concerns_point', answer: 'did_not_arrive' })).toBe('FLOW_NOT_IN_QUESTION');
    expect(await codeOf('team.answerFlow', { year: 2026, from: 'concerns_point', to: 'confidential_adviser', answer: 'both' })).toBe('INVALID_INPUT');
    expect(teamTables(current)).toEqual(untouched);
    expect(dialogs.saved).toHaveLength(files);

    await ok('team.answerFlow', { year: 2026, from: 'concerns_point', to: 'confidential_adviser', answer: 'recorded_as_direct' });
    const once = await report();
    expect(flowOf(once)).toMatchObject({ answer: 'recorded_as_direct', countedOnce: 1 });
    expect(once.exact.team!.keyFigures).toMatchObject({ reports: 4, recordedReports: 5 });
    // The tables count the report as both sides recorded it; their total is the recorded one.
    expect(once.exact.team!.intakeRoutes.total).toBe(5);
    expect(once.exact.team!.reportsByFunction!.total).toBe(5);

    // Printed at k = 3, the two totals would give the hidden 1 back (5 − 4): one of them is hidden with it.
    const printed = once.published.team!;
    expect(printed.referralFlows.find((flow) => flow.to === 'confidential_adviser')!.countedOnce).toBe('small');
    expect([printed.keyFigures.reports, printed.keyFigures.recordedReports].filter((value) => typeof value === 'number')).toHaveLength(1);
    // An outside solver finds no small count recoverable with "sent = received + counted once" and "recorded = reports + counted once".
    for (const k of [3, 5]) {
      const { findings } = await auditReport(reportInputOf(current.vault.database(), { year: 2026, k, grouped: false }), { language: 'nl', ioa: false });
      expect(findings, `k = ${k}`).toEqual([]);
    }

    // Read back by openpyxl: the footnote in words, naming functions only, and no text of a case.
    await ok('team.savePublication', { ...publication, format: 'xlsx', acceptDifferencing: false });
    const cells = xlsxSheets(dialogs.saved.at(-1)!).flatMap((sheet) => sheet.rows.flat().map((cell) => String(cell.value)));
    expect(cells).toContain('Meldingen die het meldpunt doorverwees naar een centrale vertrouwenspersoon en die daar als rechtstreekse melding zijn vastgelegd, tellen één keer mee in het totaal (kolom ‘Ook als rechtstreekse melding vastgelegd’).');
    expect(cells).toContain('Meldingen zoals de functies ze vastlegden (totaal van de tabellen)');
    for (const canary of ['CANARYLABELDOSSIER', 'CANARYOTHERPARTY', CANARY.name]) expect(cells.join('\n')).not.toContain(canary);

    await ok('team.answerFlow', { year: 2026, from: 'concerns_point', to: 'confidential_adviser', answer: 'did_not_arrive' });
    const notArrived = await report();
    expect(notArrived.exact.team!.keyFigures).toMatchObject({ reports: 5, recordedReports: null });
    expect(flowOf(notArrived)).toMatchObject({ answer: 'did_not_arrive', countedOnce: null });
    const document = await ok<PublicationDocument>('team.document', { ...publication, language: 'en' });
    const notes = document.sections.flatMap((section) => section.tables.flatMap((table) => table.footnotes));
    expect(notes).toContain('Referrals from the concerns point to a central confidential adviser that did not arrive there are no report there: the difference between referred and received.');

    // A corrected export that changes the counts asks again: the answer was given for 2 sent, 1 received.
    await use('concerns-point', 'concerns_point_coordinator');
    await ok('cases.create', referred());
    const corrected = await exportOf();
    await use('team', 'ombudsperson');
    const outcome = await ok<ImportOutcome>('team.import', { content: corrected, replace: [], acceptUnsealed: true });
    expect(outcome.status).toBe('replaceNeeded');
    await ok('team.import', { content: corrected, replace: [sentExport], acceptUnsealed: true });
    const again = await report();
    expect(flowOf(again)).toMatchObject({ made: 3, received: 1, answer: null, countedOnce: null });
    expect(await codeOf('team.savePublication', { ...publication, format: 'csv', acceptDifferencing: false })).toBe('FLOW_UNANSWERED');
  });
});
