import { describe, expect, it } from 'vitest';
import type { CaseRecord, ExportPreview } from '../../../shared/contract';
import { caseInput, conversationInput, mediationInput, mediationSessionInput } from '../../../test/fixtures/records';
import { callCore } from '../../../test/support/callCore';
import { openVaultPerTest } from '../../../test/support/openVaultPerTest';

const now = new Date(2027, 0, 10, 12, 0);
const openCore = openVaultPerTest('ombudsperson', now);

const { ok, codeOf } = callCore(openCore);
const db = () => openCore().vault.database();
const entries = (caseId: number) => db().prepare('SELECT kind, duration_minutes, mode, participants, notes FROM conversations WHERE case_id = ? ORDER BY id').all(caseId);
const counts = async () => (await ok<ExportPreview>('export.preview', { period: { from: '2026-01-01', to: '2026-12-31' }, includeUnits: false })).file.counts;

describe('a mediation session, an entry of its case', () => {
  it('is written where conversations are, without a mode or duration, and only on a case with a mediation', async () => {
    const { id } = await ok<{ id: number }>('cases.create', caseInput({ handlings: ['mediation'] }));
    expect(await codeOf('conversations.add', { caseId: id, conversation: mediationSessionInput() })).toBe('SESSION_NEEDS_MEDIATION');
    const talk = await ok<{ id: number }>('conversations.add', { caseId: id, conversation: conversationInput() });
    expect(await codeOf('conversations.update', { id: talk.id, conversation: mediationSessionInput() })).toBe('SESSION_NEEDS_MEDIATION');
    expect(entries(id)).toEqual([{ kind: 'conversation', duration_minutes: 45, mode: 'in_person', participants: 'CANARYPARTICIPANT', notes: conversationInput().notes }]);

    await ok('mediation.save', { caseId: id, mediation: mediationInput() });
    const session = await ok<{ id: number }>('conversations.add', { caseId: id, conversation: mediationSessionInput() });
    const record = await ok<CaseRecord>('cases.get', { id });
    expect(record.conversations.map(({ id: _id, caseId: _caseId, ...entry }) => entry)).toEqual([conversationInput(), mediationSessionInput()]);
    expect(entries(id)[1]).toEqual({ kind: 'mediation_session', duration_minutes: null, mode: null, participants: 'CANARYATTENDEES', notes: 'CANARYSESSIONONE' });

    // A conversation still needs its mode and duration; a session may give them.
    expect(await codeOf('conversations.update', { id: session.id, conversation: mediationSessionInput({ kind: 'conversation' }) })).toBe('INVALID_INPUT');
    await ok('conversations.update', { id: session.id, conversation: mediationSessionInput({ durationMinutes: 60, mode: 'video' }) });
    expect(entries(id)[1]).toMatchObject({ kind: 'mediation_session', duration_minutes: 60, mode: 'video' });
    expect(await codeOf('conversations.add', { caseId: id, conversation: mediationSessionInput({ heldAt: '2027-02-01T10:00' }) })).toBe('INVALID_INPUT');
    // A conversation sent as before, without a kind, is a conversation.
    const { kind: _kind, ...withoutKind } = conversationInput({ notes: 'zonder soort' });
    await ok('conversations.add', { caseId: id, conversation: withoutKind });
    expect(entries(id).map((entry) => (entry as { kind: string }).kind)).toEqual(['conversation', 'mediation_session', 'conversation']);
  });

  it('counts as a session of the mediation in the export and never as a conversation, in the list, the case row and the export', async () => {
    const { id } = await ok<{ id: number }>('cases.create', caseInput({ handlings: ['mediation'] }));
    await ok('mediation.save', { caseId: id, mediation: mediationInput() });
    for (const day of ['03', '04']) await ok('conversations.add', { caseId: id, conversation: conversationInput({ heldAt: `2026-03-${day}T10:00` }) });
    const sessions = [];
    for (const day of ['12', '19', '26']) sessions.push((await ok<{ id: number }>('conversations.add', { caseId: id, conversation: mediationSessionInput({ heldAt: `2026-03-${day}T14:00` }) })).id);
    const listed = async () =>
      (await ok<{ rows: { conversationCount: number }[] }>('cases.list', {
        filter: { status: null, year: null, nature: null, intakeRoute: null, openWithoutResponse: false, search: '' },
        sort: 'first_contact_desc',
        offset: 0,
        limit: 10,
      })).rows[0]!.conversationCount;
    const column = () => db().prepare('SELECT conversation_count FROM cases WHERE id = ?').pluck().get(id);

    expect(await listed()).toBe(2);
    expect(column()).toBe(2);
    expect(await counts()).toMatchObject({ conversations: 2, mediation: { mediations: 1, sessions: 3 } });

    await ok('conversations.update', { id: sessions[0]!, conversation: conversationInput({ heldAt: '2026-03-12T14:00' }) });
    await ok('conversations.delete', { id: sessions[1]! });
    expect(await listed()).toBe(3);
    expect(column()).toBe(3);
    expect(await counts()).toMatchObject({ conversations: 3, mediation: { sessions: 1 } });

    await ok('mediation.delete', { caseId: id });
    expect(column()).toBe(3);
    expect(await counts()).toMatchObject({ conversations: 3, mediation: { mediations: 0, sessions: 0 } });
  });
});
