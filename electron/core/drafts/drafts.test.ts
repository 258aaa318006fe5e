import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANARY, containsBytes } from '../../../test/fixtures/canaries';
import { caseInput, conversationInput, mediationInput } from '../../../test/fixtures/records';
import { callCore } from '../../../test/support/callCore';
import { decryptWal } from '../../../test/support/sqlcipherPages';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import { FORM_SAVE_CHANNELS, type Draft, type ExportPreview, type FormSaveChannel } from '../../../shared/contract';
import { createCore, type Core } from '../core';
import { createLogger } from '../log';

let dir: ReturnType<typeof temporaryDirectory>;
let core: Core;
let now = new Date(2026, 10, 23, 12, 0);
const { ok, codeOf } = callCore(() => core);

beforeEach(async () => {
  dir = temporaryDirectory();
  now = new Date(2026, 10, 23, 12, 0);
  core = createCore({ dataDirectory: dir.path, clock: () => now, log: createLogger(() => undefined) });
  await ok('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
});
afterEach(() => {
  core.vault.lock();
  dir.remove();
});

const noteDraft = (caseId: number) => ({
  key: `conversation:new:${caseId}`,
  caseId,
  view: { name: 'case', id: caseId },
  content: JSON.stringify({ notes: `half a sentence about ${CANARY.noteWord}` }),
});
const signalInput = { notedOn: '2026-05-01', unit: 'Faculteit X', theme: 'workload', note: '' };
const activityInput = { heldOn: '2026-05-01', type: 'workshop', audience: 'PhD candidates', attendees: 25 };
const adviceInput = { givenOn: '2026-03-10', reportsConcerned: 1, response: 'pending', note: '' };
const rows = (table: string) => core.vault.database().prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const year = { period: { from: '2026-01-01', to: '2026-10-31' }, includeUnits: false };

describe('drafts kept while the adviser types', () => {
  it('survive a lock encrypted, and stay in the vault when the window reads them after the unlock', async () => {
    const { id } = await ok<{ id: number }>('cases.create', caseInput());
    await ok('drafts.save', noteDraft(id));
    core.vault.lock();
    const files = readdirSync(join(dir.path, 'vault')).map((name) => readFileSync(join(dir.path, 'vault', name)));
    for (const bytes of files) expect(containsBytes(bytes, CANARY.noteWord)).toBe(false);

    await ok('vault.unlock', { passphrase: CANARY.passphrase });
    const kept = [{ ...noteDraft(id), savedAt: now.toISOString() }];
    expect(await ok<Draft[]>('drafts.list', {})).toEqual(kept);
    // A window that dies now finds them again.
    expect(await ok<Draft[]>('drafts.list', {})).toEqual(kept);
    expect(rows('drafts')).toBe(1);
  });

  it('keep one draft per form, the newest first, until the adviser throws it away', async () => {
    const { id } = await ok<{ id: number }>('cases.create', caseInput());
    await ok('drafts.save', noteDraft(id));
    now = new Date(now.getTime() + 1000);
    await ok('drafts.save', { ...noteDraft(id), content: JSON.stringify({ notes: 'more' }) });
    await ok('drafts.save', { key: 'case:new', caseId: null, view: { name: 'newCase' }, content: '{}' });
    expect((await ok<Draft[]>('drafts.list', {})).map((draft) => [draft.key, draft.content])).toEqual([
      ['case:new', '{}'],
      [`conversation:new:${id}`, JSON.stringify({ notes: 'more' })],
    ]);
    await ok('drafts.discard', { key: `conversation:new:${id}` });
    expect((await ok<Draft[]>('drafts.list', {})).map((draft) => draft.key)).toEqual(['case:new']);
  });
});

describe('a draft inside the cipher', () => {
  it('is in the open vault\'s file and WAL only encrypted', async () => {
    const { id } = await ok<{ id: number }>('cases.create', caseInput());
    await ok('drafts.save', noteDraft(id));
    const vaultFile = (name: string) => readFileSync(join(dir.path, 'vault', name));
    for (const name of readdirSync(join(dir.path, 'vault'))) expect(containsBytes(vaultFile(name), CANARY.noteWord), name).toBe(false);
    // Not vacuous: decrypted with the vault's key, the WAL holds the draft.
    const key = core.vault.withKeyMaterial((_db, material) => Buffer.from(material));
    expect(decryptWal(vaultFile('vault.db-wal'), key).includes(CANARY.noteWord)).toBe(true);
  });
});

describe('a form saved with its draft', () => {
  it('stores the record and removes the draft, and answers what the save itself answers', async () => {
    const { id } = await ok<{ id: number }>('cases.create', caseInput());
    await ok('drafts.save', noteDraft(id));
    const added = await ok<{ id: number }>('drafts.saveForm', { draftKey: `conversation:new:${id}`, channel: 'conversations.add', request: { caseId: id, conversation: conversationInput({ notes: CANARY.noteWord }) } });
    expect(core.vault.database().prepare('SELECT id, notes FROM conversations').all()).toEqual([{ id: added.id, notes: CANARY.noteWord }]);
    expect(rows('drafts')).toBe(0);
  });

  it('keeps the draft when the save is refused, with the code the save itself gives', async () => {
    const { id } = await ok<{ id: number }>('cases.create', caseInput());
    await ok('drafts.save', noteDraft(id));
    const refused = [
      { caseId: 999, conversation: conversationInput() },
      { caseId: id, conversation: conversationInput({ notes: '\u0000' }) },
    ];
    for (const request of refused) {
      expect(await codeOf('drafts.saveForm', { draftKey: `conversation:new:${id}`, channel: 'conversations.add', request })).toBe(await codeOf('conversations.add', request));
    }
    expect(rows('conversations')).toBe(0);
    expect(rows('drafts')).toBe(1);
  });

  it('is one transaction: a draft that cannot be removed leaves the record unsaved', async () => {
    const { id } = await ok<{ id: number }>('cases.create', caseInput());
    await ok('drafts.save', noteDraft(id));
    core.vault.database().exec("CREATE TEMP TRIGGER keep_drafts BEFORE DELETE ON drafts BEGIN SELECT RAISE(ABORT, 'kept'); END");
    expect(await codeOf('drafts.saveForm', { draftKey: `conversation:new:${id}`, channel: 'conversations.add', request: { caseId: id, conversation: conversationInput() } })).toBe('INTERNAL');
    expect(rows('conversations')).toBe(0);
    expect(rows('drafts')).toBe(1);
  });

  it('saves on every channel a form saves with, as the channel alone does', async () => {
    const { id } = await ok<{ id: number }>('cases.create', caseInput());
    const conversation = await ok<{ id: number }>('conversations.add', { caseId: id, conversation: conversationInput() });
    const signal = await ok<{ id: number }>('signals.create', signalInput);
    const activity = await ok<{ id: number }>('activities.create', activityInput);
    const advice = await ok<{ id: number }>('boardAdvices.create', adviceInput);
    const saves: Record<FormSaveChannel, unknown> = {
      'cases.create': caseInput(),
      'cases.createIncomplete': caseInput(),
      'cases.capture': { label: 'Label', conversation: conversationInput() },
      'cases.update': { id, record: caseInput() },
      'cases.updateIncomplete': { id, record: caseInput() },
      'conversations.add': { caseId: id, conversation: conversationInput() },
      'conversations.update': { id: conversation.id, conversation: conversationInput() },
      'followUps.add': { caseId: id, conversationId: conversation.id, dueDate: '2026-11-30', dueTime: null, text: 'Terugbellen' },
      'mediation.save': { caseId: id, mediation: mediationInput() },
      'signals.create': signalInput,
      'signals.update': { id: signal.id, signal: signalInput },
      'activities.create': activityInput,
      'activities.update': { id: activity.id, activity: activityInput },
      'boardAdvices.create': adviceInput,
      'boardAdvices.update': { id: advice.id, advice: adviceInput },
      'team.saveGroupings': { groupings: [{ list: 'nature', name: 'Pesten', codes: ['bullying', 'threats'] }] },
    };
    for (const channel of FORM_SAVE_CHANNELS) {
      expect(await codeOf(channel, saves[channel]), channel).toBe('ok');
      await ok('drafts.save', { key: 'form:new', caseId: null, view: { name: 'cases' }, content: '{}' });
      // A save that ran on after answering would fail here while the channel alone succeeds.
      expect(await codeOf('drafts.saveForm', { draftKey: 'form:new', channel, request: saves[channel] }), channel).toBe('ok');
      expect(rows('drafts'), channel).toBe(0);
    }
  });

  it.each([
    ['a channel that is no form save', { draftKey: 'case:new', channel: 'cases.delete', request: { id: 1 } }],
    ['a draft key naming no form', { draftKey: '../x', channel: 'cases.create', request: caseInput() }],
    ['a field more', { draftKey: 'case:new', channel: 'cases.create', request: caseInput(), extra: 1 }],
  ])('refuses %s and changes nothing', async (_label, request) => {
    await ok('drafts.save', { key: 'case:new', caseId: null, view: { name: 'newCase' }, content: '{}' });
    expect(await codeOf('drafts.saveForm', request)).toBe('INVALID_INPUT');
    expect(rows('cases')).toBe(0);
    expect(rows('drafts')).toBe(1);
  });
});

describe('drafts', () => {
  it('never count: a draft of a new case adds nothing to the list, the search or an export', async () => {
    await ok('cases.create', caseInput());
    const before = await ok<ExportPreview & { tables: unknown }>('export.preview', year);
    await ok('drafts.save', { key: 'case:new', caseId: null, view: { name: 'newCase' }, content: JSON.stringify(caseInput({ label: CANARY.noteWord })) });
    const list = await ok<{ total: number }>('cases.list', {
      filter: { status: null, year: null, nature: null, intakeRoute: null, openWithoutResponse: false, search: CANARY.noteWord },
      sort: 'first_contact_desc',
      offset: 0,
      limit: 50,
    });
    expect(list.total).toBe(0);
    const after = await ok<ExportPreview & { tables: unknown }>('export.preview', year);
    expect(after.tables).toEqual(before.tables);
    expect(JSON.stringify(after)).not.toContain(CANARY.noteWord);
  });

  it('go with their case: deleting it deletes its drafts', async () => {
    const { id } = await ok<{ id: number }>('cases.create', caseInput());
    await ok('drafts.save', noteDraft(id));
    await ok('cases.delete', { id });
    expect(rows('drafts')).toBe(0);
  });

  it.each([
    ['a key naming no form', { ...noteDraft(1), key: '../../etc' }],
    ['a screen that does not exist', { ...noteDraft(1), view: { name: 'devtools' } }],
    ['a draft beyond the size of any form', { ...noteDraft(1), content: 'x'.repeat(1_000_001) }],
    ['a case that does not exist', noteDraft(99)],
  ])('refuses %s and keeps nothing', async (_label, draft) => {
    expect(await codeOf('drafts.save', draft)).not.toBe('ok');
    expect(rows('drafts')).toBe(0);
  });

  it('needs an unlocked vault', async () => {
    core.vault.lock();
    for (const [channel, request] of [
      ['drafts.list', {}],
      ['drafts.save', noteDraft(1)],
      ['drafts.discard', { key: 'case:new' }],
    ] as const) {
      expect(await codeOf(channel, request)).toBe('VAULT_LOCKED');
    }
  });
});
