import { beforeEach, describe, expect, it } from 'vitest';
import { caseInput, conversationInput } from '../../../test/fixtures/records';
import { callCore } from '../../../test/support/callCore';
import { openVaultPerTest } from '../../../test/support/openVaultPerTest';

/** Thursday 12 March 2026: the steps a close completes are done today. */
const core = openVaultPerTest('ombudsperson', new Date(2026, 2, 12, 9, 0));
const { ok, codeOf } = callCore(core);
const db = () => core().vault.database();
/** The case and its steps as the file holds them: what a failed close must leave as it was. */
const rows = () => ({
  case: db().prepare('SELECT status, closed_on, outcome FROM cases WHERE id = ?').get(caseId),
  followUps: db().prepare('SELECT id, kind, due_date, done_on FROM follow_ups ORDER BY id').all(),
});
const closing = (openFollowUps?: 'complete' | 'keep') => ({
  id: caseId,
  record: caseInput({ status: 'closed', closedOn: '2026-03-11', outcome: 'resolved' }),
  ...(openFollowUps && { openFollowUps }),
});

let caseId: number;
let open: number;
let doneBefore: number;
let otherCase: number;

beforeEach(async () => {
  caseId = (await ok<{ id: number }>('cases.create', caseInput())).id;
  const conversationId = (await ok<{ id: number }>('conversations.add', { caseId, conversation: conversationInput() })).id;
  open = (await ok<{ id: number }>('followUps.add', { caseId, conversationId, dueDate: '2026-03-20', dueTime: null, text: 'Terugbellen' })).id;
  doneBefore = (await ok<{ id: number }>('followUps.add', { caseId, conversationId: null, dueDate: '2026-03-05', dueTime: null, text: 'Mail sturen' })).id;
  await ok('followUps.complete', { id: doneBefore, doneOn: '2026-03-06' });
  otherCase = (await ok<{ id: number }>('cases.create', caseInput())).id;
  await ok('followUps.add', { caseId: otherCase, conversationId: null, dueDate: '2026-03-20', dueTime: null, text: 'Nabellen' });
});

describe('closing a case with its open steps', () => {
  it("closes the case and completes its own open steps today in one request, and leaves steps done before and other cases' steps alone", async () => {
    await ok('cases.update', closing('complete'));
    expect(rows()).toEqual({
      case: { status: 'closed', closed_on: '2026-03-11', outcome: 'resolved' },
      followUps: [
        { id: open, kind: 'own', due_date: '2026-03-20', done_on: '2026-03-12' },
        { id: doneBefore, kind: 'own', due_date: '2026-03-05', done_on: '2026-03-06' },
        { id: doneBefore + 1, kind: 'own', due_date: '2026-03-20', done_on: null },
      ],
    });
    expect(db().prepare('SELECT case_id FROM follow_ups WHERE id = ?').pluck().get(doneBefore + 1)).toBe(otherCase);
  });

  it("keeps the steps open when the answer is 'keep', as when none is given", async () => {
    const before = rows().followUps;
    await ok('cases.update', closing('keep'));
    expect(rows()).toEqual({ case: { status: 'closed', closed_on: '2026-03-11', outcome: 'resolved' }, followUps: before });
  });

  it('leaves the case open and its steps open when completing them fails, so nothing is half saved', async () => {
    const before = rows();
    // The file refuses the steps' update (as a full disk or a damaged page would) after the case row was written.
    db().exec("CREATE TEMP TRIGGER refuse_done BEFORE UPDATE OF done_on ON follow_ups BEGIN SELECT RAISE(ABORT, 'refused'); END");
    expect(await codeOf('cases.update', closing('complete'))).toBe('INTERNAL');
    expect(rows()).toEqual(before);
    expect(before.case).toEqual({ status: 'open', closed_on: null, outcome: null });
    // The same close through the form's save with its draft: refused whole too, the draft kept.
    await ok('drafts.save', { key: `case:${caseId}`, caseId, view: { name: 'editCase', id: caseId }, content: '{}' });
    expect(await codeOf('drafts.saveForm', { draftKey: `case:${caseId}`, channel: 'cases.update', request: closing('complete') })).toBe('INTERNAL');
    expect(rows()).toEqual(before);
    expect(db().prepare('SELECT count(*) FROM drafts').pluck().get()).toBe(1);
    db().exec('DROP TRIGGER temp.refuse_done');
    await ok('drafts.saveForm', { draftKey: `case:${caseId}`, channel: 'cases.update', request: closing('complete') });
    expect(rows().case).toEqual({ status: 'closed', closed_on: '2026-03-11', outcome: 'resolved' });
    expect(rows().followUps[0]).toEqual({ id: open, kind: 'own', due_date: '2026-03-20', done_on: '2026-03-12' });
  });

  it.each<[string, () => unknown]>([
    ['an answer that is neither', () => ({ ...closing(), openFollowUps: 'yes' })],
    ['an answer on a save that does not close', () => ({ id: caseId, record: caseInput(), openFollowUps: 'complete' })],
    ['an answer of null', () => ({ ...closing(), openFollowUps: null })],
    ['a day of completion sent by the window', () => ({ ...closing('complete'), doneOn: '2026-03-01' })],
  ])('refuses %s with INVALID_INPUT and changes nothing', async (_name, request) => {
    const before = rows();
    expect(await codeOf('cases.update', request())).toBe('INVALID_INPUT');
    expect(rows()).toEqual(before);
  });
});
