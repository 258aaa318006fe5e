import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessDossier, AccessRequest, CaseRecord, DossierPreview, ErasurePreview } from '../../../shared/contract';
import { requestPassageId } from '../../../shared/schemas/access';
import type { FollowUp } from '../../../shared/schemas/followUps';
import { CANARY } from '../../../test/fixtures/canaries';
import { caseInput, conversationInput, reporter } from '../../../test/fixtures/records';
import { callCore } from '../../../test/support/callCore';
import { decryptDatabase, decryptWal } from '../../../test/support/sqlcipherPages';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import { testShell } from '../../../test/support/testShell';
import { createCore, type Core } from '../core';
import { followUpsOfCase, removeFollowUp } from '../followUps/followUps';
import { createLogger } from '../log';

/** A joint case: the first reporter asks; the second one's entry and name must never reach the first one's dossier. */
const WORDS = {
  ownNote: 'CANARYEIGENNOTITIE',
  aboutColleague: 'CANARYOVERDECOLLEGA',
  otherReporterNote: 'CANARYANDEREMELDER',
  otherReporterName: 'CANARYNAAMTWEEDEMELDER',
};
const ASKING = 'Małgorzata Wiśniewska';

let dir: ReturnType<typeof temporaryDirectory>;
let core: Core;
let dialogs: ReturnType<typeof testShell>;
let printed: AccessDossier[];
let now: Date;
const logLines: string[] = [];

beforeEach(async () => {
  dir = temporaryDirectory();
  now = new Date(2026, 0, 31, 12, 0);
  printed = [];
  logLines.length = 0;
  // The print window reads the prepared dossier through the router, as the renderer's print route does.
  dialogs = testShell(dir.path, async (route) => {
    const token = new URLSearchParams(route.slice('#/print?'.length)).get('dossier');
    printed.push(await ok<AccessDossier>('access.printedDossier', { token }));
    return { pdf: Buffer.from('%PDF-1.7\n'), charts: [] };
  });
  core = createCore({ dataDirectory: join(dir.path, 'data'), clock: () => now, log: createLogger((line) => logLines.push(line)), shell: dialogs.shell });
  await ok('vault.create', { passphrase: CANARY.passphrase, function: 'central_confidential_adviser' });
});
afterEach(() => {
  core.vault.lock();
  dir.remove();
});

const { ok, codeOf } = callCore(() => core);
const db = () => core.vault.database();

/** A case of January 2026, its consent answered on the day of first contact (the clock is at the end of January). */
const IN_JANUARY = {
  firstContactAt: '2026-01-05T09:00',
  firstResponseAt: '2026-01-05T10:00',
  consents: [{ scope: 'count_in_statistics', answer: 'given', withWhom: 'CANARYCONSENTWHOM', givenOn: '2026-01-05', withdrawnOn: null }],
} as const;

async function jointCase(): Promise<{ caseId: number; own: number; other: number; shared: number }> {
  const { id: caseId } = await ok<{ id: number }>(
    'cases.create',
    caseInput({ ...IN_JANUARY, consents: [...IN_JANUARY.consents], reporters: [reporter({ name: ASKING }), reporter({ name: WORDS.otherReporterName })] }),
  );
  const add = async (participants: string, notes: string) => (await ok<{ id: number }>('conversations.add', { caseId, conversation: conversationInput({ heldAt: '2026-01-06T10:00', participants, notes }) })).id;
  const own = await add(ASKING, `Eerste gesprek. ${WORDS.ownNote}\nZij vertelde over haar collega ${WORDS.aboutColleague}.`);
  const other = await add(WORDS.otherReporterName, `Apart gesprek. ${WORDS.otherReporterNote}`);
  const shared = await add(`${ASKING}, ${WORDS.otherReporterName}`, 'Samen gesproken over de afdeling.');
  return { caseId, own, other, shared };
}

const dossierText = (dossier: AccessDossier) => JSON.stringify(dossier);

