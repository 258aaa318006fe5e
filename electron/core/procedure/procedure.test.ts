import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportPreview } from '../../../shared/contract';
import { cellText } from '../../../shared/publication/shown';
import type { CaseProcedure } from '../../../shared/schemas/procedure';
import type { VaultFunction } from '../../../shared/taxonomy';
import { CANARY } from '../../../test/fixtures/canaries';
import { caseInput } from '../../../test/fixtures/records';
import { callCore } from '../../../test/support/callCore';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import { createCore, type Core } from '../core';
import { AppError } from '../errors';
import { removeFollowUp } from '../followUps/followUps';
import { createLogger } from '../log';
import { buildPublicationDocument } from '../publication/publicationDocument';
import { importedExports } from '../report/teamImports';
import { buildTeamReport } from '../report/teamReport';

let now = new Date(2027, 5, 10, 12, 0);
let dir: ReturnType<typeof temporaryDirectory>;
let core: Core;

async function openVault(vaultFunction: VaultFunction): Promise<void> {
  dir = temporaryDirectory();
  core = createCore({ dataDirectory: dir.path, clock: () => now, log: createLogger(() => undefined) });
  await core.router.handle('vault.create', { passphrase: CANARY.passphrase, function: vaultFunction });
}
beforeEach(() => {
  now = new Date(2027, 5, 10, 12, 0);
});
afterEach(() => {
  core.vault.lock();
  dir.remove();
});

const { ok, codeOf } = callCore(() => core);
const db = () => core.vault.database();
const procedureOf = async (caseId: number) => (await ok<CaseProcedure>('procedure.get', { caseId })).report;
const deadlines = async (caseId: number) => (await procedureOf(caseId))!.deadlines.map(({ kind, dueDate, doneOn, status }) => ({ kind, dueDate, doneOn, status }));
const idOf = async (caseId: number, kind: string) => (await procedureOf(caseId))!.deadlines.find((deadline) => deadline.kind === kind)!.id;
/** Every row the procedure keeps, read from the file: what a refusal must leave as it was. */
const rows = () => ({
  reports: db().prepare('SELECT * FROM procedure_reports ORDER BY case_id').all(),
  followUps: db().prepare('SELECT * FROM follow_ups ORDER BY id').all(),
});
const newCase = async (firstContactAt: string) => (await ok<{ id: number }>('cases.create', caseInput({ firstContactAt, firstResponseAt: null }))).id;
const preview2026 = async () => ok<ExportPreview & { tables: { section: { keyFigures: Record<string, unknown> } } }>('export.preview', { period: { from: '2026-01-01', to: '2026-12-31' }, includeUnits: false });

