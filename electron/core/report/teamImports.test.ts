import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportPreview, Groupings, ImportOutcome, TeamReport } from '../../../shared/contract';
import { DEFAULT_GROUPINGS } from '../../../shared/contract';
import { CANARY } from '../../../test/fixtures/canaries';
import { caseInput } from '../../../test/fixtures/records';
import { callCore } from '../../../test/support/callCore';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import { teamTables } from '../../../test/support/teamTables';
import { testShell } from '../../../test/support/testShell';
import { createCore, type Core } from '../core';
import { createLogger } from '../log';
import { count } from '../../../test/support/published';

let dir: ReturnType<typeof temporaryDirectory>;
let now = new Date(2027, 0, 10, 12, 0);
const cores = new Map<string, Core>();
let current: Core;
let dialogs: ReturnType<typeof testShell>;
const { ok, codeOf } = callCore(() => current);

/** Each name is one adviser's vault, kept open across the test so it can export again later. */
async function use(name: string, fn = 'central_confidential_adviser') {
  const existing = cores.get(name);
  if (existing) {
    current = existing;
    return;
  }
  dialogs = testShell(dir.path);
  current = createCore({ dataDirectory: `${dir.path}/${name}`, clock: () => now, log: createLogger(() => undefined), shell: dialogs.shell });
  cores.set(name, current);
  await ok('vault.create', { passphrase: CANARY.passphrase, function: fn });
}

/** Previews and saves, as the adviser does; each saved export gets the vault's next sequence number. */
async function exportOf(period = { from: '2026-01-01', to: '2026-12-31' }): Promise<string> {
  const { file } = await ok<ExportPreview>('export.preview', { period, includeUnits: false });
  await ok('export.save', { exportId: file.exportId, unsealed: true });
  return readFileSync(dialogs.saved.at(-1)!, 'utf8');
}

const report = (year = 2026, grouped = false) => ok<TeamReport>('team.report', { year, k: 3, grouped });
/** A refused import names its reason and leaves every team table exactly as it was. */
async function expectRefused(request: unknown, code: string) {
  const before = teamTables(current);
  expect(await codeOf('team.import', request)).toBe(code);
  expect(teamTables(current)).toEqual(before);
}
const rowCount = (table: string) => current.vault.database().prepare(`SELECT count(*) FROM ${table}`).pluck().get();

beforeEach(() => {
  dir = temporaryDirectory();
  now = new Date(2027, 0, 10, 12, 0);
});
afterEach(() => {
  for (const core of cores.values()) core.vault.lock();
  cores.clear();
  dir.remove();
});

