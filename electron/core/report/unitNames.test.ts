import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportOutcome, PublicationDocument, TeamInfo, TeamReport } from '../../../shared/contract';
import { CANARY } from '../../../test/fixtures/canaries';
import { syntheticCase, syntheticExport } from '../../../test/fixtures/syntheticExports';
import { callCore } from '../../../test/support/callCore';
import { teamTables } from '../../../test/support/teamTables';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import { testShell } from '../../../test/support/testShell';
import { createCore, type Core } from '../core';
import { createLogger } from '../log';

/** Unit names are the team's words: names an object already answers to must count like any other. */
const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
const dir = temporaryDirectory();
let core: Core;
const { ok, codeOf } = callCore(() => core);

beforeAll(async () => {
  core = createCore({ dataDirectory: dir.path, clock: () => new Date(2026, 1, 2, 12, 0), log: createLogger(() => undefined), shell: testShell(dir.path).shell });
  await ok('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
  await ok('team.create', { organisation: 'Universiteit Voorbeeld', units: NAMES, k: 5 });
  const cases = fc.sample(fc.array(syntheticCase, { minLength: 30, maxLength: 30 }), { numRuns: 1, seed: 7 })[0]!;
  for (const fn of ['ombudsperson', 'concerns_point_coordinator'] as const) {
    const units = Object.fromEntries(NAMES.map((name) => [name, 3]));
    const outcome = await ok<ImportOutcome>('team.import', { content: JSON.stringify(syntheticExport(fn, cases, 2025, units)), replace: [], acceptUnsealed: true });
    expect(outcome.status).toBe('imported');
  }
});

afterAll(() => {
  core.vault.lock();
  dir.remove();
});

describe('units named like an object’s own properties', () => {
  it('come in only from the team’s list: any other unit name is refused, and nothing changes', async () => {
    const before = teamTables(core);
    const cases = fc.sample(fc.array(syntheticCase, { minLength: 3, maxLength: 3 }), { numRuns: 1, seed: 8 })[0]!;
    const unlisted: Record<string, number>[] = [{ 'Faculteit Geheim': 3 }, { constructor: 2, 'constructor ': 1 }, { not_in_list: 1, toString: 1, Constructor: 1 }];
    for (const units of unlisted) {
      const content = JSON.stringify(syntheticExport('central_confidential_adviser', cases, 2025, units));
      expect(await codeOf('team.import', { content, replace: [], acceptUnsealed: true }), JSON.stringify(units)).toBe('UNKNOWN_UNIT');
      expect(teamTables(core)).toEqual(before);
    }
    // Another year, so the report below counts only the imports made before.
    const listed = JSON.stringify(syntheticExport('central_confidential_adviser', cases, 2024, { not_in_list: 2, valueOf: 1 }));
    expect((await ok<ImportOutcome>('team.import', { content: listed, replace: [], acceptUnsealed: true })).status).toBe('imported');
  });

  it('are merged, counted and published like any unit', async () => {
    const report = await ok<TeamReport>('team.report', { year: 2025, k: 5, grouped: false });
    expect(report.units.map((unit) => [unit.unit, unit.reports]).sort()).toEqual(NAMES.map((name) => [name, 6]).sort());
    const document = await ok<PublicationDocument>('team.document', { year: 2025, k: 5, grouped: false, language: 'en', ioa: false });
    const units = document.sections[0]!.tables.find((table) => table.id === 'team.units')!;
    expect(units.rows.map((row) => row.code).sort()).toEqual([...NAMES].sort());
  });

  it('are kept trimmed when the team list is made, so a name typed with a space around it matches the advisers’ case units', async () => {
    const other = temporaryDirectory();
    const team = createCore({ dataDirectory: other.path, clock: () => new Date(2026, 1, 2, 12, 0), log: createLogger(() => undefined), shell: testShell(other.path).shell });
    const calls = callCore(() => team);
    try {
      await calls.ok('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
      const info = await calls.ok<TeamInfo>('team.create', { organisation: ' Universiteit Voorbeeld ', units: [' Faculteit Rechten', 'Universiteitsbibliotheek  '], k: 5 });
      expect([info.organisation, info.units]).toEqual(['Universiteit Voorbeeld', ['Faculteit Rechten', 'Universiteitsbibliotheek']]);
      const cases = fc.sample(fc.array(syntheticCase, { minLength: 3, maxLength: 3 }), { numRuns: 1, seed: 9 })[0]!;
      const content = JSON.stringify(syntheticExport('central_confidential_adviser', cases, 2025, { 'Faculteit Rechten': 2, Universiteitsbibliotheek: 1 }));
      expect((await calls.ok<ImportOutcome>('team.import', { content, replace: [], acceptUnsealed: true })).status).toBe('imported');
      expect(await calls.codeOf('team.create', { organisation: 'Universiteit Voorbeeld', units: ['  '], k: 5 })).toBe('INVALID_INPUT');
    } finally {
      team.vault.lock();
      other.remove();
    }
  });
});
