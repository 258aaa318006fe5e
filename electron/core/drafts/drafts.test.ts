import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANARY, containsBytes } from '../../../test/fixtures/canaries';
import { caseInput } from '../../../test/fixtures/records';
import { callCore } from '../../../test/support/callCore';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import type { Draft, ExportPreview } from '../../../shared/contract';
import { createCore, type Core } from '../core';
import { createLogger } from '../log';

let dir: ReturnType<typeof temporaryDirectory>;
let core: Core;
const now = new Date(2026, 10, 23, 12, 0);
const { ok, codeOf } = callCore(() => core);

beforeEach(async () => {
  dir = temporaryDirectory();
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
const rows = (table: string) => core.vault.database().prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const year = { period: { from: '2026-01-01', to: '2026-10-31' }, includeUnits: false };

describe('drafts kept at a lock', () => {
  it('survive a lock encrypted, and are handed back once after the unlock', async () => {
    const { id } = await ok<{ id: number }>('cases.create', caseInput());
    await ok('drafts.save', noteDraft(id));
    core.vault.lock();
    const files = readdirSync(join(dir.path, 'vault')).map((name) => readFileSync(join(dir.path, 'vault', name)));
    for (const bytes of files) expect(containsBytes(bytes, CANARY.noteWord)).toBe(false);

    await ok('vault.unlock', { passphrase: CANARY.passphrase });
    expect(await ok<Draft[]>('drafts.take', {})).toEqual([{ ...noteDraft(id), savedAt: now.toISOString() }]);
    expect(await ok('drafts.take', {})).toEqual([]);
    expect(rows('drafts')).toBe(0);
  });

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
    expect(await codeOf('drafts.take', {})).toBe('VAULT_LOCKED');
  });
});
