import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseInput, CaseListRequest, CaseRecord } from '../../../shared/contract';
import { NOTE_MAX } from '../../../shared/limits';
import { CANARY, containsBytes } from '../../../test/fixtures/canaries';
import { caseInput, conversationInput, mediationInput, mediationSessionInput, reporter } from '../../../test/fixtures/records';
import { callCore } from '../../../test/support/callCore';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import { createCore, type Core } from '../core';
import { createLogger } from '../log';

let dir: ReturnType<typeof temporaryDirectory>;
let core: Core;
const now = new Date(2026, 10, 23, 12, 0);

async function openVault(fn = 'central_confidential_adviser') {
  dir = temporaryDirectory();
  core = createCore({ dataDirectory: dir.path, clock: () => now, log: createLogger(() => undefined) });
  await core.router.handle('vault.create', { passphrase: CANARY.passphrase, function: fn });
}
afterEach(() => {
  core.vault.lock();
  dir.remove();
});

const { ok, codeOf } = callCore(() => core);
const rowCount = (table: string) => core.vault.database().prepare(`SELECT count(*) FROM ${table}`).pluck().get();

const noFilter: CaseListRequest['filter'] = { status: null, year: null, nature: null, intakeRoute: null, openWithoutResponse: false, search: '' };
async function list(filter: Partial<CaseListRequest['filter']> = {}, extra: Partial<CaseListRequest> = {}) {
  return ok<{ total: number; rows: { id: number; responseLate: boolean; natures: string[]; conversationCount: number }[] }>('cases.list', {
    filter: { ...noFilter, ...filter },
    sort: 'first_contact_desc',
    offset: 0,
    limit: 100,
    ...extra,
  });
}