describe('imports per adviser and report year', () => {
  it('merges two advisers of one function for the same period', async () => {
    await use('adviser-a');
    await ok('cases.create', caseInput());
    const a = await exportOf();
    await use('adviser-b');
    await ok('cases.create', caseInput());
    await ok('cases.create', caseInput());
    const b = await exportOf();
    await use('team', 'ombudsperson');
    for (const content of [a, b]) expect((await ok<ImportOutcome>('team.import', { content, replace: [], acceptUnsealed: true })).status).toBe('imported');
    const merged = await report();
    expect(merged.exact.team!.keyFigures).toMatchObject({ advisers: 2, reports: 3 });
    expect(merged.imports.map((entry) => entry.function)).toEqual(['central_confidential_adviser', 'central_confidential_adviser']);
  });

  it('never counts one adviser twice: an overlapping newer export replaces the earlier only after confirmation, and is recorded', async () => {
    await use('adviser');
    await ok('cases.create', caseInput());
    const first = await exportOf({ from: '2026-01-01', to: '2026-06-30' });
    now = new Date(2027, 1, 1, 12, 0);
    await ok('cases.create', caseInput({ firstContactAt: '2026-05-01T10:00', firstResponseAt: null }));
    const newer = await exportOf({ from: '2026-01-01', to: '2026-12-31' });

    await use('team', 'ombudsperson');
    const landed = await ok<ImportOutcome>('team.import', { content: first, replace: [], acceptUnsealed: true });
    if (landed.status !== 'imported') throw new Error('first import refused');
    const asked = await ok<ImportOutcome>('team.import', { content: newer, replace: [], acceptUnsealed: true });
    expect(asked.status).toBe('replaceNeeded');
    if (asked.status !== 'replaceNeeded') return;
    expect(asked.overlapping).toEqual([landed.summary]);
    expect(asked.incoming).toMatchObject({ period: { from: '2026-01-01', to: '2026-12-31' }, exportedOn: '2027-02-01', reports: 2 });
    expect(asked.overlapping[0]).toMatchObject({ period: { from: '2026-01-01', to: '2026-06-30' }, exportedOn: '2027-01-10', reports: 1 });
    // Asking changed nothing.
    expect((await report()).exact.team!.keyFigures.reports).toBe(1);
    expect(rowCount('team_imports')).toBe(1);

    await expectRefused({ content: newer, replace: ['00000000-0000-4000-8000-000000000000'], acceptUnsealed: true }, 'OVERLAPPING_PERIOD');
    const replaced = await ok<ImportOutcome>('team.import', { content: newer, replace: [landed.summary.exportId], acceptUnsealed: true });
    expect(replaced).toMatchObject({ status: 'imported', replaced: [landed.summary] });
    const after = await report();
    expect(after.exact.team!.keyFigures.reports).toBe(2);
    expect(after.imports).toHaveLength(1);
    expect(after.replacements).toEqual([
      { adviser: landed.summary.adviser, replacedPeriod: { from: '2026-01-01', to: '2026-06-30' }, replacedExportedOn: '2027-01-10', replacedAt: expect.any(String) },
    ]);

    // The older export cannot push the newer one out again.
    await expectRefused({ content: first, replace: [], acceptUnsealed: true }, 'OLDER_EXPORT');
    expect((await report()).exact.team!.keyFigures.reports).toBe(2);
  });

  it('refuses a replacement that would lose days, and tells same-day exports apart by their sequence', async () => {
    await use('adviser');
    await ok('cases.create', caseInput({ firstContactAt: '2026-02-02T09:00', firstResponseAt: null }));
    await ok('cases.create', caseInput({ firstContactAt: '2026-08-02T09:00', firstResponseAt: null }));
    const firstHalf = await exportOf({ from: '2026-01-01', to: '2026-06-30' });
    const secondHalfSameDay = await exportOf({ from: '2026-04-01', to: '2026-12-31' });
    const wholeYearSameDay = await exportOf({ from: '2026-01-01', to: '2026-12-31' });
    await use('team', 'ombudsperson');
    await ok('team.import', { content: firstHalf, replace: [], acceptUnsealed: true });
    // April to December overlaps January to June only in part: replacing would lose January to March.
    await expectRefused({ content: secondHalfSameDay, replace: [], acceptUnsealed: true }, 'OVERLAPPING_PERIOD');
    const asked = await ok<ImportOutcome>('team.import', { content: wholeYearSameDay, replace: [], acceptUnsealed: true });
    expect(asked.status).toBe('replaceNeeded');
    if (asked.status !== 'replaceNeeded') return;
    await ok('team.import', { content: wholeYearSameDay, replace: asked.overlapping.map((entry) => entry.exportId), acceptUnsealed: true });
    expect((await report()).exact.team!.keyFigures.reports).toBe(2);
    // Made the same day, but earlier: a lower sequence number keeps an export from replacing the whole year.
    await expectRefused({ content: firstHalf, replace: [], acceptUnsealed: true }, 'OLDER_EXPORT');
    expect(JSON.parse(secondHalfSameDay).sequence).toBeLessThan(JSON.parse(wholeYearSameDay).sequence);
    await expectRefused({ content: secondHalfSameDay, replace: [], acceptUnsealed: true }, 'OLDER_EXPORT');
  });

  it('refuses malformed import and report requests and changes nothing', async () => {
    await use('adviser');
    const content = await exportOf();
    await use('team', 'ombudsperson');
    for (const bad of [{ content }, { content, replace: ['not-a-uuid'] }, { content, replace: 'all' }, { content, replace: [], extra: 1 }]) {
      await expectRefused(bad, 'INVALID_INPUT');
    }
    for (const bad of [{ year: 2026, k: 5 }, { year: 2026, k: 5, grouped: 'yes' }, { year: 1800, k: 5, grouped: false }, { year: 2026.5, k: 5, grouped: false }]) {
      expect(await codeOf('team.report', bad)).toBe('INVALID_INPUT');
      expect(await codeOf('team.savePublication', { ...bad, language: 'nl', format: 'csv', acceptDifferencing: false })).toBe('INVALID_INPUT');
    }
    for (const bad of [{ format: 'html' }, { language: 'de' }, { acceptDifferencing: 'yes' }, { ioa: 1 }]) {
      expect(await codeOf('team.savePublication', { year: 2026, k: 5, grouped: false, language: 'nl', ioa: false, format: 'csv', acceptDifferencing: false, ...bad })).toBe('INVALID_INPUT');
    }
    expect(await codeOf('team.saveText', { year: 2026, text: 'preface', value: 'x' })).toBe('INVALID_INPUT');
    expect(await codeOf('team.saveText', { year: 2026, text: 'summary', value: 'x'.repeat(4001) })).toBe('INVALID_INPUT');
    expect([rowCount('report_texts'), rowCount('report_publications')]).toEqual([0, 0]);
    expect(rowCount('team_imports')).toBe(0);
    // An export claiming an external adviser of another function is not one of ours.
    const external = JSON.parse(content) as { external: boolean };
    external.external = true;
    await expectRefused({ content: JSON.stringify(external), replace: [], acceptUnsealed: true }, 'INVALID_EXPORT');
    expect(rowCount('team_imports')).toBe(0);
  });

  it('keeps report years apart', async () => {
    await use('adviser');
    await ok('cases.create', caseInput());
    await ok('cases.create', caseInput({ firstContactAt: '2025-03-02T09:00', firstResponseAt: null }));
    const thisYear = await exportOf();
    const lastYear = await exportOf({ from: '2025-01-01', to: '2025-12-31' });
    await use('team', 'ombudsperson');
    for (const content of [thisYear, lastYear]) await ok('team.import', { content, replace: [], acceptUnsealed: true });
    expect((await report(2026)).years).toEqual([2026, 2025]);
    expect((await report(2026)).imports.map((entry) => entry.reportYear)).toEqual([2026]);
    expect((await report(2025)).exact.team!.keyFigures.reports).toBe(1);
    expect((await report(2024)).exact.team).toBeNull();
  });
});

