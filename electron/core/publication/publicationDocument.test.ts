import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withCounts, withPeriod } from '../../../test/fixtures/generatedTeams';
import { syntheticCase, syntheticExport, type SyntheticCase } from '../../../test/fixtures/syntheticExports';
import { DEFAULT_GROUPINGS } from '../../../shared/schemas/groupings';
import type { Language } from '../../../shared/schemas/primitives';
import type { PublicationDocument, PublicationTable } from '../../../shared/schemas/publication';
import { DEFAULT_GROUP_LABELS } from '../../../shared/publication/labels';
import { cellText } from '../../../shared/publication/shown';
import { tableParts, textWidth } from '../../../shared/publication/tableParts';
import type { ExportFile } from '../../../shared/schemas/export';
import { buildTeamReport } from '../report/teamReport';
import { buildPublicationDocument } from './publicationDocument';
import { sheetName } from './publicationXlsx';

const cases = (count: number, seed: number, change: (entry: SyntheticCase, index: number) => Partial<SyntheticCase> = () => ({})) =>
  fc.sample(fc.array(syntheticCase, { minLength: count, maxLength: count }), { numRuns: 1, seed })[0]!.map((entry, index) => ({ ...entry, ...change(entry, index) }));

function documentOf(files: ExportFile[], options: { k?: number; language?: Language; grouped?: boolean; headcount?: number | null } = {}): PublicationDocument {
  const report = buildTeamReport({
    year: 2025,
    years: [2025],
    files,
    k: options.k ?? 5,
    grouped: options.grouped ?? true,
    groupings: DEFAULT_GROUPINGS,
    headcount: options.headcount ?? null,
    replacements: [],
    importsToRedo: 0,
  });
  return buildPublicationDocument({ report, language: options.language ?? 'nl', texts: {}, organisation: null, madeOn: '2026-01-15', ioa: false, previous: null, differencing: null });
}