describe('an access request', () => {
  it('sets a legal follow-up due one month later by the calendar, which cannot be removed and is met by the dossier', async () => {
    const { caseId } = await jointCase();
    expect(await codeOf('access.recordRequest', { caseId, requestedOn: '2026-02-01' })).toBe('INVALID_INPUT');
    expect(await codeOf('access.recordRequest', { caseId: caseId + 1, requestedOn: '2026-01-31' })).toBe('NOT_FOUND');
    expect(followUpsOfCase(db(), caseId)).toEqual([]);
    const { id: requestId } = await ok<{ id: number }>('access.recordRequest', { caseId, requestedOn: '2026-01-31' });
    const [followUp] = followUpsOfCase(db(), caseId) as [FollowUp];
    // 31 January plus one month is the last day of February (date-fns addMonths), never 3 March.
    expect(followUp).toMatchObject({ kind: 'access_request', text: '', dueDate: '2026-02-28', doneOn: null });
    expect(() => removeFollowUp(db(), followUp.id)).toThrow('FOLLOW_UP_IS_LEGAL_DEADLINE');
    expect(await ok<AccessRequest[]>('access.requests', { caseId })).toEqual([{ id: requestId, requestedOn: '2026-01-31', dueOn: '2026-02-28', doneOn: null, dossiersGivenAt: [] }]);

    now = new Date(2026, 1, 10, 14, 30, 5);
    const { version } = await ok<DossierPreview>('access.dossierPreview', { caseId, reporter: 0, language: 'nl' });
    await ok('access.saveDossier', { caseId, reporter: 0, language: 'nl', requestId, version, leftOut: [] });
    expect(await ok<AccessRequest[]>('access.requests', { caseId })).toEqual([
      { id: requestId, requestedOn: '2026-01-31', dueOn: '2026-02-28', doneOn: '2026-02-10', dossiersGivenAt: ['2026-02-10T14:30:05'] },
    ]);
    // That and when, never what: the vault's rows about the dossier are dates.
    expect(db().prepare('SELECT * FROM access_dossiers').all()).toEqual([{ id: 1, request_id: requestId, given_at: '2026-02-10T14:30:05' }]);
  });
});

