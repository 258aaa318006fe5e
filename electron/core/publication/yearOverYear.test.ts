import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportOutcome, PublicationDocument, PublicationTable } from '../../../shared/contract';
import type { ExportFile } from '../../../shared/schemas/export';
import type { VaultFunction } from '../../../shared/taxonomy';
import { CANARY } from '../../../test/fixtures/canaries';
import { withPeriod } from '../../../test/fixtures/generatedTeams';
import { syntheticCase, syntheticExport } from '../../../test/fixtures/syntheticExports';
import { answerOpenFlows } from '../../../test/support/answerFlows';
import { callCore } from '../../../test/support/callCore';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import { testShell } from '../../../test/support/testShell';
import { createCore, type Core } from '../core';
import { createLogger } from '../log';
import { buildTeamReport } from '../report/teamReport';
import { buildPublicationDocument } from './publicationDocument';

/**
 * Last year's change compares like with like only when the same functions covered the same months
 * with as many advisers: otherwise its column and a note under each table say how the years differ.
 */
const cases = (seed: number) => fc.sample(fc.array(syntheticCase, { minLength: 30, maxLength: 30 }), { numRuns: 1, seed })[0]!;
const exportOf = (fn: VaultFunction, year: number, seed: number, months: [string, string] = ['01', '12']) => {
  const lastDay = { '08': '31', '12': '31' }[months[1]]!;
  return withPeriod(syntheticExport(fn, cases(seed), year), { from: `${year}-${months[0]}-01`, to: `${year}-${months[1]}-${lastDay}` });
};
const reportOf = (year: number, files: ExportFile[]) => buildTeamReport({ year, years: [year], files, k: 5, grouped: false, groupings: [], headcount: null, replacements: [], importsToRedo: 0 });

function documentOf(current: ExportFile[], previous: ExportFile[]): PublicationDocument {
  const lastYear = reportOf(2024, previous);
  return buildPublicationDocument({
    report: reportOf(2025, current),
    language: 'nl',
    texts: {},
    organisation: null,
    madeOn: '2026-01-15',
    ioa: false,
    previous: { year: 2024, sections: lastYear.published, coverage: lastYear.imports },
    differencing: null,
  });
}

const tableOf = (document: PublicationDocument, id: string): PublicationTable => document.sections.flatMap((section) => section.tables).find((table) => table.id === id)!;
const changeLabel = (table: PublicationTable) => table.columns.find((column) => column.code === 'change')!.label;

describe('the change against last year', () => {
  const lastYear = [exportOf('ombudsperson', 2024, 1), exportOf('faculty_confidential_adviser', 2024, 2)];

  it('is a bare change between two years covered alike', () => {
    const document = documentOf([exportOf('ombudsperson', 2025, 3), exportOf('faculty_confidential_adviser', 2025, 4)], lastYear);
    for (const id of ['team.keyFigures', 'team.natures', 'faculty.keyFigures']) {
      expect(changeLabel(tableOf(document, id)), id).toBe('Verschil met 2024');
      expect(tableOf(document, id).footnotes.join(' '), id).not.toContain('dekking');
    }
  });

  it('is marked in its column and explained under each table of the part whose coverage differs: a partial year, an adviser more', () => {
    // The ombudsperson came in September; the faculty advisers are as many, over the same months.
    const partial = documentOf([exportOf('ombudsperson', 2025, 3, ['09', '12']), exportOf('faculty_confidential_adviser', 2025, 4)], lastYear);
    const note = 'Verschil met 2024: de dekking was niet dezelfde, dus een verschil komt deels daaruit. Ombudsfunctionaris: nu 1 adviseur over september – december 2025, in 2024 1 adviseur over januari – december 2024.';
    for (const id of ['team.keyFigures', 'team.natures', 'team.reporterProfile']) {
      expect(changeLabel(tableOf(partial, id)), id).toBe('Verschil met 2024, andere dekking');
      expect(tableOf(partial, id).footnotes, id).toContain(note);
    }
    expect(changeLabel(tableOf(partial, 'faculty.keyFigures'))).toBe('Verschil met 2024');
    // A second faculty adviser the whole year: the faculty part is marked, and says so.
    const more = documentOf([exportOf('ombudsperson', 2025, 3), exportOf('faculty_confidential_adviser', 2025, 4), exportOf('faculty_confidential_adviser', 2025, 5)], lastYear);
    expect(changeLabel(tableOf(more, 'team.keyFigures'))).toBe('Verschil met 2024');
    expect(changeLabel(tableOf(more, 'faculty.keyFigures'))).toBe('Verschil met 2024, andere dekking');
    expect(tableOf(more, 'faculty.keyFigures').footnotes.at(-1)).toContain(
      'Facultaire / PhD-vertrouwenspersoon: nu 2 adviseurs over januari – december 2025, in 2024 1 adviseur over januari – december 2024.',
    );
  });
});