const tableOf = (document: PublicationDocument, id: string): PublicationTable => {
  const found = document.sections.flatMap((section) => section.tables).find((table) => table.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
};
const printed = (document: PublicationDocument, id: string, row: string, column = 'count') => {
  const table = tableOf(document, id);
  const index = table.columns.findIndex((entry) => entry.code === column);
  return cellText(table.rows.find((entry) => entry.code === row)!.cells[index]!, document.k, document.language);
};

describe('the publication document', () => {
  it('prints zeros in one-way tables, and a zero inside a cross only where its row’s and its column’s totals print', () => {
    const ombudsperson = withCounts(syntheticExport('ombudsperson', cases(40, 7, () => ({ referral: null }))), (counts) => {
      Object.assign(counts.byReferralTarget, { coach: 6, company_doctor: 5 });
    });
    const document = documentOf([ombudsperson], { grouped: false });
    expect(printed(document, 'team.referralTargets', 'complaints_committee')).toBe('0');
    expect(printed(document, 'team.intakeRoutes', 'national_desk_threatened_scientists')).toBe('0');
    expect(printed(document, 'team.handling', 'formal_complaint')).toBe('0');
    const seen = { printed: 0, hidden: 0 };
    for (const seed of [7, 8, 9, 10]) {
      const report = buildTeamReport({ year: 2025, years: [2025], files: [syntheticExport('ombudsperson', cases(30, seed))], k: 5, grouped: false, groupings: [], headcount: null, replacements: [], importsToRedo: 0 });
      for (const name of ['natureByOtherParty', 'natureByHierarchy', 'natureByBystander'] as const) {
        const [shown, exact] = [report.published.team![name], report.exact.team![name]];
        exact.cells.forEach((row, i) =>
          row.forEach((value, j) => {
            if (value !== 0) return;
            const marginsPrint = typeof shown.rowTotals[i] === 'number' && typeof shown.columnTotals[j] === 'number';
            expect(shown.cells[i]![j], `${name} ${exact.rowKeys[i]} ${exact.columnKeys[j]}`).toBe(marginsPrint ? 0 : 'complement');
            seen[marginsPrint ? 'printed' : 'hidden'] += 1;
          }),
        );
      }
    }
    expect(seen.printed).toBeGreaterThan(0);
    expect(seen.hidden).toBeGreaterThan(0);
  });

  it('prints the team’s own acts as they are, and the reports an advice to the board concerned like any count of reports', () => {
    const adviser = withCounts(syntheticExport('central_confidential_adviser', cases(30, 8)), (counts) => {
      counts.boardAdvices = { total: 1, followed: 1, notFollowed: 0, pending: 0, reportsConcerned: 3 };
      counts.activities.training = { count: 2, attendees: 4 };
    });
    for (const k of [3, 5]) {
      const document = documentOf([adviser], { k });
      expect(printed(document, 'team.keyFigures', 'boardAdvices', 'value')).toBe('1');
      expect(printed(document, 'team.keyFigures', 'boardAdviceReports', 'value')).toBe(k === 5 ? '<5' : '3');
      expect(printed(document, 'team.activities', 'training')).toBe('2');
      expect(printed(document, 'team.attendees', 'training')).toBe('4');
    }
  });

  it('says of each mediation figure what it counts: the recorded mediations apart from the reports marked as handled by mediation', () => {
    const ombudsperson = withCounts(syntheticExport('ombudsperson', cases(30, 9, (_, index) => ({ handlings: index < 7 ? ['mediation'] : ['advice_only'] }))), (counts) => {
      counts.mediation = { mediations: 9, hearings: 9, sessions: 14, agreements: 6, byOutcome: { ...counts.mediation.byOutcome, agreement: 6, no_agreement: 3 } };
    });
    for (const language of ['nl', 'en'] as const) {
      const document = documentOf([ombudsperson], { language });
      const mediation = tableOf(document, 'team.mediation');
      const handling = tableOf(document, 'team.handling').rows.find((row) => row.code === 'mediation')!;
      expect([mediation.rows[0]!.label, handling.label]).toEqual(
        language === 'nl' ? ['Meldingen met een vastgelegde bemiddeling', 'Bemiddeling als afhandeling'] : ['Reports with a recorded mediation', 'Mediation as handling'],
      );
      expect(mediation.unitLine).toContain(handling.label);
      expect([printed(document, 'team.mediation', 'mediations', 'value'), printed(document, 'team.handling', 'mediation')]).toEqual(['9', '7']);
      // The outcome table counts the same mediations: its total is the same figure, not a second one.
      expect(printed(document, 'team.mediationOutcomes', 'total')).toBe('9');
      const labels = document.sections.flatMap((section) => section.tables.flatMap((table) => table.rows.map((row) => row.label)));
      expect(labels.filter((label) => /^(Bemiddelingen|Bemiddeling|Mediations?)$/.test(label))).toEqual([]);
    }
  });

  it('reads in its language: decimal commas in Dutch, English words for the default groups in English', () => {
    const files = [syntheticExport('ombudsperson', cases(25, 10, (_, index) => ({ natures: index < 6 ? ['bullying'] : ['cooperation_problems'] })))];
    const dutch = documentOf(files, { headcount: 1130 });
    expect(printed(dutch, 'team.keyFigures', 'staffShare', 'value')).toBe('2,2%');
    expect(printed(dutch, 'team.keyFigures', 'conversationsPerReporter', 'value')).toBe('2');
    expect(tableOf(dutch, 'team.keyFigures').unitLine).toBe('2,2% van 1130 medewerkers');
    const english = documentOf(files, { headcount: 1130, language: 'en' });
    expect(printed(english, 'team.keyFigures', 'staffShare', 'value')).toBe('2.2%');
    expect(tableOf(english, 'team.natures').rows.map((row) => row.label)).toContain('Bullying and reintegration');
    const words = english.sections.flatMap((section) => section.tables.flatMap((table) => [...table.rows.map((row) => row.label), ...table.columns.map((column) => column.label), ...(table.chart ?? []).map((bar) => bar.label)]));
    for (const name of Object.keys(DEFAULT_GROUP_LABELS)) expect(words).not.toContain(name);
    expect(words).toContain('Direct supervisor or (co)promotor');
    expect(DEFAULT_GROUPINGS.map((grouping) => grouping.name).filter((name) => !(name in DEFAULT_GROUP_LABELS))).toEqual([]);
  });

  it('names per function how many advisers covered which months', () => {
    const files = [
      withPeriod(syntheticExport('central_confidential_adviser', cases(5, 11)), { from: '2025-01-01', to: '2025-12-31' }),
      withPeriod(syntheticExport('central_confidential_adviser', cases(5, 12)), { from: '2025-09-01', to: '2025-12-31' }),
      withPeriod(syntheticExport('central_confidential_adviser', cases(5, 13)), { from: '2025-09-01', to: '2025-12-31' }),
      withPeriod(syntheticExport('ombudsperson', cases(5, 14)), { from: '2025-04-01', to: '2025-12-31' }),
    ];
    expect(documentOf(files).periods.map((period) => period.line)).toEqual([
      'Ombudsfunctionaris: 1 adviseur over april – december 2025',
      'Centrale vertrouwenspersoon: 1 adviseur over januari – december 2025; 2 adviseurs over september – december 2025',
    ]);
    expect(documentOf(files, { language: 'en' }).periods.map((period) => period.line)).toEqual([
      'Ombudsperson: 1 adviser for April – December 2025',
      'Central confidential adviser: 1 adviser for January – December 2025; 2 advisers for September – December 2025',
    ]);
  });
});

describe('the document in its formats', () => {
  it('names Excel sheets at a whole word, at most 31 characters, each once', () => {
    const taken = new Set<string>();
    expect(sheetName('Gebeurtenissen uit een eerdere periode', taken)).toBe('Gebeurtenissen uit een eerdere');
    expect(sheetName('Profiel van de melders', taken)).toBe('Profiel van de melders');
    expect(sheetName('Profiel van de melders', taken)).toBe('Profiel van de melders (2)');
    expect(sheetName('Tijdens het promotietraject, naar huidige categorie', taken)).toBe('Tijdens het promotietraject');
    for (const name of taken) expect(name.length).toBeLessThanOrEqual(31);
  });

  it('splits a table too wide for the page into parts, each with every row and a share of the columns, the total last', () => {
    const table: PublicationTable = {
      id: 'team.natureByOtherParty',
      title: 'Aard naar andere partij',
      unitLine: '',
      base: null,
      columns: [...['Direct leidinggevende of (co)promotor', 'Hoger in de hiërarchie', 'Collega', 'Ondergeschikte', 'Student', 'Derde partij', 'Privéleven', 'Niet vastgelegd'].map((label, index) => ({ label, code: `c${index}` })), { label: 'Totaal', code: 'total' }],
      rows: [{ label: 'Intimidatie', code: 'intimidation', cells: Array.from({ length: 9 }, () => ({ kind: 'count' as const, value: 12 })), total: false }],
      chart: null,
      footnotes: [],
    };
    const metrics = { width: 500, size: 9.5, padding: 11, labelShare: 0.3 };
    const parts = tableParts(table, () => ['12'], metrics);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.flatMap((part) => part.columns)).toEqual(table.columns.map((_, index) => index));
    expect(parts.at(-1)!.columns.at(-1)).toBe(table.columns.length - 1);
    for (const part of parts) {
      const words = part.columns.map((index) => Math.max(...table.columns[index]!.label.split(' ').map((word) => textWidth(word, 9.5, true))) + 11);
      expect(words.reduce((sum, width) => sum + width, 0)).toBeLessThanOrEqual(500 * 0.7);
    }
    expect(tableParts({ ...table, columns: table.columns.slice(-2) }, () => ['12'], metrics)).toEqual([{ columns: [0, 1], part: 1, parts: 1 }]);
  });
});