describe('case records', () => {
  beforeEach(() => openVault());

  it('stores a joint case with every part and returns it unchanged', async () => {
    const input = caseInput({
      reporters: [reporter(), reporter({ name: 'Tweede', staffCategory: 'phd_candidate', ageBand: 'under_25', role: 'bystander', earlierPeriod: 'during_phd', international: true, gender: 'woman' })],
      natures: ['intimidation', 'work_care_combination'],
      handlings: ['accompaniment', 'referral'],
      referrals: [{ target: 'ombudsperson', referredOn: '2026-03-10' }],
      consents: [
        { scope: 'count_in_statistics', answer: 'given', withWhom: '', givenOn: '2026-03-02', withdrawnOn: null },
        { scope: 'share_identity', answer: 'given', withWhom: 'HR', givenOn: '2026-03-03', withdrawnOn: '2026-03-20' },
      ],
      status: 'closed',
      closedOn: '2026-04-01',
      outcome: 'referred',
      destroyBy: '2027-04-01',
    });
    const { id } = await ok<{ id: number }>('cases.create', input);
    const record = await ok<Record<string, unknown>>('cases.get', { id });
    expect(record).toMatchObject({ ...input, natures: ['intimidation', 'work_care_combination'], id, conversations: [], mediation: null });
  });

  it('allows a case whose reporter is not identified', async () => {
    const { id } = await ok<{ id: number }>('cases.create', caseInput({ reporterIdentified: false, reporters: [] }));
    expect(await ok('cases.get', { id })).toMatchObject({ reporterIdentified: false, reporters: [] });
  });

  it('replaces the child lists on update and removes everything on delete', async () => {
    const { id } = await ok<{ id: number }>('cases.create', caseInput({ natures: ['bullying', 'workload'] }));
    await ok('conversations.add', { caseId: id, conversation: conversationInput() });
    await ok('cases.update', { id, record: caseInput({ natures: ['threats'], label: 'Nieuw' }) });
    expect(await ok('cases.get', { id })).toMatchObject({ natures: ['threats'], label: 'Nieuw' });
    expect(rowCount('case_natures')).toBe(1);

    await ok('cases.delete', { id });
    expect(await codeOf('cases.get', { id })).toBe('NOT_FOUND');
    for (const table of ['case_reporters', 'case_natures', 'conversations', 'case_consents', 'case_index']) expect(rowCount(table)).toBe(0);
    expect(await codeOf('cases.delete', { id })).toBe('NOT_FOUND');
  });

  it('keeps conversations as a timeline and finds a case by a word from a note', async () => {
    const { id } = await ok<{ id: number }>('cases.create', caseInput());
    await ok('cases.create', caseInput({ label: 'ander' }));
    await ok('conversations.add', { caseId: id, conversation: conversationInput({ heldAt: '2026-03-10T10:00', notes: 'tweede gesprek' }) });
    const first = await ok<{ id: number }>('conversations.add', { caseId: id, conversation: conversationInput() });
    const record = await ok<{ conversations: { heldAt: string }[] }>('cases.get', { id });
    expect(record.conversations.map((c) => c.heldAt)).toEqual(['2026-03-03T10:00', '2026-03-10T10:00']);

    const found = await list({ search: CANARY.noteWord.toLowerCase().slice(0, 12) });
    expect(found.rows.map((row) => row.id)).toEqual([id]);
    expect(found.rows[0]!.conversationCount).toBe(2);

    await ok('conversations.update', { id: first.id, conversation: conversationInput({ notes: 'herschreven' }) });
    expect((await list({ search: CANARY.noteWord })).total).toBe(0);
    expect((await list({ search: 'herschreven' })).total).toBe(1);
    await ok('conversations.delete', { id: first.id });
    expect((await list({ search: 'herschreven' })).total).toBe(0);
  });

  it('treats search text as words, never as query syntax', async () => {
    await ok('cases.create', caseInput());
    for (const hostile of ['"', 'NEAR(', 'a OR b', "'; DROP TABLE cases; --", '*', '%_']) {
      expect(await codeOf('cases.list', { filter: { ...noFilter, search: hostile }, sort: 'number_asc', offset: 0, limit: 10 })).toBe('ok');
    }
    expect(rowCount('cases')).toBe(1);
  });

  it('filters by status, year, nature, route and open-without-response, and pages', async () => {
    await ok('cases.create', caseInput({ firstContactAt: '2025-05-01T10:00', firstResponseAt: '2025-05-03T10:00', natures: ['bullying'], intakeRoute: 'direct' }));
    await ok('cases.create', caseInput({ firstContactAt: '2026-02-01T10:00', firstResponseAt: null, natures: ['workload'], intakeRoute: 'via_concerns_point', referredInBy: 'concerns_point' }));
    await ok('cases.create', caseInput({ firstContactAt: '2026-06-01T10:00', firstResponseAt: '2026-06-01T11:00', status: 'closed', closedOn: '2026-07-01', outcome: 'resolved', intakeRoute: 'other' }));
    expect((await list()).total).toBe(3);
    expect((await list({ status: 'closed' })).total).toBe(1);
    expect((await list({ year: 2025 })).total).toBe(1);
    expect((await list({ nature: 'workload' })).total).toBe(1);
    expect((await list({ intakeRoute: 'direct' })).total).toBe(1);
    expect((await list({ openWithoutResponse: true })).total).toBe(1);
    expect(await ok('cases.years', {})).toEqual([2026, 2025]);
    const page = await list({}, { sort: 'first_contact_asc', offset: 1, limit: 1 });
    expect(page.total).toBe(3);
    expect(page.rows).toHaveLength(1);
    const flags = (await list({}, { sort: 'first_contact_asc' })).rows.map((row) => row.responseLate);
    expect(flags).toEqual([true, true, false]);
  });

  it('shows how comparable earlier cases were handled', async () => {
    const earlier = await ok<{ id: number }>('cases.create', caseInput({ natures: ['intimidation'], handlings: ['accompaniment'], firstContactAt: '2025-01-10T10:00', firstResponseAt: null }));
    await ok('cases.create', caseInput({ natures: ['intimidation'], otherParty: { relation: 'colleague', hierarchical: false, description: '' } }));
    await ok('cases.create', caseInput({ natures: ['workload'] }));
    const current = await ok<{ id: number }>('cases.create', caseInput({ natures: ['intimidation', 'bullying'] }));
    const comparable = await ok<{ id: number; handlings: string[] }[]>('cases.comparable', current);
    expect(comparable.map((c) => c.id)).toEqual([earlier.id]);
    expect(comparable[0]!.handlings).toEqual(['accompaniment']);
  });

  it.each([
    ['a first contact in the future', caseInput({ firstContactAt: '2026-11-23T12:01' })],
    ['a first response before first contact', caseInput({ firstResponseAt: '2026-03-01T09:00' })],
    ['an unknown nature code', { ...caseInput(), natures: ['gossip'] }],
    ['a duplicated nature', caseInput({ natures: ['bullying', 'bullying'] })],
    ['a closed case without a closing date', caseInput({ status: 'closed' })],
    ['an open case with an outcome', caseInput({ outcome: 'resolved' })],
    ['a closing date before first contact', caseInput({ status: 'closed', closedOn: '2026-01-01', outcome: 'resolved' })],
    ['a referral without referral handling', caseInput({ referrals: [{ target: 'police', referredOn: '2026-03-05' }] })],
    ['an identified reporter missing', caseInput({ reporters: [] })],
    ['a withdrawal before consent', caseInput({ consents: [{ scope: 'share_identity', answer: 'given', withWhom: '', givenOn: '2026-03-05', withdrawnOn: '2026-03-04' }] })],
    ['an impossible date', caseInput({ firstContactAt: '2026-02-30T10:00' })],
    ['a first contact in the year 9999', caseInput({ firstContactAt: '9999-03-01T10:00' })],
    ['a destruction date before 1900', caseInput({ destroyBy: '0001-01-01' })],
    ['a label longer than a line', caseInput({ label: 'x'.repeat(301) })],
    ['a control character in a name', caseInput({ reporters: [reporter({ name: 'a\u0000b' })] })],
    ['a negative count', caseInput({ peopleAffected: -1 })],
    ['a retired staff category', { ...caseInput(), reporters: [{ ...reporter(), staffCategory: 'former_employee' }] }],
    ['an unknown employment status', { ...caseInput(), reporters: [{ ...reporter(), employmentStatus: 'retired' }] }],
    ['a reporter without employment status', { ...caseInput(), reporters: [(({ employmentStatus: _, ...rest }) => rest)(reporter())] }],
    ['an unknown earlier period', { ...caseInput(), reporters: [{ ...reporter(), earlierPeriod: 'last_year' }] }],
    ['the old reported-afterwards flag', { ...caseInput(), reporters: [{ ...reporter(), reportedAfterwards: true }] }],
    ['an unknown other-party relation', { ...caseInput(), otherParty: { relation: 'neighbour', hierarchical: null, description: '' } }],
    ['a consent without an answer', { ...caseInput(), consents: [{ scope: 'count_in_statistics', withWhom: '', givenOn: '2026-03-02', withdrawnOn: null }] }],
    ['an unknown consent answer', { ...caseInput(), consents: [{ scope: 'count_in_statistics', answer: 'maybe', withWhom: '', givenOn: '2026-03-02', withdrawnOn: null }] }],
    ['a withdrawn refusal', caseInput({ consents: [{ scope: 'count_in_statistics', answer: 'refused', withWhom: '', givenOn: '2026-03-02', withdrawnOn: '2026-03-03' }] })],
    [
      'two answers to the statistics question',
      caseInput({
        consents: [
          { scope: 'count_in_statistics', answer: 'given', withWhom: '', givenOn: '2026-03-02', withdrawnOn: null },
          { scope: 'count_in_statistics', answer: 'refused', withWhom: '', givenOn: '2026-03-03', withdrawnOn: null },
        ],
      }),
    ],
    ['a route via the concerns point that another function referred', caseInput({ intakeRoute: 'via_concerns_point', referredInBy: 'ombudsperson' })],
    ['a referral by a function without its route', caseInput({ intakeRoute: 'direct', referredInBy: 'faculty_adviser' })],
    ['a route from a function without the function', caseInput({ intakeRoute: 'referred_by_function', referredInBy: 'hr_adviser' })],
    ['an unknown referral source', { ...caseInput(), intakeRoute: 'referred_by_function', referredInBy: 'dean' }],
  ])('refuses %s and changes nothing', async (_label, input) => {
    expect(await codeOf('cases.create', input)).toBe('INVALID_INPUT');
    expect(rowCount('cases')).toBe(0);
  });

  it('refuses advice only beside another handling, and a case without a nature, each with its own code', async () => {
    expect(await codeOf('cases.create', caseInput({ handlings: ['advice_only', 'accompaniment'] }))).toBe('CONTRADICTORY_HANDLING');
    expect(await codeOf('cases.create', caseInput({ natures: [] }))).toBe('NATURE_REQUIRED');
    expect(rowCount('cases')).toBe(0);
    const { id } = await ok<{ id: number }>('cases.create', caseInput());
    const before = await ok<CaseRecord>('cases.get', { id });
    expect(await codeOf('cases.update', { id, record: caseInput({ natures: [], label: 'changed' }) })).toBe('NATURE_REQUIRED');
    expect(await codeOf('cases.update', { id, record: caseInput({ handlings: ['advice_only', 'referral'], label: 'changed' }) })).toBe('CONTRADICTORY_HANDLING');
    expect(await ok<CaseRecord>('cases.get', { id })).toEqual(before);
  });

  it('refuses a single-holder function named as the source of its own report', async () => {
    core.vault.lock();
    core = createCore({ dataDirectory: `${dir.path}/ccp`, clock: () => now, log: createLogger(() => undefined) });
    await ok('vault.create', { passphrase: CANARY.passphrase, function: 'concerns_point_coordinator' });
    expect(await codeOf('cases.create', caseInput({ intakeRoute: 'via_concerns_point', referredInBy: 'concerns_point' }))).toBe('INVALID_INPUT');
    expect(rowCount('cases')).toBe(0);
    expect(await codeOf('cases.create', caseInput({ intakeRoute: 'referred_by_function', referredInBy: 'ombudsperson' }))).toBe('ok');
  });

  it('derives whether a case counts in the statistics from its consent record, never by default', async () => {
    const statistics = (consents: CaseInput['consents']) => ok<{ id: number }>('cases.create', caseInput({ consents }));
    await statistics([]);
    await statistics([{ scope: 'count_in_statistics', answer: 'refused', withWhom: '', givenOn: '2026-03-02', withdrawnOn: null }]);
    await statistics([{ scope: 'count_in_statistics', answer: 'given', withWhom: '', givenOn: '2026-03-02', withdrawnOn: '2026-03-05' }]);
    await statistics([{ scope: 'count_in_statistics', answer: 'given', withWhom: '', givenOn: '2026-03-02', withdrawnOn: null }]);
    await statistics([{ scope: 'share_identity', answer: 'given', withWhom: 'HR', givenOn: '2026-03-02', withdrawnOn: null }]);
    const { rows } = await ok<{ rows: { statisticsConsent: string }[] }>('cases.list', { filter: noFilter, sort: 'number_asc', offset: 0, limit: 10 });
    expect(rows.map((row) => row.statisticsConsent)).toEqual(['not_asked', 'refused', 'refused', 'given', 'not_asked']);
  });

  it('refuses a 5 MB note and a conversation in the future, and changes nothing', async () => {
    const { id } = await ok<{ id: number }>('cases.create', caseInput());
    expect(await codeOf('conversations.add', { caseId: id, conversation: conversationInput({ notes: 'x'.repeat(5_000_000) }) })).toBe('INVALID_INPUT');
    expect(await codeOf('conversations.add', { caseId: id, conversation: conversationInput({ notes: 'x'.repeat(NOTE_MAX + 1) }) })).toBe('INVALID_INPUT');
    expect(await codeOf('conversations.add', { caseId: id, conversation: conversationInput({ heldAt: '2027-01-01T10:00' }) })).toBe('INVALID_INPUT');
    expect(await codeOf('conversations.add', { caseId: id, conversation: conversationInput({ durationMinutes: 0 }) })).toBe('INVALID_INPUT');
    expect(await codeOf('conversations.add', { caseId: 999, conversation: conversationInput() })).toBe('NOT_FOUND');
    expect(rowCount('conversations')).toBe(0);
  });

  it('refuses mediation outside an ombudsperson vault', async () => {
    const { id } = await ok<{ id: number }>('cases.create', caseInput());
    expect(await codeOf('mediation.save', { caseId: id, mediation: mediationInput() })).toBe('NOT_FOR_THIS_FUNCTION');
    expect(rowCount('mediations')).toBe(0);
  });

  it('records signals and outreach activities', async () => {
    const signal = await ok<{ id: number }>('signals.create', { notedOn: '2026-05-01', unit: 'Faculteit X', theme: 'workload', note: '' });
    await ok('activities.create', { heldOn: '2027-01-15', type: 'workshop', audience: 'PhD candidates', attendees: 25 });
    expect(await ok('signals.list', {})).toEqual([{ id: signal.id, notedOn: '2026-05-01', unit: 'Faculteit X', theme: 'workload', note: '' }]);
    expect(await ok<unknown[]>('activities.list', {})).toHaveLength(1);
    await ok('signals.update', { id: signal.id, signal: { notedOn: '2026-05-02', unit: 'Y', theme: 'bullying', note: 'n' } });
    expect(await codeOf('signals.create', { notedOn: '2027-01-01', unit: '', theme: 'workload', note: '' })).toBe('INVALID_INPUT');
    expect(await codeOf('activities.create', { heldOn: '2026-01-01', type: 'party', audience: '', attendees: 1 })).toBe('INVALID_INPUT');
    await ok('signals.delete', { id: signal.id });
    expect(await codeOf('signals.delete', { id: signal.id })).toBe('NOT_FOUND');
  });
});

