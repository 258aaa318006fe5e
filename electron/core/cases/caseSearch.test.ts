import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseListRequest } from '../../../shared/contract';
import { CANARY } from '../../../test/fixtures/canaries';
import { caseInput, conversationInput } from '../../../test/fixtures/records';
import { seededRandom } from '../../../test/bench/generate';
import { callCore } from '../../../test/support/callCore';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import { createCore, type Core } from '../core';
import { createLogger } from '../log';
import { asksEachCase } from './caseList';
import { caseSearch } from './caseSearch';

let dir: ReturnType<typeof temporaryDirectory>;
let core: Core;
const { ok } = callCore(() => core);
const noFilter: CaseListRequest['filter'] = { status: null, year: null, nature: null, intakeRoute: null, openWithoutResponse: false, search: '' };

/** More than eight words that begin with "ver", words with diacritics, capitals and digits. */
const WORDS =
  'verslag vervolg vergadering verzuim verhaal verlof verandering verwachting verschil verbetering werk werkdruk werkdrukmeting werkgever Café coördinatie één Ärger ruzie 2026 B12 leidinggevende'.split(' ');
const QUERIES = ['ver', 'vers', 'verslag', 'werk', 'werkd', 'WERK', 'cafe', 'café', 'Caf', 'coordinatie', 'coör', 'een', 'één', 'arger', 'b1', '2026', 'ruzie werk', 'werk ver', 'verslag ruzie leiding', 'xyz', 'werk xyz', 've', 'w', 'leidinggevenden', '"werk"', 'werk*', 'NEAR(a b)'];

async function listed(search: string) {
  return ok<{ total: number; rows: { id: number }[] }>('cases.list', { filter: { ...noFilter, search }, sort: 'first_contact_desc', offset: 0, limit: 200 });
}

/** The index's own prefix search for every typed word: what the word list must find the same as. */
function prefixSearch(search: string): { total: number; ids: number[] } {
  const words = search.match(/[\p{L}\p{N}]+/gu);
  if (!words) throw new Error('no words');
  const match = words.map((word) => `"${word}"*`).join(' ');
  const ids = core.vault
    .database()
    .prepare('SELECT c.id FROM cases c WHERE c.id IN (SELECT rowid FROM case_index WHERE case_index MATCH ?) ORDER BY c.first_contact_at DESC, c.id DESC')
    .pluck()
    .all(match) as number[];
  return { total: ids.length, ids };
}

beforeEach(async () => {
  dir = temporaryDirectory();
  core = createCore({ dataDirectory: dir.path, clock: () => new Date(2026, 10, 23, 12, 0), log: createLogger(() => undefined) });
  await core.router.handle('vault.create', { passphrase: CANARY.passphrase, function: 'central_confidential_adviser' });
});
afterEach(() => {
  core.vault.lock();
  dir.remove();
});

describe('case search through the index word list', () => {
  it('finds exactly what the index’s own prefix search finds, after additions, edits and deletions', async () => {
    const random = seededRandom(77);
    const sentence = () => Array.from({ length: 3 + Math.floor(random() * 6) }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
    const cases: number[] = [];
    const notes: number[] = [];
    for (let index = 0; index < 40; index++) {
      const day = String(1 + (index % 28)).padStart(2, '0');
      const { id } = await ok<{ id: number }>('cases.create', caseInput({ label: sentence(), firstContactAt: `2026-03-${day}T09:00`, firstResponseAt: null }));
      cases.push(id);
      notes.push((await ok<{ id: number }>('conversations.add', { caseId: id, conversation: conversationInput({ notes: sentence() }) })).id);
    }
    for (const id of cases.slice(0, 8)) await ok('cases.delete', { id });
    for (const id of notes.slice(10, 20)) await ok('conversations.update', { id, conversation: conversationInput({ notes: sentence() }) });
    for (const id of notes.slice(20, 25)) await ok('conversations.delete', { id });

    for (const query of QUERIES) {
      const expected = prefixSearch(query);
      const found = await listed(query);
      expect({ query, total: found.total, ids: found.rows.map((row) => row.id) }).toEqual({ query, ...expected });
    }
    // The word list was really used: "ver" begins more than eight words, "verslag" one, "werk" three.
    const db = core.vault.database();
    expect(caseSearch(db, 'ver')!.match).toBe('"ver"*');
    const verslag = prefixSearch('verslag').total;
    expect(caseSearch(db, 'Verslag')).toEqual({ match: '"verslag"', total: verslag, fewestHits: verslag });
    expect(caseSearch(db, 'werk')!.match).toBe('("werk" OR "werkdruk" OR "werkdrukmeting" OR "werkgever")');
    expect(caseSearch(db, 'werk xyz')!.total).toBe(0);
    expect(caseSearch(db, 'één')!.match).toBe('"één"*');
  });

  it('asks the index case by case only when most cases match and the page is near the top, and finds the same page either way', async () => {
    // The bench's vault: a common word is in 29,000 of 30,059 cases, a rarer one in 9,705.
    expect(asksEachCase(29_000, 100, 30_059)).toBe(true);
    expect(asksEachCase(9_705, 100, 30_059)).toBe(false);
    expect(asksEachCase(29_000, 1_100, 30_059)).toBe(false);
    expect(asksEachCase(null, 100, 30_059)).toBe(false);
    // 20,000 hits of 30,000 might all lie at the far end of the list: walking to them costs too much.
    expect(asksEachCase(20_000, 100, 30_000)).toBe(false);

    for (let index = 0; index < 150; index++) {
      const day = String(1 + (index % 28)).padStart(2, '0');
      await ok('cases.create', caseInput({ label: `gesprek ${index % 7 === 0 ? 'ruzie' : 'overleg'}`, firstContactAt: `2026-0${1 + (index % 9)}-${day}T09:00`, firstResponseAt: null }));
    }
    const cases = core.vault.database().prepare('SELECT max(id) FROM cases').pluck().get() as number;
    const expected = prefixSearch('gesprek');
    expect(asksEachCase(expected.total, 1, cases)).toBe(true);
    expect(asksEachCase(expected.total, 2, cases)).toBe(false);
    for (const [offset, limit] of [[0, 1], [1, 1], [2, 1], [0, 2], [140, 20]] as const) {
      const page = await ok<{ total: number; rows: { id: number }[] }>('cases.list', { filter: { ...noFilter, search: 'gesprek' }, sort: 'first_contact_desc', offset, limit });
      expect({ offset, total: page.total, ids: page.rows.map((row) => row.id) }).toEqual({ offset, total: 150, ids: expected.ids.slice(offset, offset + limit) });
    }
  });
});