describe('a publication kept by an earlier version', () => {
  let dir: ReturnType<typeof temporaryDirectory>;
  let core: Core;
  const { ok } = callCore(() => core);
/** Publishes as the merging member does: the questions about flows counted differently answered first. */
const publish = async (request: { year: number } & Record<string, unknown>) => {
  await answerOpenFlows(ok, request.year);
  return ok('team.savePublication', request);
};
  const base = { k: 5, grouped: false, language: 'nl' as const, ioa: false };

  beforeEach(async () => {
    dir = temporaryDirectory();
    core = createCore({ dataDirectory: dir.path, clock: () => new Date(2026, 1, 2, 12, 0), log: createLogger(() => undefined), shell: testShell(dir.path).shell });
    await ok('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
    await ok('team.create', { organisation: 'Team', units: [], k: 5 });
  });
  afterEach(() => {
    core.vault.lock();
    dir.remove();
  });

  /** Rewrites the kept tables as the earlier version wrote them: no coverage, no figures format 4 brought. */
  function keptAsBefore(year: number) {
    const db = core.vault.database();
    const kept = JSON.parse(db.prepare('SELECT tables FROM report_publications WHERE report_year = ?').pluck().get(year) as string) as Record<string, unknown> & {
      published: Record<string, { keyFigures: Record<string, unknown> } | null>;
    };
    delete kept.coverage;
    for (const section of Object.values(kept.published)) {
      if (!section) continue;
      delete section.keyFigures.openAtStart;
      delete section.keyFigures.conversationsOnReports;
    }
    db.prepare('UPDATE report_publications SET tables = ? WHERE report_year = ?').run(JSON.stringify(kept), year);
  }

  it('is still compared with, marked as counted differently, and a same-year republication still reads it', async () => {
    const imported = async (file: ExportFile) => expect((await ok<ImportOutcome>('team.import', { content: JSON.stringify(file), replace: [], acceptUnsealed: true })).status).toBe('imported');
    await imported(exportOf('ombudsperson', 2024, 1));
    await publish({ ...base, year: 2024, format: 'csv', acceptDifferencing: false });
    keptAsBefore(2024);
    await imported(exportOf('ombudsperson', 2025, 3));
    const document = await ok<PublicationDocument>('team.document', { ...base, year: 2025 });
    const keyFigures = tableOf(document, 'team.keyFigures');
    expect(changeLabel(keyFigures)).toBe('Verschil met 2024, anders geteld');
    expect(keyFigures.footnotes.at(-1)).toMatch(/^Verschil met 2024: de publicatie van 2024 telde gesprekken, .* nog in het jaar van de eerste melding/);
    // The figures last year did not print have no change; the others do.
    const change = (code: string) => keyFigures.rows.find((row) => row.code === code)!.cells[1];
    expect(change('openAtStart')).toEqual({ kind: 'change', value: null });
    expect(change('reports')).toEqual({ kind: 'change', value: 0 });

    await publish({ ...base, year: 2025, format: 'csv', acceptDifferencing: false });
    keptAsBefore(2025);
    expect((await ok<PublicationDocument>('team.document', { ...base, year: 2025 })).differencing).toBeNull();
  });
});