describe('a dossier', () => {
  it("holds the reporter's own texts and the case's, never another reporter's own entry", async () => {
    const { caseId, shared } = await jointCase();
    const { dossier } = await ok<DossierPreview>('access.dossierPreview', { caseId, reporter: 0, language: 'nl' });
    const text = dossierText(dossier);
    for (const word of [ASKING, WORDS.ownNote, WORDS.aboutColleague, 'Samen gesproken over de afdeling.', 'CANARYOTHERPARTY', 'CANARYCONSENTWHOM']) expect(text, word).toContain(word);
    expect(text).not.toContain(WORDS.otherReporterNote);
    // The other reporter's name is only where the adviser wrote who took part in the entry they shared: the adviser's to leave out.
    const passages = dossier.sections.flatMap((section) => section.entries.flatMap((entry) => entry.lines.flatMap((line) => line.passages)));
    expect(passages.filter((passage) => passage.text.includes(WORDS.otherReporterName)).map((passage) => passage.id)).toEqual([`conversation.${shared}.participants`]);
    expect(dossier.sections.map((section) => section.title)).toEqual(['De zaak', 'Uw gegevens', 'Gesprekken en aantekeningen', 'Toestemmingen', 'Verwijzingen', 'Vervolgstappen', 'Inzageverzoeken']);

    // The other reporter's dossier is the mirror: the first one's own entry is not in it.
    const theirs = dossierText((await ok<DossierPreview>('access.dossierPreview', { caseId, reporter: 1, language: 'en' })).dossier);
    expect(theirs).toContain(WORDS.otherReporterNote);
    expect(theirs).not.toContain(WORDS.ownNote);
    expect(theirs).toContain('Conversations and notes');
  });

  it('prints a left-out passage as the marker only, checks what the adviser saw, and keeps nothing of it', async () => {
    const { caseId, own } = await jointCase();
    const { id: requestId } = await ok<{ id: number }>('access.recordRequest', { caseId, requestedOn: '2026-01-20' });
    const { version, dossier } = await ok<DossierPreview>('access.dossierPreview', { caseId, reporter: 0, language: 'nl' });
    const colleagueLine = `conversation.${own}.notes.1`;
    expect(dossierText(dossier)).toContain(colleagueLine);
    const save = (changes: object) => codeOf('access.saveDossier', { caseId, reporter: 0, language: 'nl', requestId, version, leftOut: [colleagueLine, 'case.otherParty'], ...changes });

    expect(await save({ leftOut: ['conversation.999.notes.0'] })).toBe('INVALID_INPUT');
    expect(await save({ requestId: requestId + 1 })).toBe('NOT_FOUND');
    expect(await save({ version: 'f'.repeat(64) })).toBe('DOSSIER_CHANGED');
    expect(await save({ reporter: 2 })).toBe('NOT_FOUND');
    expect(printed).toHaveLength(0);
    expect(db().prepare('SELECT count(*) FROM access_dossiers').pluck().get()).toBe(0);

    expect(await save({})).toBe('ok');
    const [sent] = printed as [AccessDossier];
    const text = dossierText(sent);
    expect(text).toContain(WORDS.ownNote);
    expect(text).not.toContain(WORDS.aboutColleague);
    expect(text).not.toContain('CANARYOTHERPARTY');
    const passages = sent.sections.flatMap((section) => section.entries.flatMap((entry) => entry.lines.flatMap((line) => line.passages)));
    expect(passages.filter((passage) => passage.leftOut)).toEqual([
      { id: 'case.otherParty', text: 'weggelaten: betreft een ander', leftOut: true },
      { id: colleagueLine, text: 'weggelaten: betreft een ander', leftOut: true },
    ]);
    expect(existsSync(join(dir.path, 'inzage-2026-001.pdf'))).toBe(true);

    // The token opened one print window, once.
    expect(await codeOf('access.printedDossier', { token: 'a'.repeat(32) })).toBe('NOT_FOUND');
    // A passage written after the preview was never seen: the same save is refused.
    await ok('conversations.add', { caseId, conversation: conversationInput({ heldAt: '2026-01-07T10:00', participants: ASKING, notes: 'Later toegevoegd.' }) });
    expect(await save({})).toBe('DOSSIER_CHANGED');
    expect(logLines.join('\n')).not.toMatch(/CANARY|Wiśniewska/);
  });

  it("tells each access request in one passage the adviser can leave out, so another reporter's request date reaches no page", async () => {
    const { caseId } = await jointCase();
    // Which reporter asked is not recorded: the second reporter's request is one of the case's.
    const { id: theirs } = await ok<{ id: number }>('access.recordRequest', { caseId, requestedOn: '2026-01-14' });
    const { id: requestId } = await ok<{ id: number }>('access.recordRequest', { caseId, requestedOn: '2026-01-20' });
    const { version, dossier } = await ok<DossierPreview>('access.dossierPreview', { caseId, reporter: 0, language: 'nl' });
    const theirDates = ['14 januari 2026', '14 februari 2026'];
    const passages = dossier.sections.flatMap((section) => section.entries.flatMap((entry) => entry.lines.flatMap((line) => line.passages)));
    // Their dates, the request's and its deadline's, are in their passage and nowhere else of the dossier.
    const withTheirDates = (text: string) => theirDates.some((date) => text.includes(date));
    expect(passages.filter((passage) => withTheirDates(passage.text)).map((passage) => passage.id)).toEqual([requestPassageId(theirs)]);
    const facts = dossier.sections.flatMap((section) => section.entries.flatMap((entry) => [entry.heading ?? '', ...entry.lines.map((line) => line.value ?? '')]));
    expect(facts.filter(withTheirDates)).toEqual([]);

    await ok('access.saveDossier', { caseId, reporter: 0, language: 'nl', requestId, version, leftOut: [requestPassageId(theirs)] });
    const [sent] = printed as [AccessDossier];
    for (const date of theirDates) expect(dossierText(sent), date).not.toContain(date);
    expect(dossierText(sent)).toContain('Verzoek van 20 januari 2026; antwoord uiterlijk 20 februari 2026');
    const requests = sent.sections.find((section) => section.id === 'requests')!;
    expect(requests.entries.flatMap((entry) => entry.lines.flatMap((line) => line.passages))).toEqual([
      { id: requestPassageId(theirs), text: sent.leftOutMarker, leftOut: true },
      { id: requestPassageId(requestId), text: 'Verzoek van 20 januari 2026; antwoord uiterlijk 20 februari 2026', leftOut: false },
    ]);
  });

  it('refuses malformed requests on every access channel with INVALID_INPUT and changes nothing', async () => {
    const { caseId } = await jointCase();
    const before = db().prepare('SELECT (SELECT count(*) FROM access_requests), (SELECT count(*) FROM follow_ups), (SELECT count(*) FROM case_reporters)').raw().get();
    const bad: [string, unknown][] = [
      ['access.requests', { caseId: -1 }],
      ['access.recordRequest', { caseId, requestedOn: '2026-02-30' }],
      ['access.recordRequest', { caseId, requestedOn: '2026-01-31', extra: 1 }],
      ['access.dossierPreview', { caseId, reporter: 50, language: 'nl' }],
      ['access.dossierPreview', { caseId, reporter: 0, language: 'de' }],
      ['access.saveDossier', { caseId, reporter: 0, language: 'nl', requestId: 1, version: 'x', leftOut: [] }],
      ['access.saveDossier', { caseId, reporter: 0, language: 'nl', requestId: 1, version: 'a'.repeat(64), leftOut: ['case.label', 'case.label'] }],
      ['access.saveDossier', { caseId, reporter: 0, language: 'nl', requestId: 1, version: 'a'.repeat(64), leftOut: ['../etc/passwd'] }],
      ['access.printedDossier', { token: '../../x' }],
      ['access.erasurePreview', { caseId, reporter: 1.5 }],
      ['access.erase', { caseId, reporter: 1, confirmation: 'x'.repeat(301) }],
      ['access.erase', { caseId, reporter: 1 }],
    ];
    for (const [channel, request] of bad) expect(await codeOf(channel, request), `${channel} ${JSON.stringify(request)}`).toBe('INVALID_INPUT');
    expect(db().prepare('SELECT (SELECT count(*) FROM access_requests), (SELECT count(*) FROM follow_ups), (SELECT count(*) FROM case_reporters)').raw().get()).toEqual(before);
  });
});