describe('a report referred between functions', () => {
  it('is counted once: the concerns point refers to the ombudsperson, both log it, both export', async () => {
    await use('concerns-point', 'concerns_point_coordinator');
    await ok('cases.create', caseInput({ handlings: ['referral'], referrals: [{ target: 'ombudsperson', referredOn: '2026-03-02' }] }));
    const sent = await exportOf();
    await use('ombudsperson', 'ombudsperson');
    await ok('cases.create', caseInput({ intakeRoute: 'via_concerns_point', referredInBy: 'concerns_point', handlings: ['mediation'] }));
    const received = await exportOf();
    expect(JSON.parse(received).counts).toMatchObject({ reports: 0, receivedReports: 1, referralsReceived: { concerns_point: 1 } });

    await use('team', 'central_confidential_adviser');
    for (const content of [sent, received]) await ok('team.import', { content, replace: [], acceptUnsealed: true });
    const team = (await report()).exact.team!;
    expect(team.keyFigures.reports).toBe(1);
    expect(team.reportsByFunction!.rows.map((entry) => [entry.key, entry.value])).toEqual([
      ['concerns_point_coordinator', 1],
      ['ombudsperson', 0],
      ['central_confidential_adviser', 0],
    ]);
    expect(team.referralFlows).toEqual([{ from: 'concerns_point', to: 'ombudsperson', made: 1, received: 1, disagree: false, answer: null, countedOnce: null }]);
  });

  it('shows both sides when they disagree', async () => {
    await use('concerns-point', 'concerns_point_coordinator');
    for (let i = 0; i < 2; i++) await ok('cases.create', caseInput({ handlings: ['referral'], referrals: [{ target: 'ombudsperson', referredOn: '2026-03-02' }] }));
    const sent = await exportOf();
    await use('ombudsperson', 'ombudsperson');
    await ok('cases.create', caseInput({ intakeRoute: 'referred_by_function', referredInBy: 'concerns_point' }));
    const received = await exportOf();
    await use('team', 'central_confidential_adviser');
    for (const content of [sent, received]) await ok('team.import', { content, replace: [], acceptUnsealed: true });
    expect((await report()).exact.team!.referralFlows).toEqual([{ from: 'concerns_point', to: 'ombudsperson', made: 2, received: 1, disagree: true, answer: null, countedOnce: null }]);
  });
});

