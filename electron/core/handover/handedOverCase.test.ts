import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRecord, DossierPreview, DueCase, DueFollowUps, ExportPreview, HandoverPackageSummary, HandoverReceived, HandoverStatus } from '../../../shared/contract';
import { CANARY } from '../../../test/fixtures/canaries';
import { caseInput, conversationInput, mediationInput, mediationSessionInput } from '../../../test/fixtures/records';
import { callCore } from '../../../test/support/callCore';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import { testShell } from '../../../test/support/testShell';
import { createCore } from '../core';
import { createLogger } from '../log';

/**
 * A case in a package that has left, before the successor's confirmation is back: the successor
 * has it as it was, and the confirmation destroys this copy, so every write to it is refused
 * (CASE_HANDED_OVER) with every row of the vault as it was. Other cases stay writable, and the
 * confirmation still destroys the handed case.
 */
const dir = temporaryDirectory();
const now = new Date(2026, 11, 5, 12, 0);

function vault(name: string, fn: string) {
  const dialogs = testShell(dir.path);
  const core = createCore({ dataDirectory: join(dir.path, name), clock: () => now, log: createLogger(() => undefined), shell: dialogs.shell });
  const db = () => core.vault.database();
  return {
    core,
    ...callCore(() => core),
    create: () => callCore(() => core).ok('vault.create', { passphrase: CANARY.passphrase, function: fn }),
    lastSaved: () => readFileSync(dialogs.saved.at(-1)!, 'utf8'),
    /** Every row of every table, the search index's included: a refusal leaves each as it was. */
    tables: () =>
      Object.fromEntries(
        (db().prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE TABLE%' ORDER BY name").pluck().all() as string[]).map((table) => [
          table,
          db().prepare(`SELECT * FROM "${table}"`).all(),
        ]),
      ),
  };
}

const leaving = vault('leaving', 'ombudsperson');
const successor = vault('successor', 'central_confidential_adviser');
const ids = { handed: 0, other: 0, conversation: 0, session: 0, followUp: 0, confirmationDeadline: 0, request: 0 };
let number = '';
let packageText = '';

beforeAll(async () => {
  await leaving.create();
  await successor.create();
  const { receivingKeys } = await successor.ok<HandoverStatus>('handover.createReceivingKey', {});
  await successor.ok('handover.saveReceivingKey', { keyId: receivingKeys[0]!.keyId });
  const { keyId, fingerprint } = await leaving.ok<{ keyId: string; fingerprint: string }>('handover.readKey', { content: successor.lastSaved() });
  await leaving.ok('handover.addSuccessor', { content: successor.lastSaved(), fingerprint });

  // Past its own destroy-by date, so retention would take it were it not waiting for the confirmation.
  const handed = await leaving.ok<{ id: number }>('cases.create', caseInput({ destroyBy: '2026-12-04' }));
  ids.handed = handed.id;
  number = (await leaving.ok<CaseRecord>('cases.get', { id: ids.handed })).number;
  await leaving.ok('mediation.save', { caseId: ids.handed, mediation: mediationInput() });
  ids.conversation = (await leaving.ok<{ id: number }>('conversations.add', { caseId: ids.handed, conversation: conversationInput() })).id;
  ids.session = (await leaving.ok<{ id: number }>('conversations.add', { caseId: ids.handed, conversation: mediationSessionInput() })).id;
  ids.followUp = (await leaving.ok<{ id: number }>('followUps.add', { caseId: ids.handed, conversationId: ids.conversation, dueDate: '2026-12-05', dueTime: null, text: 'CANARYFOLLOWUPBELLEN' })).id;
  await leaving.ok('procedure.mark', { caseId: ids.handed, receivedOn: '2026-12-01' });
  const { followUps } = await leaving.ok<{ followUps: { id: number; kind: string }[] }>('followUps.ofCase', { caseId: ids.handed });
  ids.confirmationDeadline = followUps.find((entry) => entry.kind === 'procedure_confirmation')!.id;
  ids.request = (await leaving.ok<{ id: number }>('access.recordRequest', { caseId: ids.handed, requestedOn: '2026-12-02' })).id;
  await leaving.ok('handover.setConsent', { caseId: ids.handed, givenOn: '2026-12-03' });
  ids.other = (await leaving.ok<{ id: number }>('cases.create', caseInput({ label: 'andere zaak' }))).id;

  expect((await leaving.ok<DueCase[]>('retention.due', {})).map((entry) => entry.id)).toEqual([ids.handed]);
  expect((await leaving.ok<DueFollowUps>('followUps.due', {})).dueToday.map((entry) => entry.id)).toEqual([ids.followUp]);
  await leaving.ok('handover.saveExport', { exportId: (await leaving.ok<ExportPreview>('handover.previewExport', {})).file.exportId, unsealed: true });
  // Unsaved work would not travel, and the confirmation would take it with the case: it stops the package.
  await leaving.ok('drafts.save', { key: `conversation:new:${ids.handed}`, caseId: ids.handed, view: { name: 'case', id: ids.handed }, content: JSON.stringify({ notes: CANARY.noteWord }) });
  const withDraft = leaving.tables();
  expect(await leaving.codeOf('handover.send', { keyId, caseIds: [ids.handed] })).toBe('HANDOVER_DRAFT_OPEN');
  expect(leaving.tables()).toEqual(withDraft);
  await leaving.ok('drafts.discard', { key: `conversation:new:${ids.handed}` });
  await leaving.ok('handover.send', { keyId, caseIds: [ids.handed] });
  packageText = leaving.lastSaved();
}, 60_000);

