import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseInput, ExportFile, ExportPreview, ImportOutcome, TeamReport } from '../../../shared/contract';
import { AGE_BANDS, CONVERSATION_MODES, HANDLING_TYPES, type HandlingType, INTAKE_ROUTES, NATURES, OTHER_PARTY_RELATIONS, REPORTER_ROLES, STAFF_CATEGORIES } from '../../../shared/taxonomy';
import { CANARY } from '../../../test/fixtures/canaries';
import { caseInput, conversationInput, mediationInput, mediationSessionInput, reporter } from '../../../test/fixtures/records';
import { callCore } from '../../../test/support/callCore';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import { testShell } from '../../../test/support/testShell';
import { createCore, type Core } from '../core';
import { createLogger } from '../log';
import { openSealedExport } from '../team/sealedExport';
import { signerOf, teamIdentity } from '../team/team';

const now = new Date(2027, 0, 10, 12, 0);
let dir: ReturnType<typeof temporaryDirectory>;
let core: Core;
let dialogs: ReturnType<typeof testShell>;
let opened = 0;

async function openVault(fn: string) {
  core?.vault.lock();
  dialogs = testShell(dir.path);
  core = createCore({ dataDirectory: `${dir.path}/${fn}-${++opened}`, clock: () => now, log: createLogger(() => undefined), shell: dialogs.shell });
  await ok('vault.create', { passphrase: CANARY.passphrase, function: fn });
}
beforeEach(() => {
  dir = temporaryDirectory();
});
afterEach(() => {
  core.vault.lock();
  dir.remove();
});

const { ok, codeOf } = callCore(() => core);
const year2026 = { period: { from: '2026-01-01', to: '2026-12-31' }, includeUnits: false };
const preview = (request = year2026) => ok<ExportPreview>('export.preview', request);

/** Every string in the export that is not a code, number, the period or the export's own metadata. */
function leakedCanaries(bytes: string): string[] {
  return bytes.match(/CANARY[A-Z0-9-]*/g) ?? [];
}