describe('a report under the whistleblower procedure', () => {
  it('gets its two deadlines from the day of receipt, the feedback moving with the confirmation actually sent, and counts as met in the team report', async () => {
    await openVault('concerns_point_coordinator');
    const onTime = await newCase('2026-11-20T09:00');
    expect(await ok<CaseProcedure>('procedure.get', { caseId: onTime })).toEqual({ mayMark: true, report: null });

    await ok('procedure.mark', { caseId: onTime, receivedOn: '2026-11-24' });
    // Seven days from receipt; with no confirmation sent, three months from the end of those days.
    expect(await deadlines(onTime)).toEqual([
      { kind: 'procedure_confirmation', dueDate: '2026-12-01', doneOn: null, status: 'overdue' },
      { kind: 'procedure_feedback', dueDate: '2027-03-01', doneOn: null, status: 'overdue' },
    ]);
    // Sent on 30 November: three months from then is the last day of February, not 2 March.
    await ok('procedure.complete', { id: await idOf(onTime, 'procedure_confirmation'), doneOn: '2026-11-30' });
    expect(await deadlines(onTime)).toEqual([
      { kind: 'procedure_confirmation', dueDate: '2026-12-01', doneOn: '2026-11-30', status: 'met' },
      { kind: 'procedure_feedback', dueDate: '2027-02-28', doneOn: null, status: 'overdue' },
    ]);
    await ok('procedure.complete', { id: await idOf(onTime, 'procedure_feedback'), doneOn: '2027-02-26' });
    expect((await deadlines(onTime)).map((deadline) => deadline.status)).toEqual(['met', 'met']);
    expect(db().prepare("SELECT kind, text, due_date, due_time, done_on FROM follow_ups WHERE case_id = ? ORDER BY kind").all(onTime)).toEqual([
      { kind: 'procedure_confirmation', text: '', due_date: '2026-12-01', due_time: null, done_on: '2026-11-30' },
      { kind: 'procedure_feedback', text: '', due_date: '2027-02-28', due_time: null, done_on: '2027-02-26' },
    ]);

    // Confirmed two days late: that deadline is missed, and the feedback is due three months from the day it was sent.
    const late = await newCase('2026-12-01T10:00');
    await ok('procedure.mark', { caseId: late, receivedOn: '2026-12-01' });
    await ok('procedure.complete', { id: await idOf(late, 'procedure_confirmation'), doneOn: '2026-12-10' });
    await ok('procedure.complete', { id: await idOf(late, 'procedure_feedback'), doneOn: '2027-03-01' });
    expect(await deadlines(late)).toEqual([
      { kind: 'procedure_confirmation', dueDate: '2026-12-08', doneOn: '2026-12-10', status: 'missed' },
      { kind: 'procedure_feedback', dueDate: '2027-03-10', doneOn: '2027-03-01', status: 'met' },
    ]);

    // Received this year: counted in this year's export, not last year's.
    const thisYear = await newCase('2027-06-01T10:00');
    await ok('procedure.mark', { caseId: thisYear, receivedOn: '2027-06-05' });
    expect((await deadlines(thisYear)).map((deadline) => deadline.status)).toEqual(['open', 'open']);

    // Exported in June, every deadline of last year's reports has passed: one met both, the other missed one.
    const preview = await preview2026();
    expect(preview.file.counts.procedure).toEqual({ reports: 2, bothMet: 1, pending: 0 });
    expect(preview.tables.section.keyFigures).toMatchObject({ procedureReports: 2, procedureBothMet: 1, procedurePending: 0 });
    const report = buildTeamReport({ year: 2026, years: [2026], files: [preview.file], k: 3, grouped: false, groupings: [], headcount: null, replacements: [], importsToRedo: 0 });
    expect(report.exact.team!.keyFigures).toMatchObject({ procedureReports: 2, procedureBothMet: 1, procedurePending: 0 });
  });

  it('counts a report whose deadline has not come yet on the day of export as running, not as missed, in the export, the team report and the publication', async () => {
    // Five days into the new year: December's reports still have their feedback, some their confirmation, to come.
    now = new Date(2027, 0, 5, 12, 0);
    await openVault('concerns_point_coordinator');
    const report = async (receivedOn: string, done: { confirmation?: string; feedback?: string } = {}) => {
      const caseId = await newCase(`${receivedOn}T09:00`);
      await ok('procedure.mark', { caseId, receivedOn });
      if (done.confirmation) await ok('procedure.complete', { id: await idOf(caseId, 'procedure_confirmation'), doneOn: done.confirmation });
      if (done.feedback) await ok('procedure.complete', { id: await idOf(caseId, 'procedure_feedback'), doneOn: done.feedback });
      return caseId;
    };
    // Met: both done in time (feedback due 2 January).
    await report('2026-10-01', { confirmation: '2026-10-02', feedback: '2026-12-15' });
    // Running: confirmed in time, feedback due 28 February.
    await report('2026-11-24', { confirmation: '2026-11-30' });
    // Running: confirmation due tomorrow, and one due today, which is not past yet.
    await report('2026-12-30');
    await report('2026-12-29');
    // Missed, though the feedback is still open: the confirmation came late.
    await report('2026-12-01', { confirmation: '2026-12-10' });
    // Missed: the confirmation was due on 10 December and was never sent.
    const unconfirmed = await report('2026-12-03');
    expect((await deadlines(unconfirmed)).map((deadline) => deadline.status)).toEqual(['overdue', 'open']);

    const preview = await preview2026();
    expect(preview.file.exportedOn).toBe('2027-01-05');
    expect(preview.file.counts.procedure).toEqual({ reports: 6, bothMet: 1, pending: 3 });
    expect(preview.tables.section.keyFigures).toMatchObject({ procedureReports: 6, procedureBothMet: 1, procedurePending: 3 });
    // Counts of reports like any other: below the team's threshold one is not printed.
    const team = buildTeamReport({ year: 2026, years: [2026], files: [preview.file], k: 3, grouped: false, groupings: [], headcount: null, replacements: [], importsToRedo: 0 });
    expect(team.exact.team!.keyFigures).toMatchObject({ procedureReports: 6, procedureBothMet: 1, procedurePending: 3 });
    expect(team.published.team!.keyFigures).toMatchObject({ procedureReports: 6, procedureBothMet: 'small', procedurePending: 3 });
    // The publication prints the three among the key figures, in either language, hidden as the plan hid them.
    for (const [language, words] of [
      ['nl', ['Meldingen onder de klokkenluidersregeling', 'Daarvan beide wettelijke termijnen gehaald', 'Daarvan loopt nog een termijn']],
      ['en', ['Reports under the whistleblower procedure', 'Of which both legal deadlines met', 'Of which a deadline is still running']],
    ] as const) {
      const document = buildPublicationDocument({ report: team, language, texts: {}, organisation: null, madeOn: '2027-01-05', ioa: false, previous: null, differencing: null });
      const keyFigures = document.sections.flatMap((section) => section.tables).find((table) => table.id === 'team.keyFigures')!;
      const rows = keyFigures.rows.filter((row) => row.code.startsWith('procedure')).map((row) => [row.label, cellText(row.cells[0]!, document.k, document.language)]);
      expect(rows).toEqual([
        [words[0], '6'],
        [words[1], '<3'],
        [words[2], '3'],
      ]);
    }
  });

  it('reads an export of format 4, from before the procedure was counted, as holding no procedure report', async () => {
    await openVault('ombudsperson');
    const caseId = await newCase('2026-11-20T09:00');
    await ok('procedure.mark', { caseId, receivedOn: '2026-11-24' });
    const { sha256: _hash, ...body } = (await preview2026()).file;
    const { procedure: _procedure, ...counts } = body.counts;
    const older = { ...body, schemaVersion: 4, counts };
    expect(counts).not.toHaveProperty('procedure');
    // Stored by an earlier version as it came, without the field: the report reads none, never a missing number.
    db().prepare(
      `INSERT INTO team_imports (export_id, adviser_id, function, report_year, period_from, period_to, exported_on, content, imported_at)
       VALUES (?, ?, 'ombudsperson', 2026, '2026-01-01', '2026-12-31', '2027-01-05', ?, 'x')`,
    ).run(older.exportId, older.adviserId, JSON.stringify(older));
    const [stored] = importedExports(db(), 2026);
    expect(stored!.counts.procedure).toEqual({ reports: 0, bothMet: 0, pending: 0 });
    const report = buildTeamReport({ year: 2026, years: [2026], files: [stored!], k: 3, grouped: false, groupings: [], headcount: null, replacements: [], importsToRedo: 0 });
    expect(report.exact.team!.keyFigures).toMatchObject({ procedureReports: 0, procedureBothMet: 0, procedurePending: 0 });
  });

  it('moves the feedback when the confirmation is done from Today, and refuses there a day before the receipt with nothing changed', async () => {
    await openVault('ombudsperson');
    const caseId = await newCase('2026-11-20T09:00');
    await ok('procedure.mark', { caseId, receivedOn: '2026-11-24' });
    const confirmation = await idOf(caseId, 'procedure_confirmation');
    const before = rows();
    expect(await codeOf('followUps.complete', { id: confirmation, doneOn: '2026-11-23' })).toBe('DATE_BEFORE_RECEIPT');
    expect(rows()).toEqual(before);
    await ok('followUps.complete', { id: confirmation, doneOn: '2026-11-30' });
    expect(await deadlines(caseId)).toEqual([
      { kind: 'procedure_confirmation', dueDate: '2026-12-01', doneOn: '2026-11-30', status: 'met' },
      { kind: 'procedure_feedback', dueDate: '2027-02-28', doneOn: null, status: 'overdue' },
    ]);
  });

  it('keeps its deadlines until its case goes, and refuses a day before the receipt with nothing changed', async () => {
    await openVault('ombudsperson');
    const caseId = await newCase('2027-05-20T09:00');
    await ok('procedure.mark', { caseId, receivedOn: '2027-05-31' });
    const confirmation = await idOf(caseId, 'procedure_confirmation');
    const feedback = await idOf(caseId, 'procedure_feedback');
    // The law's deadlines are not the adviser's own: removing one is refused, in the app and in the file.
    expect(() => removeFollowUp(db(), confirmation)).toThrow(new AppError('FOLLOW_UP_IS_LEGAL_DEADLINE'));
    expect(await codeOf('followUps.remove', { id: feedback })).toBe('FOLLOW_UP_IS_LEGAL_DEADLINE');
    expect(await codeOf('followUps.move', { id: confirmation, dueDate: '2027-12-31', dueTime: null })).toBe('FOLLOW_UP_IS_LEGAL_DEADLINE');
    expect(() => db().prepare('DELETE FROM follow_ups WHERE id = ?').run(feedback)).toThrow(/procedure deadline/);
    expect(() => db().prepare('DELETE FROM follow_ups').run()).toThrow(/procedure deadline/);

    const before = rows();
    expect(before.followUps).toHaveLength(2);
    expect(await codeOf('procedure.complete', { id: confirmation, doneOn: '2027-05-30' })).toBe('DATE_BEFORE_RECEIPT');
    expect(await codeOf('procedure.complete', { id: feedback, doneOn: '2027-05-01' })).toBe('DATE_BEFORE_RECEIPT');
    expect(await codeOf('procedure.complete', { id: confirmation, doneOn: '2027-06-11' })).toBe('INVALID_INPUT');
    expect(await codeOf('procedure.mark', { caseId, receivedOn: '2027-06-11' })).toBe('INVALID_INPUT');
    expect(await codeOf('procedure.complete', { id: 9999, doneOn: '2027-06-01' })).toBe('NOT_FOUND');
    expect(await codeOf('procedure.mark', { caseId: 9999, receivedOn: '2027-06-01' })).toBe('NOT_FOUND');
    expect(rows()).toEqual(before);

    // Correcting the day of receipt moves both deadlines; a confirmation sent before the new day is refused.
    await ok('procedure.mark', { caseId, receivedOn: '2027-05-30' });
    expect((await deadlines(caseId)).map((deadline) => deadline.dueDate)).toEqual(['2027-06-06', '2027-09-06']);
    await ok('procedure.complete', { id: confirmation, doneOn: '2027-06-02' });
    expect((await deadlines(caseId)).map((deadline) => deadline.dueDate)).toEqual(['2027-06-06', '2027-09-02']);
    const marked = rows();
    expect(await codeOf('procedure.mark', { caseId, receivedOn: '2027-06-03' })).toBe('DATE_BEFORE_RECEIPT');
    expect(rows()).toEqual(marked);

    await ok('cases.delete', { id: caseId });
    expect(rows()).toEqual({ reports: [], followUps: [] });
  });

  it('is marked only by the functions the setting names, by default the concerns point and the ombudsperson', async () => {
    await openVault('central_confidential_adviser');
    const caseId = await newCase('2027-05-20T09:00');
    expect(await ok<CaseProcedure>('procedure.get', { caseId })).toEqual({ mayMark: false, report: null });
    expect(await codeOf('procedure.mark', { caseId, receivedOn: '2027-06-01' })).toBe('NOT_FOR_THIS_FUNCTION');
    expect(rows()).toEqual({ reports: [], followUps: [] });

    await ok('settings.update', { procedureFunctions: ['ombudsperson', 'central_confidential_adviser'] });
    await ok('procedure.mark', { caseId, receivedOn: '2027-06-01' });
    expect((await deadlines(caseId)).map((deadline) => deadline.dueDate)).toEqual(['2027-06-08', '2027-09-08']);
    // Taken out of the setting later, its deadlines are still there to be met.
    await ok('settings.update', { procedureFunctions: ['ombudsperson'] });
    await ok('procedure.complete', { id: await idOf(caseId, 'procedure_confirmation'), doneOn: '2027-06-03' });
    expect((await procedureOf(caseId))!.deadlines[0]!.status).toBe('met');
  });

  it('refuses malformed requests on every channel of its own with INVALID_INPUT, and changes nothing', async () => {
    await openVault('concerns_point_coordinator');
    const caseId = await newCase('2027-05-20T09:00');
    await ok('procedure.mark', { caseId, receivedOn: '2027-05-31' });
    const id = await idOf(caseId, 'procedure_confirmation');
    const before = rows();
    const bad: [string, unknown][] = [
      ['procedure.get', {}],
      ['procedure.get', { caseId: '1' }],
      ['procedure.get', { caseId, extra: true }],
      ['procedure.mark', { caseId, receivedOn: '2027-02-30' }],
      ['procedure.mark', { caseId, receivedOn: '31-05-2027' }],
      ['procedure.mark', { caseId, receivedOn: '2027-05-31T10:00' }],
      ['procedure.mark', { caseId, receivedOn: null }],
      ['procedure.mark', { caseId: -1, receivedOn: '2027-05-31' }],
      ['procedure.mark', { caseId, receivedOn: '2027-05-31', kind: 'own' }],
      ['procedure.complete', { id, doneOn: '' }],
      ['procedure.complete', { id, doneOn: '2027-13-01' }],
      ['procedure.complete', { id: 1.5, doneOn: '2027-06-01' }],
      ['procedure.complete', { id, doneOn: '2027-06-01', dueDate: '2027-12-31' }],
      ['procedure.complete', [id, '2027-06-01']],
      ['settings.update', { procedureFunctions: ['everyone'] }],
      ['settings.update', { procedureFunctions: 'ombudsperson' }],
    ];
    for (const [channel, request] of bad) expect(`${channel} ${JSON.stringify(request)}: ${await codeOf(channel, request)}`).toBe(`${channel} ${JSON.stringify(request)}: INVALID_INPUT`);
    expect(rows()).toEqual(before);
    expect((await ok<{ procedureFunctions: string[] }>('settings.get', {})).procedureFunctions).toEqual(['concerns_point_coordinator', 'ombudsperson']);
  });
});