describe('mediation (ombudsperson)', () => {
  beforeEach(() => openVault('ombudsperson'));

  it('records consent to be heard, the hearing and an agreement; a save keeps the sessions, a delete takes them along', async () => {
    const { id } = await ok<{ id: number }>('cases.create', caseInput({ handlings: ['mediation'] }));
    await ok('mediation.save', { caseId: id, mediation: mediationInput() });
    expect((await ok<{ mediation: unknown }>('cases.get', { id })).mediation).toEqual(mediationInput());
    await ok('conversations.add', { caseId: id, conversation: mediationSessionInput({ notes: 'CANARYSESSIONTWO' }) });
    expect((await list({ search: 'CANARYAGREEMENT' })).total).toBe(1);
    await ok('mediation.save', { caseId: id, mediation: mediationInput({ agreements: [], outcome: null }) });
    expect((await list({ search: 'CANARYAGREEMENT' })).total).toBe(0);
    expect((await list({ search: 'CANARYSESSIONTWO' })).total).toBe(1);
    await ok('mediation.delete', { caseId: id });
    expect(rowCount('mediation_parties')).toBe(0);
    expect(rowCount('conversations')).toBe(0);
    expect((await list({ search: 'CANARYSESSIONTWO' })).total).toBe(0);
  });

  it.each([
    ['a hearing without the other party’s consent', mediationInput({ otherPartyConsent: false, otherPartyConsentOn: null })],
    ['a hearing before consent was given', mediationInput({ hearingHeldOn: '2026-03-01' })],
    ['consent without a date', mediationInput({ otherPartyConsentOn: null })],
    ['an empty agreement', mediationInput({ agreements: [{ agreedOn: '2026-03-19', text: '  ' }] })],
    ['an agreement in the future', mediationInput({ agreements: [{ agreedOn: '2030-01-01', text: 'later' }] })],
  ])('refuses %s', async (_label, mediation) => {
    const { id } = await ok<{ id: number }>('cases.create', caseInput());
    expect(await codeOf('mediation.save', { caseId: id, mediation })).toBe('INVALID_INPUT');
    expect(rowCount('mediations')).toBe(0);
  });
});

