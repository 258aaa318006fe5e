import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseInput, ExportFile, ExportPreview, TeamReport } from '../../../shared/contract';
import { AGE_BANDS, CONVERSATION_MODES, HANDLING_TYPES, INTAKE_ROUTES, NATURES, OTHER_PARTY_RELATIONS, REPORTER_ROLES, STAFF_CATEGORIES } from '../../../shared/taxonomy';
import { CANARY } from '../../../test/fixtures/canaries';
import { caseInput, conversationInput, mediationInput, reporter } from '../../../test/fixtures/records';
import { callCore } from '../../../test/support/callCore';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import { testShell } from '../../../test/support/testShell';
import { createCore, type Core } from '../core';
import { createLogger } from '../log';

const now = new Date(2026, 10, 23, 12, 0);
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
    await ok('cases.create', caseInput({ consents: [{ scope: 'count_in_statistics', withWhom: '', givenOn: '2026-03-02', withdrawnOn: '2026-04-01' }] }));
    await ok('cases.create', caseInput({ firstContactAt: '2025-12-31T23:59', firstResponseAt: null }));
    await ok('signals.create', { notedOn: '2026-05-01', unit: CANARY.name, theme: 'workload', note: CANARY.noteWord });
    await ok('activities.create', { heldOn: '2026-02-01', type: 'workshop', audience: CANARY.name, attendees: 12 });

    const { file, excludedWithoutConsent } = await preview();
    const counts = file.counts;
    expect(excludedWithoutConsent).toBe(2);
    expect(counts.reports).toBe(2);
    expect(counts.jointReports).toBe(1);
    expect(counts.reporters).toBe(3);
    expect(counts.conversations).toBe(3);
    expect(counts.conversationsPerReporter).toBe(1);
    expect(counts.byStaffCategory.academic_staff).toBe(2);
    expect(counts.byStaffCategory.phd_candidate).toBe(1);
    expect(counts.byNature.intimidation).toBe(2);
    expect(counts.natureByOtherParty.intimidation).toMatchObject({ direct_supervisor: 1, colleague: 1 });
    expect(counts.natureByOtherParty.workload.direct_supervisor).toBe(1);
    expect(counts.byReferralTarget.ombudsperson).toBe(1);
    expect(counts.firstResponse).toEqual({ within24h: 1, later: 1, missing: 0 });
    expect(counts.signals.total).toBe(1);
    expect(counts.activities.workshop).toEqual({ count: 1, attendees: 12 });
    expect(counts.byUnit).toBeNull();
    expect(file.function).toBe('central_confidential_adviser');
  });

  it('includes unit names only when the adviser opts in', async () => {
    await ok('cases.create', caseInput());
    expect((await preview()).json).not.toContain('CANARYUNITFACULTEIT');
    expect((await preview({ ...year2026, includeUnits: true })).file.counts.byUnit).toEqual({ CANARYUNITFACULTEIT: 1 });
  });

  it('writes exactly the previewed bytes, JSON and CSV, only after the adviser picks a place', async () => {
    await ok('cases.create', caseInput());
    const shown = await preview();
    expect(await codeOf('export.save', { exportId: '00000000-0000-4000-8000-000000000000' })).toBe('NOT_FOUND');
    dialogs.cancelNextSave();
    expect(await codeOf('export.save', { exportId: shown.file.exportId })).toBe('CANCELLED');
    const { fileName } = await ok<{ fileName: string }>('export.save', { exportId: shown.file.exportId });
    expect(fileName).toBe('confidant-central_confidential_adviser-2026-01-01-2026-12-31.json');
    const path = dialogs.saved.at(-1)!;
    expect(readFileSync(path, 'utf8')).toBe(shown.json);
    expect(readFileSync(path.replace(/json$/, 'csv'), 'utf8')).toBe(shown.csv);
    expect(shown.csv).toContain('byNature,intimidation,,1');
    expect(await codeOf('export.save', { exportId: shown.file.exportId })).toBe('NOT_FOUND');
  });

  it('refuses a reversed period', async () => {
    expect(await codeOf('export.preview', { period: { from: '2026-12-31', to: '2026-01-01' }, includeUnits: false })).toBe('INVALID_INPUT');
  });
});

const arbitraryCase: fc.Arbitrary<CaseInput> = fc
  .record({
    day: fc.integer({ min: 1, max: 28 }),
    month: fc.integer({ min: 1, max: 10 }),
    route: fc.constantFrom(...INTAKE_ROUTES),
    natures: fc.uniqueArray(fc.constantFrom(...NATURES), { maxLength: 3 }),
    handlings: fc.uniqueArray(fc.constantFrom(...HANDLING_TYPES.filter((h) => h !== 'referral')), { maxLength: 3 }),
    relation: fc.option(fc.constantFrom(...OTHER_PARTY_RELATIONS), { nil: null }),
    reporters: fc.array(
      fc.record({ staff: fc.constantFrom(...STAFF_CATEGORIES), age: fc.constantFrom(...AGE_BANDS), role: fc.constantFrom(...REPORTER_ROLES), suffix: fc.string({ maxLength: 8 }) }),
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
      natures,
      handlings,
      otherParty: { relation, hierarchical: null, description: `${CANARY.name}-party` },
      reporterIdentified: reporters.length > 0,
      reporters: reporters.map((r) =>
        reporter({ name: `${CANARY.name}-${r.suffix.replace(/\p{Cc}/gu, '')}`, unit: `${CANARY.name}-unit`, staffCategory: r.staff, ageBand: r.age, role: r.role }),
      ),
      consents: consent ? [{ scope: 'count_in_statistics', withWhom: `${CANARY.name}-whom`, givenOn: date, withdrawnOn: null }] : [],
    });
  });

