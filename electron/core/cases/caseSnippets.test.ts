import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseListRequest, CaseSummary, SignalSearchResponse } from '../../../shared/contract';
import { MARK_END, MARK_START, snippetParts } from '../../../shared/searchSnippet';
import { CANARY } from '../../../test/fixtures/canaries';
import { caseInput, conversationInput, mediationInput, mediationSessionInput, reporter } from '../../../test/fixtures/records';
import { callCore } from '../../../test/support/callCore';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import { createCore, type Core } from '../core';
import { createLogger } from '../log';

let dir: ReturnType<typeof temporaryDirectory>;
let core: Core;
let logged: string[];
const { ok, codeOf } = callCore(() => core);
const noFilter: CaseListRequest['filter'] = { status: null, year: null, nature: null, intakeRoute: null, openWithoutResponse: false, search: '' };

async function listed(search: string, filter: Partial<CaseListRequest['filter']> = {}) {
  return ok<{ total: number; rows: CaseSummary[] }>('cases.list', { filter: { ...noFilter, ...filter, search }, sort: 'number_asc', offset: 0, limit: 50 });
}

const marked = (snippet: string | null) =>
  snippetParts(snippet ?? '')
    .filter((part) => part.marked)
    .map((part) => part.text);

async function caseWithNote(label: string, notes: string): Promise<number> {
  const { id } = await ok<{ id: number }>('cases.create', caseInput({ label }));
  await ok('conversations.add', { caseId: id, conversation: conversationInput({ notes, participants: '' }) });
  return id;
}