describe('the adviser’s export', () => {
  beforeEach(() => openVault('central_confidential_adviser'));

  it('counts a reporter whose category and role the adviser answered as unknown apart from one never asked', async () => {
    await ok('cases.create', caseInput({ reporters: [reporter({ staffCategory: 'unknown', role: 'unknown', ageBand: 'unknown' })] }));
    const { counts } = (await preview()).file;
    expect(counts.byStaffCategory).toMatchObject({ unknown: 1, not_recorded: 0 });
    expect(counts.byReporterRole).toMatchObject({ unknown: 1, directly_affected: 0 });
    expect(counts.byAgeBand).toMatchObject({ unknown: 1 });
  });

  it('counts a joint report once, its reporters each, and leaves out cases without consent', async () => {
    const joint = await ok<{ id: number }>('cases.create', caseInput({
      reporters: [reporter(), reporter({ staffCategory: 'phd_candidate', ageBand: 'under_25', role: 'bystander' })],
      natures: ['intimidation', 'workload'],
      handlings: ['referral'],
      referrals: [{ target: 'ombudsperson', referredOn: '2026-03-04' }],
    }));
    for (const day of ['03', '04', '05']) await ok('conversations.add', { caseId: joint.id, conversation: conversationInput({ heldAt: `2026-03-${day}T10:00` }) });
    await ok('cases.create', caseInput({ firstResponseAt: '2026-03-04T10:00', otherParty: { relation: 'colleague', hierarchical: false, description: '' } }));
    await ok('cases.create', caseInput({ consents: [] }));
    await ok('cases.create', caseInput({ consents: [{ scope: 'count_in_statistics', answer: 'given', withWhom: '', givenOn: '2026-03-02', withdrawnOn: '2026-04-01' }] }));
    await ok('cases.create', caseInput({ firstContactAt: '2025-12-31T23:59', firstResponseAt: null }));
    await ok('signals.create', { notedOn: '2026-05-01', unit: CANARY.name, theme: 'workload', note: CANARY.noteWord });
    await ok('activities.create', { heldOn: '2026-02-01', type: 'workshop', audience: CANARY.name, attendees: 12 });
    await ok('boardAdvices.create', { givenOn: '2026-06-01', reportsConcerned: 2, response: 'followed', note: CANARY.noteWord });

    const { file, json, csv, excludedRefused, notAskedYet } = await preview();
    expect(leakedCanaries(json + csv)).toEqual([]);
    expect(file.counts.boardAdvices).toMatchObject({ total: 1, followed: 1, reportsConcerned: 2 });
    const counts = file.counts;
    expect(excludedRefused).toBe(1);
    expect(notAskedYet.map((entry) => entry.firstContactAt)).toEqual(['2026-03-02T09:00']);
    expect(counts.reports).toBe(2);
    expect(counts.jointReports).toBe(1);
    expect(counts.reporters).toBe(3);
    expect(counts.conversations).toBe(3);
    expect(counts.conversationsPerReporter).toBe(1);
    expect(counts.byStaffCategory.academic_staff).toBe(2);
    expect(counts.byStaffCategory.phd_candidate).toBe(1);
    expect(counts.byNature.intimidation).toBe(2);
    expect(counts.caseShapes).toEqual([
      { natures: ['intimidation'], otherParty: 'colleague', hierarchical: 'no', bystander: false, reports: 1 },
      { natures: ['intimidation', 'workload'], otherParty: 'direct_supervisor', hierarchical: 'yes', bystander: true, reports: 1 },
    ]);
    expect(counts.handlingSummary).toEqual({ advice_only: 1, more_intensive: 1, not_recorded: 0 });
    expect(counts.byReferralTarget.ombudsperson).toBe(1);
    expect(counts.firstResponse).toEqual({ within24h: 1, later: 1, missing: 0 });
    expect(counts.signals.total).toBe(1);
    expect(counts.activities.workshop).toEqual({ count: 1, attendees: 12 });
    expect(counts.byUnit).toBeNull();
    expect(file.function).toBe('central_confidential_adviser');
    expect(file.adviserId).toBe((await ok<{ adviserId: string }>('profile.get', {})).adviserId);
  });

  it('follows every later edit: natures, handlings, reporters and conversations changed after the first save', async () => {
    const { id } = await ok<{ id: number }>('cases.create', caseInput({ natures: ['workload'], handlings: ['advice_only'] }));
    const first = await ok<{ id: number }>('conversations.add', { caseId: id, conversation: conversationInput() });
    await ok('conversations.add', { caseId: id, conversation: conversationInput() });
    await ok('cases.update', {
      id,
      record: caseInput({ natures: ['bullying', 'threats'], handlings: ['accompaniment'], reporters: [reporter(), reporter({ role: 'bystander' })] }),
    });
    await ok('conversations.delete', { id: first.id });
    const counts = (await preview()).file.counts;
    expect(counts.caseShapes).toEqual([{ natures: ['bullying', 'threats'], otherParty: 'direct_supervisor', hierarchical: 'yes', bystander: true, reports: 1 }]);
    expect(counts.handlingSummary).toEqual({ advice_only: 0, more_intensive: 1, not_recorded: 0 });
    expect(counts).toMatchObject({ reporters: 2, jointReports: 1, conversations: 1 });
    await ok('cases.delete', { id });
    expect((await preview()).file.counts).toMatchObject({ reports: 0, conversations: 0, caseShapes: [] });
  });

  it('includes unit names only when the adviser opts in', async () => {
    await ok('cases.create', caseInput());
    expect((await preview()).json).not.toContain('CANARYUNITFACULTEIT');
    // Without a team there is no unit list to count by.
    expect(await codeOf('export.preview', { ...year2026, includeUnits: true })).toBe('NO_TEAM');
    await ok('cases.create', caseInput({ reporters: [reporter({ unit: ' Faculteit Rechten ' })] }));
    await ok('team.create', { organisation: 'Team', units: ['Faculteit Rechten', 'Universiteitsbibliotheek'], k: 5 });
    const withUnits = await preview({ ...year2026, includeUnits: true });
    // Listed units by name (zeros included); a unit typed in that is not on the list only as "not in list".
    expect(withUnits.file.counts.byUnit).toEqual({ 'Faculteit Rechten': 1, Universiteitsbibliotheek: 0, not_in_list: 1 });
    expect(withUnits.json).not.toContain('CANARYUNITFACULTEIT');
  });

  it('writes exactly the previewed bytes, JSON and CSV, only after the adviser picks a place', async () => {
    await ok('cases.create', caseInput());
    const shown = await preview();
    expect(await codeOf('export.save', { exportId: '00000000-0000-4000-8000-000000000000', unsealed: true })).toBe('NOT_FOUND');
    dialogs.cancelNextSave();
    expect(await codeOf('export.save', { exportId: shown.file.exportId, unsealed: true })).toBe('CANCELLED');
    const { fileName } = await ok<{ fileName: string }>('export.save', { exportId: shown.file.exportId, unsealed: true });
    expect(fileName).toBe('confidant-central_confidential_adviser-2026-01-2026-12.json');
    const path = dialogs.saved.at(-1)!;
    expect(readFileSync(path, 'utf8')).toBe(shown.json);
    expect(readFileSync(path.replace(/json$/, 'csv'), 'utf8')).toBe(shown.csv);
    expect(shown.csv).toContain('byNature,intimidation,,1');
    expect(await codeOf('export.save', { exportId: shown.file.exportId, unsealed: true })).toBe('NOT_FOUND');
  });

  it('refuses a reversed period and one that spans two report years', async () => {
    expect(await codeOf('export.preview', { period: { from: '2026-12-31', to: '2026-01-01' }, includeUnits: false })).toBe('INVALID_INPUT');
    expect(await codeOf('export.preview', { period: { from: '2026-06-01', to: '2027-05-31' }, includeUnits: false })).toBe('INVALID_INPUT');
    // A typo in the year is refused, never counted as an empty period.
    expect(await codeOf('export.preview', { period: { from: '9999-01-01', to: '9999-12-31' }, includeUnits: false })).toBe('INVALID_INPUT');
    expect(await codeOf('team.report', { year: 9999, k: 5, grouped: false })).toBe('INVALID_INPUT');
  });
});

