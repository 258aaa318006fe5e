import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportPreview, ImportOutcome, PublicationDocument } from '../../../shared/contract';
import { CANARY } from '../../../test/fixtures/canaries';
import { caseInput, conversationInput } from '../../../test/fixtures/records';
import { callCore } from '../../../test/support/callCore';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import { testShell } from '../../../test/support/testShell';
import { createCore, type Core } from '../core';
import { createLogger } from '../log';
import { openSealedExport } from '../team/sealedExport';
import { signerOf, teamIdentity } from '../team/team';
import { addFollowUp } from './followUps';

/**
 * Follow-ups count in no statistic and leave the vault in no file: an export, its sealed form and
 * the publication made from it are the same with or without them, and hold none of their words.
 */
const FOLLOW_UP_CANARY = 'CANARYFOLLOWUPSTAP';
const YEAR = { period: { from: '2026-01-01', to: '2026-12-31' }, includeUnits: false };
const dir = temporaryDirectory();
const dialogs = testShell(dir.path);
let core: Core;
const { ok } = callCore(() => core);
const lastSaved = () => readFileSync(dialogs.saved.at(-1)!, 'utf8');
/** The export without what differs between two previews of the same vault: its id, and the hash that covers it. */
const comparable = (preview: ExportPreview & { tables: unknown }) => ({
  counts: preview.file.counts,
  tables: preview.tables,
  csv: preview.csv.replace(/^meta,(export_id|sha256),.*$/gm, ''),
});

beforeAll(async () => {
  core = createCore({ dataDirectory: dir.path, clock: () => new Date(2027, 0, 10, 12, 0), log: createLogger(() => undefined), shell: dialogs.shell });
  await ok('vault.create', { passphrase: CANARY.passphrase, function: 'central_confidential_adviser' });
  await ok('team.create', { organisation: 'Team', units: ['Faculteit Rechten'], k: 5 });
  for (const natures of [['intimidation'], ['workload'], ['intimidation', 'bullying']] as const) {
    const { id } = await ok<{ id: number }>('cases.create', caseInput({ natures: [...natures] }));
    await ok('conversations.add', { caseId: id, conversation: conversationInput() });
  }
});
afterAll(() => {
  core.vault.lock();
  dir.remove();
});

describe('follow-ups', () => {
  it('change no count, and are in no export, sealed export or publication', async () => {
    const before = await ok<ExportPreview & { tables: unknown }>('export.preview', YEAR);

    const [first, second] = core.vault.database().prepare('SELECT id FROM cases ORDER BY id').pluck().all() as number[];
    const conversationId = core.vault.database().prepare('SELECT id FROM conversations WHERE case_id = ?').pluck().get(first) as number;
    await ok('followUps.add', { caseId: first, conversationId, dueDate: '2026-11-02', dueTime: '09:30', text: `${FOLLOW_UP_CANARY} terugbellen` });
    const { id: done } = await ok<{ id: number }>('followUps.add', { caseId: second, conversationId: null, dueDate: '2026-06-01', dueTime: null, text: `${FOLLOW_UP_CANARY} verslag` });
    await ok('followUps.complete', { id: done, doneOn: '2026-06-02' });
    addFollowUp(core.vault.database(), { caseId: second!, kind: 'access_request', text: '', dueDate: '2026-07-01' });
    expect(core.vault.database().prepare('SELECT count(*) FROM follow_ups').pluck().get()).toBe(3);

    const after = await ok<ExportPreview & { tables: unknown }>('export.preview', YEAR);
    expect(comparable(after)).toEqual(comparable(before));
    expect(after.json + after.csv).not.toContain('CANARY');

    await ok('export.save', { exportId: after.file.exportId, unsealed: true });
    expect(lastSaved()).toBe(after.json);
    expect(readFileSync(dialogs.saved.at(-1)!.replace(/json$/, 'csv'), 'utf8')).not.toContain('CANARY');

    const again = await ok<ExportPreview>('export.preview', YEAR);
    await ok<{ sealed: boolean }>('export.save', { exportId: again.file.exportId });
    const sealed = lastSaved();
    expect(sealed).not.toContain('CANARY');
    const opened = await openSealedExport(sealed, teamIdentity(core.vault.database())!, (adviserId) => signerOf(core.vault.database(), adviserId));
    expect(opened.payload).toBe(again.json);
    expect(opened.payload).not.toContain(FOLLOW_UP_CANARY);

    expect((await ok<ImportOutcome>('team.import', { content: sealed, replace: [] })).status).toBe('imported');
    const request = { year: 2026, k: 5, grouped: false, language: 'nl', ioa: false } as const;
    const document = await ok<PublicationDocument>('team.document', request);
    expect(JSON.stringify(document)).not.toContain('CANARY');
    await ok('team.savePublication', { ...request, format: 'csv', acceptDifferencing: false });
    expect(lastSaved()).not.toContain('CANARY');
  });
});