beforeEach(async () => {
  dir = temporaryDirectory();
  logged = [];
  core = createCore({ dataDirectory: dir.path, clock: () => new Date(2026, 10, 23, 12, 0), log: createLogger((line) => logged.push(line)) });
  await core.router.handle('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
});
afterEach(() => {
  core.vault.lock();
  dir.remove();
});

describe('snippets of the cases a search finds', () => {
  it('shows the matching words marked in a short window of a long note, and none without a search', async () => {
    const words = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix}${index}`).join(' ');
    const id = await caseWithNote('Dossier Noord', `${words('eerder', 2_000)} toen belde de bedrijfsarts terug over het verzuim ${words('later', 2_000)}`);
    await caseWithNote('Dossier Zuid', 'Alleen een kort gesprek.');

    const found = await listed('Bedrijfsarts');
    expect(found.rows.map((row) => row.id)).toEqual([id]);
    const { snippet } = found.rows[0]!;
    expect(marked(snippet)).toEqual(['bedrijfsarts']);
    expect(snippet).toBe(`…toen belde de ${MARK_START}bedrijfsarts${MARK_END} terug over het verzuim later0 later1 later2 later3…`);
    expect((await listed('')).rows.map((row) => row.snippet)).toEqual([null, null]);
  });

  it('folds accents and capitals as the index does: typed without them, the words are marked as written', async () => {
    await caseWithNote('Zaak', 'Eén gesprek over de coördinatie met het Café; REÜNIE gepland.');
    const [row] = (await listed('coordinatie cafe reunie een')).rows;
    expect(marked(row!.snippet)).toEqual(['Eén', 'coördinatie', 'Café', 'REÜNIE']);
    expect(marked((await listed('Coördinatie')).rows[0]!.snippet)).toEqual(['coördinatie']);
  });

  it('marks a typed beginning of a word, as the search finds it', async () => {
    await caseWithNote('Werkdruk', 'De werkdrukmeting liet veel werk zien.');
    expect(marked((await listed('werk')).rows[0]!.snippet)).toEqual(['Werkdruk', 'werkdrukmeting', 'werk']);
  });

  it('cannot be broken by search syntax or by markers in what is typed', async () => {
    await caseWithNote('Ruzie', 'Een ruzie over werk en zorgen.');
    for (const hostile of ['"', '"ruzie', 'ruzie*', 'NEAR(ruzie zorgen)', 'ruzie OR x', '(ruzie', '{body}: ruzie', '^ruzie', 'ruzie -werk', `${MARK_START}ruzie${MARK_END}`, '\u0000ruzie']) {
      expect(await codeOf('cases.list', { filter: { ...noFilter, search: hostile }, sort: 'number_asc', offset: 0, limit: 10 }), hostile).toBe('ok');
    }
    for (const typed of ['"ruzie', 'ruzie*', '(ruzie', '^ruzie', `${MARK_START}ruzie${MARK_END}`]) {
      const found = await listed(typed);
      expect(found.total, typed).toBe(1);
      expect(marked(found.rows[0]!.snippet), typed).toEqual(['Ruzie', 'ruzie']);
    }
  });

  it('marks a reporter’s name and unit, the other party and a mediation text where they are found (finding 6: "Jansen", "Sanne de Boer", "Dekker")', async () => {
    const { id } = await ok<{ id: number }>(
      'cases.create',
      caseInput({
        label: 'Roosterconflict',
        handlings: ['mediation'],
        reporters: [reporter({ name: 'Sanne de Boer', unit: 'Faculteit Geesteswetenschappen' })],
        otherParty: { relation: 'direct_supervisor', hierarchical: true, description: 'Dekker, afdelingshoofd' },
      }),
    );
    await ok('conversations.add', { caseId: id, conversation: conversationInput({ notes: 'Mevrouw Jansen belde over het rooster.', participants: '' }) });
    await ok('mediation.save', { caseId: id, mediation: mediationInput({ hearingNotes: 'Hoorzitting met de teamleider', agreements: [{ agreedOn: '2026-03-19', text: 'Wekelijks overleg over de planning' }] }) });
    await ok('conversations.add', { caseId: id, conversation: mediationSessionInput({ notes: 'Sessie over roosterwensen' }) });
    const snippetOf = async (typed: string) => {
      const found = await listed(typed);
      expect(found.rows.map((row) => row.id), typed).toEqual([id]);
      return found.rows[0]!.snippet;
    };
    expect(marked(await snippetOf('Sanne de Boer'))).toEqual(expect.arrayContaining(['Sanne', 'de', 'Boer']));
    expect(marked(await snippetOf('geesteswetenschappen'))).toEqual(['Geesteswetenschappen']);
    expect(marked(await snippetOf('Dekker'))).toEqual(['Dekker']);
    expect(marked(await snippetOf('jansen'))).toEqual(['Jansen']);
    expect(marked(await snippetOf('teamleider'))).toEqual(['teamleider']);
    expect(marked(await snippetOf('planning'))).toEqual(['planning']);
    expect(marked(await snippetOf('roosterwensen'))).toEqual(['roosterwensen']);
  });

  it('gives a case found by its number alone no snippet', async () => {
    const id = await caseWithNote('Dossier', 'Niets met cijfers.');
    const { rows } = await listed('2026-001');
    expect(rows.map((row) => [row.id, row.snippet])).toEqual([[id, null]]);
  });

  it('never writes what was found to the log', async () => {
    await caseWithNote('Dossier', `Gesprek: ${CANARY.noteWord} en ${CANARY.name}.`);
    await ok('signals.create', { notedOn: '2026-05-01', unit: 'Faculteit', theme: 'workload', note: `${CANARY.noteWord} signaal` });
    expect(marked((await listed(CANARY.noteWord)).rows[0]!.snippet)).toEqual([CANARY.noteWord]);
    expect((await ok<SignalSearchResponse>('signals.search', { search: CANARY.noteWord, language: 'nl' })).total).toBe(1);
    const everything = logged.join('\n');
    for (const canary of [CANARY.noteWord, CANARY.name, MARK_START]) expect(everything).not.toContain(canary);
  });
});

describe('signals found by a search', () => {
  const signal = async (notedOn: string, unit: string, theme: string, note: string) => (await ok<{ id: number }>('signals.create', { notedOn, unit, theme, note })).id;
  const search = (typed: string, language: 'nl' | 'en' = 'nl') => ok<SignalSearchResponse>('signals.search', { search: typed, language });

  it('finds a signal by its note, its unit or its theme’s name in the adviser’s language, newest first, every typed word in it', async () => {
    const old = await signal('2025-02-01', 'Faculteit Geesteswetenschappen', 'workload', 'Klachten over het rooster bij de coördinator');
    const recent = await signal('2026-04-01', 'Bibliotheek', 'intimidation', 'Sfeer in het team onder druk');
    await signal('2026-03-01', 'Facilitair bedrijf', 'other', 'Niets bijzonders');

    const byNote = await search('coordinator rooster');
    expect(byNote.rows.map((row) => row.id)).toEqual([old]);
    expect(marked(byNote.rows[0]!.snippet)).toEqual(['rooster', 'coördinator']);
    expect((await search('geesteswetenschappen')).rows.map((row) => row.id)).toEqual([old]);
    expect((await search('facul')).rows.map((row) => row.id)).toEqual([old]);
    const byTheme = await search('intimidatie');
    expect(byTheme.rows.map((row) => [row.id, row.theme, row.notedOn])).toEqual([[recent, 'intimidation', '2026-04-01']]);
    expect(marked(byTheme.rows[0]!.snippet)).toEqual(['Intimidatie']);
    expect((await search('intimidation', 'en')).rows.map((row) => row.id)).toEqual([recent]);
    expect((await search('intimidation', 'nl')).total).toBe(0);
    expect((await search('team rooster')).total).toBe(0);
    expect(await search('"*()')).toEqual({ total: 0, rows: [] });
  });

  it('answers the newest fifty and counts the rest', async () => {
    for (let day = 1; day <= 60; day++) await signal(`2026-01-${String((day % 28) + 1).padStart(2, '0')}`, `Afdeling ${day}`, 'workload', 'Werkdruk gemeld');
    const found = await search('werkdruk');
    expect(found.total).toBe(60);
    expect(found.rows).toHaveLength(50);
    expect(found.rows.map((row) => row.notedOn)).toEqual([...found.rows.map((row) => row.notedOn)].sort().reverse());
  });

  it('refuses a malformed request', async () => {
    for (const request of [{}, { search: 'x' }, { search: 'x', language: 'de' }, { search: 'x'.repeat(201), language: 'nl' }, { search: 'x', language: 'nl', extra: 1 }]) {
      expect(await codeOf('signals.search', request)).toBe('INVALID_INPUT');
    }
  });
});