const arbitraryCase: fc.Arbitrary<CaseInput> = fc
  .record({
    day: fc.integer({ min: 1, max: 28 }),
    month: fc.integer({ min: 1, max: 10 }),
    route: fc.constantFrom(...INTAKE_ROUTES),
    natures: fc.uniqueArray(fc.constantFrom(...NATURES), { minLength: 1, maxLength: 3 }),
    handlings: fc.oneof(
      fc.constant<HandlingType[]>(['advice_only']),
      fc.uniqueArray(fc.constantFrom(...HANDLING_TYPES.filter((h) => h !== 'referral' && h !== 'advice_only')), { maxLength: 3 }),
    ),
    relation: fc.option(fc.constantFrom(...OTHER_PARTY_RELATIONS), { nil: null }),
    reporters: fc.array(
      fc.record({ staff: fc.constantFrom(...STAFF_CATEGORIES), age: fc.constantFrom(...AGE_BANDS), role: fc.constantFrom(...REPORTER_ROLES), suffix: fc.string({ maxLength: 8 }), listed: fc.boolean() }),
      { maxLength: 3 },
    ),
    consent: fc.boolean(),
  })
  .map(({ day, month, route, natures, handlings, relation, reporters, consent }) => {
    const date = `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return caseInput({
      label: `${CANARY.name}-label`,
      firstContactAt: `${date}T09:00`,
      firstResponseAt: null,
      intakeRoute: route,
      referredInBy: route === 'via_concerns_point' ? 'concerns_point' : route === 'referred_by_function' ? 'confidential_adviser' : null,
      natures,
      handlings,
      otherParty: { relation, hierarchical: null, description: `${CANARY.name}-party` },
      reporterIdentified: reporters.length > 0,
      reporters: reporters.map((r) =>
        reporter({ name: `${CANARY.name}-${r.suffix.replace(/\p{Cc}/gu, '')}`, unit: r.listed ? 'Faculteit Rechten' : `${CANARY.name}-unit`, staffCategory: r.staff, ageBand: r.age, role: r.role }),
      ),
      consents: consent ? [{ scope: 'count_in_statistics', answer: 'given', withWhom: `${CANARY.name}-whom`, givenOn: date, withdrawnOn: null }] : [],
    });
  });

describe('nothing identifying leaves the vault', () => {
  it('holds for many generated vaults full of canaries in every free-text field, in the plain and the sealed file', async () => {
    await openVault('ombudsperson');
    await ok('team.create', { organisation: 'Team', units: ['Faculteit Rechten', 'Universiteitsbibliotheek'], k: 5 });
    const team = teamIdentity(core.vault.database())!;
    await fc.assert(
      fc.asyncProperty(fc.array(arbitraryCase, { minLength: 1, maxLength: 8 }), fc.constantFrom(...CONVERSATION_MODES), fc.boolean(), async (cases, mode, includeUnits) => {
        core.vault.database().exec('DELETE FROM cases');
        for (const input of cases) {
          const { id } = await ok<{ id: number }>('cases.create', input);
          await ok('conversations.add', { caseId: id, conversation: conversationInput({ heldAt: `${input.firstContactAt.slice(0, 10)}T15:00`, mode }) });
          if (input.handlings.includes('mediation')) {
            await ok('mediation.save', { caseId: id, mediation: mediationInput({ otherPartyConsentOn: input.firstContactAt.slice(0, 10), hearingHeldOn: null, agreements: [] }) });
            await ok('conversations.add', { caseId: id, conversation: mediationSessionInput({ heldAt: `${input.firstContactAt.slice(0, 10)}T16:00` }) });
          }
        }
        const { json, csv, file } = await preview({ ...year2026, includeUnits });
        expect(leakedCanaries(json + csv)).toEqual([]);
        // Unit names come only from the team's list; a typed-in unit counts as "not in list", never by its words.
        expect(file.counts.byUnit && Object.keys(file.counts.byUnit)).toEqual(includeUnits ? ['Faculteit Rechten', 'Universiteitsbibliotheek', 'not_in_list'] : null);
        await ok('export.save', { exportId: file.exportId });
        const sealed = readFileSync(dialogs.saved.at(-1)!, 'utf8');
        expect(leakedCanaries(sealed)).toEqual([]);
        expect((await openSealedExport(sealed, team, (adviserId) => signerOf(core.vault.database(), adviserId))).payload).toBe(json);
        const again = await preview({ ...year2026, includeUnits });
        await ok('export.save', { exportId: again.file.exportId, unsealed: true });
        expect(leakedCanaries(readFileSync(dialogs.saved.at(-1)!, 'utf8'))).toEqual([]);
        const dates = (json + csv).match(/\d{4}-\d{2}-\d{2}/g) ?? [];
        expect(new Set(dates)).toEqual(new Set(['2026-01-01', '2026-12-31', file.exportedOn]));
        const counted = cases.filter((c) => c.consents.length > 0);
        const received = counted.filter((c) => c.referredInBy !== null);
        expect(file.counts.reports).toBe(counted.length - received.length);
        expect(file.counts.receivedReports).toBe(received.length);
      }),
      { numRuns: 60 },
    );
  });
});

async function exportFrom(fn: string, build: () => Promise<void>, period = year2026.period): Promise<string> {
  await openVault(fn);
  await build();
  // The fixture's unit is on this team's list, so the table per unit names it.
  await ok('team.create', { organisation: 'Team', units: ['CANARYUNITFACULTEIT'], k: 5 });
  const shown = await preview({ period, includeUnits: true });
  return shown.json;
}

describe('the team report', () => {
  /** The merging member's vault, whose team lists the unit the advisers' exports count. */
  async function openMerger() {
    await openVault('central_confidential_adviser');
    await ok('team.create', { organisation: 'Team', units: ['CANARYUNITFACULTEIT'], k: 5 });
  }

  it('merges three exports to hand-computed totals and refuses duplicates and tampering', async () => {
    const adviser = await exportFrom('central_confidential_adviser', async () => {
      await ok('cases.create', caseInput({ natures: ['intimidation'] }));
      await ok('cases.create', caseInput({ natures: ['intimidation', 'workload'], reporters: [reporter(), reporter({ staffCategory: 'phd_candidate' })] }));
    });
    const ombuds = await exportFrom('ombudsperson', async () => {
      for (let i = 0; i < 3; i++) await ok('cases.create', caseInput({ natures: ['labour_conflict'], intakeRoute: 'direct' }));
    });
    const faculty = await exportFrom('faculty_confidential_adviser', async () => {
      await ok('cases.create', caseInput({ natures: ['bullying'], reporters: [reporter({ staffCategory: 'phd_candidate' })] }));
    });

    await openMerger();
    for (const content of [adviser, ombuds, faculty]) expect((await ok<ImportOutcome>('team.import', { content, replace: [], acceptUnsealed: true })).status).toBe('imported');
    expect(await codeOf('team.import', { content: adviser, replace: [], acceptUnsealed: true })).toBe('DUPLICATE_EXPORT');
    const tampered = adviser.replace('"reports": 2', '"reports": 3');
    expect(tampered).not.toBe(adviser);
    expect(await codeOf('team.import', { content: tampered, replace: [], acceptUnsealed: true })).toBe('TAMPERED_EXPORT');
    expect(await codeOf('team.import', { content: '{"schema":"something else"}', replace: [], acceptUnsealed: true })).toBe('INVALID_EXPORT');
    expect(await codeOf('team.import', { content: 'not json', replace: [], acceptUnsealed: true })).toBe('INVALID_EXPORT');

    const report = await ok<TeamReport>('team.report', { year: 2026, k: 3, grouped: false });
    expect(report.imports).toHaveLength(3);
    const exact = report.exact.team!;
    expect(exact.keyFigures).toMatchObject({ advisers: 2, reports: 5, reporters: 6 });
    expect(exact.natures.rows.find((row) => row.key === 'intimidation')).toEqual({ key: 'intimidation', value: 2, percent: 40 });
    expect(exact.reporterProfile.rows.find((row) => row.key === 'phd_candidate')!.value).toBe(1);
    expect(report.exact.faculty!.keyFigures).toMatchObject({ advisers: 1, reports: 1 });
    expect(report.units).toEqual([{ unit: 'CANARYUNITFACULTEIT', reports: 6 }]);
    // 2 is below k ("<5"), and the 3 beside it would give it away from the total of 5: hidden as its complement ("×").
    const byFunction = Object.fromEntries(report.published.team!.reportsByFunction!.rows.map((row) => [row.key, row.value]));
    expect(byFunction).toEqual({ central_confidential_adviser: 'small', ombudsperson: 'complement', concerns_point_coordinator: 0 });
    expect(report.published.team!.reportsByFunction!.total).toBe(5);
    expect(report.published.faculty!.keyFigures.reports).toBe('small');
    expect((await ok<TeamReport>('team.report', { year: 2026, k: 7, grouped: false })).units).toEqual([]);
    expect(await codeOf('team.report', { year: 2026, k: 2, grouped: false })).toBe('INVALID_INPUT');

    const { fileName } = await ok<{ fileName: string }>('team.savePublication', { year: 2026, k: 3, grouped: false, language: 'nl', ioa: false, format: 'csv', acceptDifferencing: false });
    expect(fileName).toBe('confidant-annual-report-2026.csv');
    expect(readFileSync(dialogs.saved.at(-1)!, 'utf8')).toContain('Facultaire en promovendivertrouwenspersonen;Kerncijfers;"Meldingen (uniek, elk één keer geteld)";Aantal;<3;faculty;faculty.keyFigures;reports;value');
  });

  it('keeps imports and removes one on request', async () => {
    const json = await exportFrom('ombudsperson', async () => undefined);
    await openMerger();
    const outcome = await ok<ImportOutcome>('team.import', { content: json, replace: [], acceptUnsealed: true });
    if (outcome.status !== 'imported') throw new Error('not imported');
    await ok('team.remove', { exportId: outcome.summary.exportId });
    expect((await ok<TeamReport>('team.report', { year: 2026, k: 5, grouped: false })).imports).toEqual([]);
    const parsed = JSON.parse(json) as ExportFile;
    expect(parsed.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