describe('the raw vault file', () => {
  beforeEach(() => openVault('ombudsperson'));

  it('holds no canary from any free-text field, the search index included', async () => {
    const { id } = await ok<{ id: number }>('cases.create', caseInput());
    await ok('conversations.add', { caseId: id, conversation: conversationInput() });
    await ok('mediation.save', { caseId: id, mediation: mediationInput() });
    await ok('conversations.add', { caseId: id, conversation: mediationSessionInput() });
    await ok('boardAdvices.create', { givenOn: '2026-03-10', reportsConcerned: 1, response: 'pending', note: 'CANARYBOARDADVICE' });
    await ok('followUps.add', { caseId: id, conversationId: null, dueDate: '2026-03-20', dueTime: '09:30', text: 'CANARYFOLLOWUPSTAP' });
    // Everything typed about the case is in its search document, which stays inside the cipher too.
    const indexed = [
      CANARY.noteWord,
      CANARY.name,
      'CANARYLABELDOSSIER',
      'CANARYPARTICIPANT',
      'CANARYSESSIONONE',
      'CANARYATTENDEES',
      'CANARYAGREEMENT',
      'CANARYHEARINGNOTES',
      'CANARYUNITFACULTEIT',
      'CANARYOTHERPARTY',
      'CANARYPARTYREPORTER',
      'CANARYPARTYOTHER',
    ];
    for (const canary of indexed) expect((await list({ search: canary })).total, canary).toBe(1);
    const files = () => readdirSync(join(dir.path, 'vault')).map((name) => readFileSync(join(dir.path, 'vault', name)));
    const canaries = [...indexed, 'CANARYCONSENTWHOM', 'CANARYBOARDADVICE', 'CANARYFOLLOWUPSTAP'];
    expect(core.vault.database().prepare('SELECT text FROM follow_ups').pluck().all()).toEqual(['CANARYFOLLOWUPSTAP']);
    for (const bytes of files()) for (const canary of canaries) expect(containsBytes(bytes, canary)).toBe(false);
    core.vault.lock();
    for (const bytes of files()) for (const canary of canaries) expect(containsBytes(bytes, canary)).toBe(false);
  });
});
