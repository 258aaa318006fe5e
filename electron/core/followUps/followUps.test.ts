import { describe, expect, it } from 'vitest';
import { caseInput, conversationInput } from '../../../test/fixtures/records';
import { callCore } from '../../../test/support/callCore';
import { openVaultPerTest } from '../../../test/support/openVaultPerTest';
import { addFollowUp, completeFollowUp, completeOpenFollowUps, dueFollowUps, endOfWeek, followUpsOfCase, moveFollowUp, removeFollowUp, setLegalDueDate } from './followUps';

/** Wednesday 11 March 2026: its week runs from Monday the 9th to Sunday the 15th. */
const core = openVaultPerTest('central_confidential_adviser', new Date(2026, 2, 11, 12, 0));
const { ok } = callCore(core);
const db = () => core().vault.database();
const codeOf = (run: () => unknown) => {
  try {
    run();
    return 'ok';
  } catch (caught) {
    return (caught as { code?: string }).code ?? String(caught);
  }
};

async function aCase(label = 'Zaak met stappen'): Promise<number> {
  return (await ok<{ id: number }>('cases.create', caseInput({ label }))).id;
}

const own = (caseId: number, dueDate: string, text: string, dueTime: string | null = null) => addFollowUp(db(), { caseId, kind: 'own', text, dueDate, dueTime }).id;