describe('the team’s own inputs to the report', () => {
  it('groups codes only in how the report shows them, and refuses groupings that contradict each other', async () => {
    await use('adviser');
    await ok('cases.create', caseInput({ natures: ['bullying', 'illness_reintegration'] }));
    await ok('cases.create', caseInput({ natures: ['bullying'], otherParty: { relation: 'promotor_supervisor', hierarchical: true, description: '' } }));
    const content = await exportOf();
    await use('team', 'ombudsperson');
    await ok('team.import', { content, replace: [], acceptUnsealed: true });
    expect(await ok<Groupings>('team.groupings', {})).toEqual(DEFAULT_GROUPINGS);

    const detailed = (await report(2026, false)).exact.team!;
    expect(detailed.natures.rows.filter((entry) => count(entry.value) > 0).map((entry) => [entry.key, entry.value])).toEqual([
      ['bullying', 2],
      ['illness_reintegration', 1],
    ]);
    const grouped = (await report(2026, true)).exact.team!;
    expect(grouped.natures.rows.filter((entry) => count(entry.value) > 0)).toEqual([{ key: 'group:Pesten en re-integratie', value: 2, percent: 100 }]);
    expect(grouped.otherParty.rows.find((entry) => entry.key === 'group:Direct leidinggevende of (co)promotor')!.value).toBe(2);

    const mine: Groupings = [{ list: 'nature', name: 'Bullying only', codes: ['bullying', 'aggression_violence'] }];
    expect(await ok<Groupings>('team.saveGroupings', { groupings: mine })).toEqual(mine);
    expect((await report(2026, true)).exact.team!.natures.rows.find((entry) => entry.key === 'group:Bullying only')!.value).toBe(2);
    for (const groupings of [
      [{ list: 'nature', name: 'Twice', codes: ['bullying', 'threats'] }, { list: 'nature', name: 'Again', codes: ['bullying', 'workload'] }],
      [{ list: 'nature', name: 'Same', codes: ['bullying', 'threats'] }, { list: 'nature', name: 'Same', codes: ['workload', 'other'] }],
      [{ list: 'nature', name: 'Wrong list', codes: ['bullying', 'colleague'] }],
      [{ list: 'nature', name: 'One', codes: ['bullying'] }],
      [{ list: 'nature', name: '', codes: ['bullying', 'threats'] }],
      [{ list: 'gender', name: 'Not groupable', codes: ['woman', 'man'] }],
    ]) {
      expect(await codeOf('team.saveGroupings', { groupings })).toBe('INVALID_INPUT');
    }
    expect(await ok<Groupings>('team.groupings', {})).toEqual(mine);
    // The imported export is untouched by any grouping.
    expect(JSON.parse(current.vault.database().prepare('SELECT content FROM team_imports').pluck().get() as string).counts.byNature.illness_reintegration).toBe(1);
  });

  it('keeps the head-count per year and refuses nonsense', async () => {
    await use('team', 'ombudsperson');
    await ok('team.setHeadcount', { year: 2026, headcount: 5146 });
    expect((await report(2026)).headcount).toBe(5146);
    expect((await report(2025)).headcount).toBeNull();
    for (const bad of [{ year: 2026, headcount: 0 }, { year: 2026, headcount: -5 }, { year: 2026, headcount: 1.5 }, { year: 2026, headcount: '5146' }, { year: 1066, headcount: 10 }, { year: 2026 }]) {
      expect(await codeOf('team.setHeadcount', bad)).toBe('INVALID_INPUT');
    }
    expect((await report(2026)).headcount).toBe(5146);
    await ok('team.setHeadcount', { year: 2026, headcount: null });
    expect((await report(2026)).headcount).toBeNull();
  });

  it('records formal advice to the board as a team action, counts it in the export, and refuses bad input', async () => {
    await use('adviser');
    const { id } = await ok<{ id: number }>('boardAdvices.create', { givenOn: '2026-10-03', reportsConcerned: 3, response: 'followed', note: '' });
    await ok('boardAdvices.create', { givenOn: '2026-11-03', reportsConcerned: 2, response: 'pending', note: '' });
    await ok('boardAdvices.update', { id, advice: { givenOn: '2026-10-04', reportsConcerned: 4, response: 'followed', note: '' } });
    expect((JSON.parse(await exportOf()) as { counts: { boardAdvices: unknown } }).counts.boardAdvices).toEqual({
      total: 2,
      followed: 1,
      notFollowed: 0,
      pending: 1,
      reportsConcerned: 6,
    });
    for (const bad of [
      { givenOn: '2026-10-03', reportsConcerned: 0, response: 'followed', note: '' },
      { givenOn: '2026-10-03', reportsConcerned: 2, response: 'maybe', note: '' },
      { givenOn: '2027-12-03', reportsConcerned: 2, response: 'followed', note: '' },
      { givenOn: '2026-02-30', reportsConcerned: 2, response: 'followed', note: '' },
      { givenOn: '2026-10-03', reportsConcerned: 2, response: 'followed', note: 'x'.repeat(301) },
      { givenOn: '2026-10-03', reportsConcerned: 2, response: 'followed' },
    ]) {
      expect(await codeOf('boardAdvices.create', bad)).toBe('INVALID_INPUT');
    }
    expect(await codeOf('boardAdvices.delete', { id: 999 })).toBe('NOT_FOUND');
    expect(rowCount('board_advices')).toBe(2);
    await ok('boardAdvices.delete', { id });
    expect(await ok<unknown[]>('boardAdvices.list', {})).toHaveLength(1);
  });
});