describe('nothing identifying leaves the vault', () => {
  it('holds for many generated vaults full of canaries in every free-text field', async () => {
    await openVault('ombudsperson');
    await fc.assert(
      fc.asyncProperty(fc.array(arbitraryCase, { minLength: 1, maxLength: 8 }), fc.constantFrom(...CONVERSATION_MODES), async (cases, mode) => {
        core.vault.database().exec('DELETE FROM cases');
        for (const input of cases) {
          const { id } = await ok<{ id: number }>('cases.create', input);
          await ok('conversations.add', { caseId: id, conversation: conversationInput({ heldAt: `${input.firstContactAt.slice(0, 10)}T15:00`, mode }) });
          if (input.handlings.includes('mediation')) {
            await ok('mediation.save', { caseId: id, mediation: mediationInput({ otherPartyConsentOn: input.firstContactAt.slice(0, 10), hearingHeldOn: null, sessions: [], agreements: [] }) });
          }
        }
        const { json, csv, file } = await preview();
        expect(leakedCanaries(json + csv)).toEqual([]);
        const dates = (json + csv).match(/\d{4}-\d{2}-\d{2}/g) ?? [];
        expect(new Set(dates)).toEqual(new Set(['2026-01-01', '2026-12-31', file.exportedOn]));
        expect(file.counts.reports).toBe(cases.filter((c) => c.consents.length > 0).length);
      }),
      { numRuns: 60 },
    );
  });
});

async function exportFrom(fn: string, build: () => Promise<void>, period = year2026.period): Promise<string> {
  await openVault(fn);
  await build();
  const shown = await preview({ period, includeUnits: true });
  return shown.json;
}

describe('the team report', () => {
  it('merges three exports to hand-computed totals and refuses duplicates, overlaps and tampering', async () => {
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

    const overlapping = await exportFrom('ombudsperson', async () => undefined, { from: '2026-06-01', to: '2027-05-31' });
    await openVault('central_confidential_adviser');
    for (const content of [adviser, ombuds, faculty]) await ok('team.import', { content });
    expect(await codeOf('team.import', { content: adviser })).toBe('DUPLICATE_EXPORT');
    expect(await codeOf('team.import', { content: overlapping })).toBe('OVERLAPPING_PERIOD');
    const tampered = adviser.replace('"reports": 2', '"reports": 3');
    expect(tampered).not.toBe(adviser);
    expect(await codeOf('team.import', { content: tampered })).toBe('TAMPERED_EXPORT');
    expect(await codeOf('team.import', { content: '{"schema":"something else"}' })).toBe('INVALID_EXPORT');
    expect(await codeOf('team.import', { content: 'not json' })).toBe('INVALID_EXPORT');

    const report = await ok<TeamReport>('team.report', { k: 3 });
    expect(report.imports).toHaveLength(3);
    expect(report.exact!.reports).toBe(2 + 3 + 1);
    expect(report.exact!.reporters).toBe(3 + 3 + 1);
    expect(report.exact!.byNature.intimidation).toBe(2);
    expect(report.exact!.byNature.labour_conflict).toBe(3);
    expect(report.exact!.byStaffCategory.phd_candidate).toBe(2);
    expect(report.exact!.byUnit).toEqual({ CANARYUNITFACULTEIT: 6 });
    expect(report.main!.reports.rows).toEqual([{ key: 'reports', value: 5 }, { key: 'reporters', value: 6 }]);
    // 2 is below k, and the 3 beside it would give it away from the total of 5: both are hidden.
    const byFunction = Object.fromEntries(report.main!.reportsByFunction.rows.map((row) => [row.key, row.value]));
    expect(byFunction).toMatchObject({ central_confidential_adviser: null, ombudsperson: null, concerns_point_coordinator: 0 });
    expect(report.main!.reportsByFunction.total).toBe(5);
    expect(report.faculty!.reports.rows[0]).toEqual({ key: 'reports', value: null });
    expect(report.units).toEqual([{ unit: 'CANARYUNITFACULTEIT', reports: 6 }]);
    expect((await ok<TeamReport>('team.report', { k: 7 })).units).toEqual([]);
    expect(await codeOf('team.report', { k: 2 })).toBe('INVALID_INPUT');

    const { fileName } = await ok<{ fileName: string }>('team.saveCsv', { k: 3 });
    expect(fileName).toBe('confidant-annual-report.csv');
    expect(readFileSync(dialogs.saved.at(-1)!, 'utf8')).toContain('faculty,reports,reports,,<3');
  });

  it('keeps imports and removes one on request', async () => {
    const json = await exportFrom('ombudsperson', async () => undefined);
    await openVault('central_confidential_adviser');
    const summary = await ok<{ exportId: string }>('team.import', { content: json });
    await ok('team.remove', { exportId: summary.exportId });
    expect((await ok<TeamReport>('team.report', { k: 5 })).imports).toEqual([]);
    const parsed = JSON.parse(json) as ExportFile;
    expect(parsed.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