describe('follow-ups in the vault', () => {
  it('are set on a case or one of its conversations, never on another case’s conversation, and read back open first by date and time', async () => {
    const caseId = await aCase();
    const other = await aCase('Andere zaak');
    const { id: conversationId } = await ok<{ id: number }>('conversations.add', { caseId, conversation: conversationInput() });
    const { id: foreign } = await ok<{ id: number }>('conversations.add', { caseId: other, conversation: conversationInput() });

    const later = own(caseId, '2026-03-20', 'Terugbellen');
    const timed = addFollowUp(db(), { caseId, conversationId, kind: 'own', text: 'Na het gesprek mailen', dueDate: '2026-03-12', dueTime: '09:30' }).id;
    const untimed = own(caseId, '2026-03-12', 'Verslag sturen');
    const finished = own(caseId, '2026-03-01', 'Al gedaan');
    completeFollowUp(db(), finished, '2026-03-02');

    expect(followUpsOfCase(db(), caseId).map((followUp) => followUp.id)).toEqual([untimed, timed, later, finished]);
    expect(followUpsOfCase(db(), caseId).find((followUp) => followUp.id === timed)).toEqual({
      id: timed,
      caseId,
      conversationId,
      kind: 'own',
      text: 'Na het gesprek mailen',
      dueDate: '2026-03-12',
      dueTime: '09:30',
      doneOn: null,
    });
    expect(codeOf(() => addFollowUp(db(), { caseId, conversationId: foreign, kind: 'own', text: 'x', dueDate: '2026-03-12' }))).toBe('NOT_FOUND');
    expect(codeOf(() => addFollowUp(db(), { caseId: 9999, kind: 'own', text: 'x', dueDate: '2026-03-12' }))).toBe('NOT_FOUND');
    expect(db().prepare('SELECT count(*) FROM follow_ups').pluck().get()).toBe(4);
  });

  it('list for Today what is overdue, due today and due later this week, open ones only, with their case’s number', async () => {
    const caseId = await aCase('Werkdruk team B');
    const overdue = own(caseId, '2026-02-27', 'Te laat');
    const today = own(caseId, '2026-03-11', 'Vandaag', '14:00');
    const sunday = own(caseId, '2026-03-15', 'Zondag');
    own(caseId, '2026-03-16', 'Volgende week');
    completeFollowUp(db(), own(caseId, '2026-03-10', 'Gedaan'), '2026-03-10');

    const due = dueFollowUps(db(), '2026-03-11');
    expect(due.today).toBe('2026-03-11');
    expect(due.overdue.map((followUp) => followUp.id)).toEqual([overdue]);
    expect(due.dueToday.map((followUp) => followUp.id)).toEqual([today]);
    expect(due.laterThisWeek.map((followUp) => followUp.id)).toEqual([sunday]);
    expect(due.dueToday[0]).toMatchObject({ caseId, caseLabel: 'Werkdruk team B', caseNumber: '2026-001', dueTime: '14:00' });

    completeFollowUp(db(), today, '2026-03-11');
    expect(dueFollowUps(db(), '2026-03-11').dueToday).toEqual([]);
  });

  it('end a week on its Sunday, whatever day it is asked on', () => {
    expect(['2026-03-09', '2026-03-11', '2026-03-15'].map(endOfWeek)).toEqual(['2026-03-15', '2026-03-15', '2026-03-15']);
    expect(endOfWeek('2026-12-28')).toBe('2027-01-03');
  });

  it('move and remove the adviser’s own step, but a legal deadline only completes with a date or moves by its own rule', async () => {
    const caseId = await aCase();
    const step = own(caseId, '2026-03-12', 'Eigen stap');
    moveFollowUp(db(), step, '2026-03-19', '10:00');
    expect(followUpsOfCase(db(), caseId)[0]).toMatchObject({ dueDate: '2026-03-19', dueTime: '10:00' });
    removeFollowUp(db(), step);
    expect(followUpsOfCase(db(), caseId)).toEqual([]);

    const legal = addFollowUp(db(), { caseId, kind: 'procedure_confirmation', text: '', dueDate: '2026-03-18' }).id;
    expect(codeOf(() => removeFollowUp(db(), legal))).toBe('FOLLOW_UP_IS_LEGAL_DEADLINE');
    expect(codeOf(() => moveFollowUp(db(), legal, '2026-04-30', null))).toBe('FOLLOW_UP_IS_LEGAL_DEADLINE');
    expect(followUpsOfCase(db(), caseId)).toMatchObject([{ id: legal, dueDate: '2026-03-18', doneOn: null }]);
    setLegalDueDate(db(), legal, '2026-03-25');
    completeFollowUp(db(), legal, '2026-03-11');
    expect(followUpsOfCase(db(), caseId)).toMatchObject([{ id: legal, kind: 'procedure_confirmation', dueDate: '2026-03-25', doneOn: '2026-03-11' }]);

    const another = own(caseId, '2026-03-12', 'Nog een');
    expect(codeOf(() => setLegalDueDate(db(), another, '2026-03-13'))).toBe('INVALID_INPUT');
    expect(codeOf(() => removeFollowUp(db(), 9999))).toBe('NOT_FOUND');
    expect(codeOf(() => completeFollowUp(db(), 9999, '2026-03-11'))).toBe('NOT_FOUND');
  });

  it('at a case’s closing complete its own open steps on that day and leave its legal deadlines open', async () => {
    const caseId = await aCase();
    const other = await aCase('Andere zaak');
    const a = own(caseId, '2026-03-12', 'Een');
    const b = own(caseId, '2026-03-20', 'Twee');
    const legal = addFollowUp(db(), { caseId, kind: 'access_request', text: '', dueDate: '2026-04-11' }).id;
    const elsewhere = own(other, '2026-03-12', 'Andere zaak');

    expect(completeOpenFollowUps(db(), caseId, '2026-03-11')).toEqual({ completed: 2 });
    const after = Object.fromEntries(db().prepare('SELECT id, done_on FROM follow_ups').all().map((row) => [(row as { id: number }).id, (row as { done_on: string | null }).done_on]));
    expect(after).toEqual({ [a]: '2026-03-11', [b]: '2026-03-11', [legal]: null, [elsewhere]: null });
  });

  it('leave with their case, and only let go of a deleted conversation', async () => {
    const caseId = await aCase();
    const { id: conversationId } = await ok<{ id: number }>('conversations.add', { caseId, conversation: conversationInput() });
    const step = addFollowUp(db(), { caseId, conversationId, kind: 'own', text: 'Na gesprek', dueDate: '2026-03-12' }).id;
    addFollowUp(db(), { caseId, kind: 'procedure_feedback', text: '', dueDate: '2026-06-11' });
    await ok('conversations.delete', { id: conversationId });
    expect(followUpsOfCase(db(), caseId).find((followUp) => followUp.id === step)?.conversationId).toBeNull();
    await ok('cases.delete', { id: caseId });
    expect(db().prepare('SELECT count(*) FROM follow_ups').pluck().get()).toBe(0);
  });
});
