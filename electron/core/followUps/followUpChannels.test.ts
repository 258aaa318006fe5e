import { beforeEach, describe, expect, it } from 'vitest';
import { FOLLOW_UP_TEXT_MAX } from '../../../shared/schemas/followUps';
import { CANARY } from '../../../test/fixtures/canaries';
import { caseInput, conversationInput } from '../../../test/fixtures/records';
import { callCore } from '../../../test/support/callCore';
import { openVaultPerTest } from '../../../test/support/openVaultPerTest';
import { addFollowUp } from './followUps';

/** Thursday 12 March 2026: a step done later than today is refused. */
const core = openVaultPerTest('ombudsperson', new Date(2026, 2, 12, 9, 0));
const { ok, codeOf } = callCore(core);
const rows = () => core().vault.database().prepare('SELECT * FROM follow_ups ORDER BY id').all();

let caseId: number;
let otherConversation: number;
let own: number;
let legal: number;
const step = (overrides: object = {}) => ({ caseId, conversationId: null, dueDate: '2026-03-13', dueTime: null, text: 'Terugbellen', ...overrides });

beforeEach(async () => {
  caseId = (await ok<{ id: number }>('cases.create', caseInput())).id;
  const other = (await ok<{ id: number }>('cases.create', caseInput())).id;
  otherConversation = (await ok<{ id: number }>('conversations.add', { caseId: other, conversation: conversationInput() })).id;
  own = (await ok<{ id: number }>('followUps.add', step())).id;
  // The access request's answer: a legal deadline with no rule of its own beyond a date (the procedure's are in procedure.test.ts).
  legal = addFollowUp(core().vault.database(), { caseId, kind: 'access_request', text: '', dueDate: '2026-06-12' }).id;
});

describe('the follow-up channels', () => {
  it.each<[string, string, () => unknown, string]>([
    ['an empty step', 'followUps.add', () => step({ text: '   ' }), 'INVALID_INPUT'],
    ['a control character in the text', 'followUps.add', () => step({ text: `bel\u0000 ${CANARY.name}` }), 'INVALID_INPUT'],
    ['a text longer than a step', 'followUps.add', () => step({ text: 'x'.repeat(FOLLOW_UP_TEXT_MAX + 1) }), 'INVALID_INPUT'],
    ['a time that is no time of day', 'followUps.add', () => step({ dueTime: '24:00' }), 'INVALID_INPUT'],
    ['a date that does not exist', 'followUps.add', () => step({ dueDate: '2026-02-30' }), 'INVALID_INPUT'],
    ['a legal kind asked for by the window', 'followUps.add', () => ({ ...step(), kind: 'procedure_feedback' }), 'INVALID_INPUT'],
    ['a case that does not exist', 'followUps.add', () => step({ caseId: 9999 }), 'NOT_FOUND'],
    ['another case’s conversation', 'followUps.add', () => step({ conversationId: otherConversation }), 'NOT_FOUND'],
    ['a done date still to come', 'followUps.complete', () => ({ id: own, doneOn: '2026-03-13' }), 'INVALID_INPUT'],
    ['no done date', 'followUps.complete', () => ({ id: own }), 'INVALID_INPUT'],
    ['an unknown follow-up', 'followUps.complete', () => ({ id: 9999, doneOn: '2026-03-12' }), 'NOT_FOUND'],
    ['a time written as words', 'followUps.move', () => ({ id: own, dueDate: '2026-03-20', dueTime: 'noon' }), 'INVALID_INPUT'],
    ['a legal deadline moved by hand', 'followUps.move', () => ({ id: legal, dueDate: '2026-09-01', dueTime: null }), 'FOLLOW_UP_IS_LEGAL_DEADLINE'],
    ['an id as text', 'followUps.remove', () => ({ id: String(own) }), 'INVALID_INPUT'],
    ['a legal deadline removed', 'followUps.remove', () => ({ id: legal }), 'FOLLOW_UP_IS_LEGAL_DEADLINE'],
    ['no case', 'followUps.ofCase', () => ({}), 'INVALID_INPUT'],
    ['a field more', 'followUps.due', () => ({ today: '2030-01-01' }), 'INVALID_INPUT'],
    ['a closing day still to come', 'followUps.completeOpenOfCase', () => ({ caseId, doneOn: '2026-12-31' }), 'INVALID_INPUT'],
    ['an unknown case', 'followUps.completeOpenOfCase', () => ({ caseId: 9999, doneOn: '2026-03-12' }), 'NOT_FOUND'],
  ])('refuse %s and change nothing', async (_what, channel, request, code) => {
    const before = rows();
    expect(await codeOf(channel, request())).toBe(code);
    expect(rows()).toEqual(before);
  });

  it('complete a legal deadline with the date it was done, and answer Today by the core’s date', async () => {
    await ok('followUps.complete', { id: legal, doneOn: '2026-03-10' });
    expect(await ok('followUps.ofCase', { caseId })).toEqual({
      today: '2026-03-12',
      followUps: [
        { id: own, caseId, conversationId: null, kind: 'own', text: 'Terugbellen', dueDate: '2026-03-13', dueTime: null, doneOn: null },
        { id: legal, caseId, conversationId: null, kind: 'access_request', text: '', dueDate: '2026-06-12', dueTime: null, doneOn: '2026-03-10' },
      ],
    });
    expect(await ok('followUps.due', {})).toMatchObject({ today: '2026-03-12', overdue: [], dueToday: [], laterThisWeek: [{ id: own }] });
  });

  it('are closed to a locked vault', async () => {
    core().vault.lock();
    expect(await codeOf('followUps.due', {})).toBe('VAULT_LOCKED');
    expect(await codeOf('followUps.add', step())).toBe('VAULT_LOCKED');
  });
});