afterAll(() => {
  leaving.core.vault.lock();
  successor.core.vault.lock();
  dir.remove();
});

describe('a case in a sent package awaiting its confirmation', () => {
  it('refuses every kind of write with CASE_HANDED_OVER, and every table keeps every row as it was', async () => {
    const { version } = await leaving.ok<DossierPreview>('access.dossierPreview', { caseId: ids.handed, reporter: 0, language: 'nl' });
    const id = ids.handed;
    const writes: [string, unknown][] = [
      ['cases.update', { id, record: caseInput({ label: 'gewijzigd' }) }],
      ['cases.update', { id, record: caseInput({ status: 'closed', closedOn: '2026-12-05', outcome: 'resolved' }) }],
      ['cases.updateIncomplete', { id, record: caseInput({ label: 'gewijzigd' }) }],
      ['cases.leaveOutOfStatistics', { id, leaveOut: true }],
      ['cases.delete', { id }],
      ['conversations.add', { caseId: id, conversation: conversationInput({ notes: 'later' }) }],
      ['conversations.update', { id: ids.conversation, conversation: conversationInput({ notes: 'gewijzigd' }) }],
      ['conversations.delete', { id: ids.conversation }],
      ['conversations.add', { caseId: id, conversation: mediationSessionInput({ notes: 'tweede zitting' }) }],
      ['conversations.update', { id: ids.session, conversation: mediationSessionInput({ notes: 'gewijzigd' }) }],
      ['conversations.delete', { id: ids.session }],
      ['mediation.save', { caseId: id, mediation: mediationInput({ hearingNotes: 'gewijzigd' }) }],
      ['mediation.delete', { caseId: id }],
      ['followUps.add', { caseId: id, conversationId: null, dueDate: '2026-12-12', dueTime: null, text: 'nog een stap' }],
      ['followUps.complete', { id: ids.followUp, doneOn: '2026-12-05' }],
      ['followUps.move', { id: ids.followUp, dueDate: '2026-12-20', dueTime: '09:00' }],
      ['followUps.remove', { id: ids.followUp }],
      ['followUps.completeOpenOfCase', { caseId: id, doneOn: '2026-12-05' }],
      ['procedure.mark', { caseId: id, receivedOn: '2026-12-02' }],
      ['procedure.complete', { id: ids.confirmationDeadline, doneOn: '2026-12-05' }],
      ['access.recordRequest', { caseId: id, requestedOn: '2026-12-05' }],
      ['access.saveDossier', { caseId: id, reporter: 0, language: 'nl', requestId: ids.request, version, leftOut: [] }],
      ['access.erase', { caseId: id, reporter: 0, confirmation: number }],
      ['handover.setConsent', { caseId: id, givenOn: null }],
      ['retention.destroy', { ids: [id] }],
      ['drafts.save', { key: `conversation:new:${id}`, caseId: id, view: { name: 'case', id }, content: '{}' }],
      ['drafts.saveForm', { draftKey: `conversation:new:${id}`, channel: 'conversations.add', request: { caseId: id, conversation: conversationInput({ notes: 'later' }) } }],
      ['drafts.saveForm', { draftKey: `case:${id}`, channel: 'cases.update', request: { id, record: caseInput({ label: 'gewijzigd' }) } }],
      ['drafts.saveForm', { draftKey: `mediation:${id}`, channel: 'mediation.save', request: { caseId: id, mediation: mediationInput() } }],
      ['drafts.saveForm', { draftKey: `followUp:new:${id}`, channel: 'followUps.add', request: { caseId: id, conversationId: null, dueDate: '2026-12-12', dueTime: null, text: 'stap' } }],
    ];
    const before = leaving.tables();
    for (const [channel, request] of writes) expect(await leaving.codeOf(channel, request), channel).toBe('CASE_HANDED_OVER');
    expect(leaving.tables()).toEqual(before);
    // Retention waits for the confirmation, which destroys the case as retention would.
    expect(await leaving.ok<DueCase[]>('retention.due', {})).toEqual([]);
    // Its steps went with it: Today, where each would be one click from a refusal, lists none of them.
    expect(await leaving.ok<DueFollowUps>('followUps.due', {})).toMatchObject({ overdue: [], dueToday: [], laterThisWeek: [] });
  });

  it('is still read, and every other case is still written', async () => {
    expect((await leaving.ok<CaseRecord>('cases.get', { id: ids.handed })).conversations).toHaveLength(2);
    expect((await leaving.ok<{ followUps: unknown[] }>('followUps.ofCase', { caseId: ids.handed })).followUps).toHaveLength(4);
    const other = ids.other;
    await leaving.ok('cases.update', { id: other, record: caseInput({ label: 'andere zaak, bijgewerkt' }) });
    const { id: entry } = await leaving.ok<{ id: number }>('drafts.saveForm', { draftKey: `conversation:new:${other}`, channel: 'conversations.add', request: { caseId: other, conversation: conversationInput() } });
    await leaving.ok('conversations.update', { id: entry, conversation: conversationInput({ notes: 'bijgewerkt' }) });
    const { id: step } = await leaving.ok<{ id: number }>('followUps.add', { caseId: other, conversationId: entry, dueDate: '2026-12-05', dueTime: null, text: 'bellen' });
    expect((await leaving.ok<DueFollowUps>('followUps.due', {})).dueToday.map((due) => due.id)).toEqual([step]);
    await leaving.ok('followUps.move', { id: step, dueDate: '2026-12-09', dueTime: null });
    await leaving.ok('mediation.save', { caseId: other, mediation: mediationInput() });
    expect(await leaving.ok<CaseRecord>('cases.get', { id: other })).toMatchObject({ label: 'andere zaak, bijgewerkt', conversations: [{ notes: 'bijgewerkt' }] });
  });

  it('goes at the confirmation as before, the other case stays, and the id then names nothing', async () => {
    const summary = await successor.ok<HandoverPackageSummary>('handover.readPackage', { content: packageText });
    const received = await successor.ok<HandoverReceived>('handover.receive', { content: packageText, signerFingerprint: summary.signerFingerprint });
    // The successor has the case as it left: none of the refused writes reached it.
    const handed = await successor.ok<CaseRecord>('cases.get', { id: received.cases[0]!.id });
    expect(handed).toMatchObject({ label: 'CANARYLABELDOSSIER', status: 'open' });
    expect(handed.conversations.map((entry) => entry.notes)).toEqual([conversationInput().notes, mediationSessionInput().notes]);
    await successor.ok('handover.saveConfirmation', { packageId: summary.packageId });

    expect(await leaving.ok('handover.confirm', { content: successor.lastSaved() })).toEqual({ destroyed: 1 });
    expect(await leaving.codeOf('cases.get', { id: ids.handed })).toBe('NOT_FOUND');
    expect(await leaving.codeOf('conversations.add', { caseId: ids.handed, conversation: conversationInput() })).toBe('NOT_FOUND');
    expect(await leaving.ok<CaseRecord>('cases.get', { id: ids.other })).toMatchObject({ id: ids.other });
  });
});