describe('erasing one reporter', () => {
  const vaultDir = () => join(dir.path, 'data', 'vault');
  const plaintext = (key: Buffer) => {
    const wal = join(vaultDir(), 'vault.db-wal');
    return Buffer.concat([decryptDatabase(readFileSync(join(vaultDir(), 'vault.db')), key), existsSync(wal) ? decryptWal(readFileSync(wal), key) : Buffer.alloc(0)]);
  };

  it("of a joint case destroys their record and own entries beyond recovery, keeps the others', and makes older backups stale", async () => {
    const folder = join(dir.path, 'backups');
    mkdirSync(folder);
    dialogs.nextFolder(folder);
    await ok('backup.chooseFolder', {});
    const { caseId, own, other, shared } = await jointCase();
    await ok('backup.now', {});
    now = new Date(now.getTime() + 60_000);
    const key = core.vault.withKeyMaterial((_db, dataKey) => Buffer.from(dataKey));
    expect(plaintext(key).includes(WORDS.otherReporterNote)).toBe(true);

    expect(await ok<ErasurePreview>('access.erasurePreview', { caseId, reporter: 1 })).toEqual({
      caseNumber: '2026-001',
      wholeCase: false,
      entriesDestroyed: 1,
      entriesKept: 2,
      reportersKept: 1,
      draftsDiscarded: 0,
      keptMentions: [],
    });
    expect(await codeOf('access.erase', { caseId, reporter: 1, confirmation: '2026-002' })).toBe('CONFIRMATION_MISMATCH');
    expect((await ok<CaseRecord>('cases.get', { id: caseId })).reporters).toHaveLength(2);

    expect(await ok('access.erase', { caseId, reporter: 1, confirmation: ' 2026-001 ' })).toEqual({ wholeCase: false });
    const record = await ok<CaseRecord>('cases.get', { id: caseId });
    expect(record.reporters.map((entry) => entry.name)).toEqual([ASKING]);
    expect(record.conversations.map((entry) => entry.id)).toEqual([own, shared]);
    expect(record.conversations.map((entry) => entry.id)).not.toContain(other);
    expect(record.conversations.map((entry) => entry.participants)).toEqual([ASKING, ASKING]);

    await ok('vault.lock', {});
    const pages = plaintext(key);
    expect(pages.includes(WORDS.ownNote)).toBe(true);
    // The search index keeps words lower-cased after the prefix they share ("canary"): that part must be gone too.
    for (const word of [WORDS.otherReporterNote, WORDS.otherReporterName]) {
      expect(pages.includes(word), word).toBe(false);
      expect(pages.includes(word.toLowerCase().slice('canary'.length)), `${word} in the search index`).toBe(false);
    }
    await ok('vault.unlock', { passphrase: CANARY.passphrase });
    now = new Date(now.getTime() + 60_000);

    expect(await ok('retention.staleBackups', {})).toEqual({ count: 1 });
    expect(await ok('retention.deleteStaleBackups', {})).toEqual({ deleted: 1 });
    expect(await ok('retention.staleBackups', {})).toEqual({ count: 0 });
  });

  it('lists first every line it keeps that still names the reporter, with where it is, and leaves those lines as they are', async () => {
    const erased = WORDS.otherReporterName;
    const { id: caseId } = await ok<{ id: number }>(
      'cases.create',
      caseInput({
        ...IN_JANUARY,
        otherParty: { relation: 'direct_supervisor', hierarchical: true, description: `leidinggevende van ${erased.toLowerCase()}` },
        consents: [...IN_JANUARY.consents, { scope: 'share_case_content', answer: 'given', withWhom: `HR, samen met ${erased}`, givenOn: '2026-01-07', withdrawnOn: null }],
        reporters: [reporter({ name: ASKING }), reporter({ name: erased })],
      }),
    );
    const add = async (heldAt: string, participants: string, notes: string) => (await ok<{ id: number }>('conversations.add', { caseId, conversation: conversationInput({ heldAt, participants, notes }) })).id;
    await add('2026-01-06T10:00', erased, `Apart gesprek. ${erased} alleen.`);
    const shared = await add('2026-01-07T10:00', `${ASKING}, ${erased}`, `Samen gesproken.\nHet voorstel kwam van ${erased}.`);
    const caseWide = await add('2026-01-08T10:00', 'de leidinggevende', `Overleg met de leidinggevende.\nDie noemde ${erased}S en niet ${erased} zelf.`);
    await ok('followUps.add', { caseId, conversationId: null, dueDate: '2026-02-03', dueTime: null, text: `${erased} terugbellen` });
    await ok('followUps.add', { caseId, conversationId: caseWide, dueDate: '2026-02-04', dueTime: null, text: `Nagaan bij ${ASKING}` });

    const preview = await ok<ErasurePreview>('access.erasurePreview', { caseId, reporter: 1 });
    expect(preview.keptMentions).toEqual([
      { field: 'otherParty', entry: null, date: null, text: `leidinggevende van ${erased.toLowerCase()}` },
      { field: 'entryNotes', entry: { id: shared, kind: 'conversation', heldAt: '2026-01-07T10:00' }, date: null, text: `Het voorstel kwam van ${erased}.` },
      { field: 'entryNotes', entry: { id: caseWide, kind: 'conversation', heldAt: '2026-01-08T10:00' }, date: null, text: `Die noemde ${erased}S en niet ${erased} zelf.` },
      { field: 'consentWithWhom', entry: null, date: '2026-01-07', text: `HR, samen met ${erased}` },
      { field: 'followUp', entry: null, date: '2026-02-03', text: `${erased} terugbellen` },
    ]);
    // The other way round, the asking reporter is named in a step on an entry the erasure keeps.
    expect((await ok<ErasurePreview>('access.erasurePreview', { caseId, reporter: 0 })).keptMentions).toContainEqual({
      field: 'followUp',
      entry: { id: caseWide, kind: 'conversation', heldAt: '2026-01-08T10:00' },
      date: '2026-02-04',
      text: `Nagaan bij ${ASKING}`,
    });

    await ok('access.erase', { caseId, reporter: 1, confirmation: '2026-001' });
    const notes = (await ok<CaseRecord>('cases.get', { id: caseId })).conversations.map((entry) => entry.notes);
    expect(notes).toEqual([`Samen gesproken.\nHet voorstel kwam van ${erased}.`, `Overleg met de leidinggevende.\nDie noemde ${erased}S en niet ${erased} zelf.`]);
  });

  it('who is the case’s only reporter destroys the whole case, recorded as retention records it', async () => {
    const { id: caseId } = await ok<{ id: number }>('cases.create', caseInput({ ...IN_JANUARY, consents: [...IN_JANUARY.consents] }));
    await ok('conversations.add', { caseId, conversation: conversationInput({ heldAt: '2026-01-06T10:00' }) });
    expect(await ok<ErasurePreview>('access.erasurePreview', { caseId, reporter: 0 })).toMatchObject({ wholeCase: true, entriesDestroyed: 1, entriesKept: 0 });
    expect(await ok('access.erase', { caseId, reporter: 0, confirmation: '2026-001' })).toEqual({ wholeCase: true });
    expect(await codeOf('cases.get', { id: caseId })).toBe('NOT_FOUND');
    expect(db().prepare('SELECT case_id, first_contact_at FROM destructions').raw().all()).toEqual([[caseId, '2026-01-05T09:00']]);
  });
});