describe('replayed exports', () => {
  it('are refused for months the team saw a newer export of, even after that import was removed; other months still come in any order', async () => {
    await use('adviser');
    await ok('cases.create', caseInput({ firstContactAt: '2026-02-02T09:00', firstResponseAt: null }));
    const older = await exportOf({ from: '2026-01-01', to: '2026-06-30' });
    const newer = await exportOf({ from: '2026-01-01', to: '2026-12-31' });
    const spring = await exportOf({ from: '2026-04-01', to: '2026-06-30' });
    const lastYear = await exportOf({ from: '2025-01-01', to: '2025-12-31' });
    const autumn = await exportOf({ from: '2026-07-01', to: '2026-09-30' });
    const winter = await exportOf({ from: '2026-10-01', to: '2026-12-31' });

    await use('team', 'ombudsperson');
    const landed = await ok<ImportOutcome>('team.import', { content: newer, replace: [], acceptUnsealed: true });
    if (landed.status !== 'imported') throw new Error('newer import refused');
    await ok('team.remove', { exportId: landed.summary.exportId });
    await expectRefused({ content: older, replace: [], acceptUnsealed: true }, 'OLDER_EXPORT');
    // The newer file itself, imported again after its removal, is not newer than itself either.
    await expectRefused({ content: newer, replace: [], acceptUnsealed: true }, 'OLDER_EXPORT');

    // A later export of months the newer one covered still lands; exports of other months in any order.
    expect((await ok<ImportOutcome>('team.import', { content: spring, replace: [], acceptUnsealed: true })).status).toBe('imported');
    expect((await ok<ImportOutcome>('team.import', { content: lastYear, replace: [], acceptUnsealed: true })).status).toBe('imported');
    expect((await ok<ImportOutcome>('team.import', { content: winter, replace: [], acceptUnsealed: true })).status).toBe('imported');
    expect((await ok<ImportOutcome>('team.import', { content: autumn, replace: [], acceptUnsealed: true })).status).toBe('imported');
  });

  it('are never made by restoring an older backup: the adviser’s export numbers keep rising', async () => {
    await use('adviser');
    const folder = join(dir.path, 'backups');
    mkdirSync(folder);
    dialogs.nextFolder(folder);
    await ok('backup.chooseFolder', {});
    const sequence = async () => (JSON.parse(await exportOf()) as { sequence: number }).sequence;
    expect(await sequence()).toBe(1);
    const { name } = await ok<{ name: string }>('backup.now', {});
    expect([await sequence(), await sequence()]).toEqual([2, 3]);

    now = new Date(now.getTime() + 60_000);
    dialogs.nextFolder(join(folder, name));
    await ok('backup.restore', { passphrase: CANARY.passphrase });
    expect(await sequence()).toBe(4);

    // Restored again, now with the vault locked and only the record beside the files to go by.
    current.vault.lock();
    now = new Date(now.getTime() + 60_000);
    dialogs.nextFolder(join(folder, name));
    await ok('backup.restore', { passphrase: CANARY.passphrase });
    expect(await sequence()).toBe(5);
  });
});
