import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseRecord, CaseSummary, DueCase } from '../../../shared/contract';
import { CANARY } from '../../../test/fixtures/canaries';
import { caseInput } from '../../../test/fixtures/records';
import { callCore } from '../../../test/support/callCore';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import { testShell } from '../../../test/support/testShell';
import { createCore, type Core } from '../core';
import { createLogger } from '../log';

let dir: ReturnType<typeof temporaryDirectory>;
let dialogs: ReturnType<typeof testShell>;
let core: Core;
let now: Date;
const { ok } = callCore(() => core);

beforeEach(async () => {
  dir = temporaryDirectory();
  now = new Date(2026, 10, 23, 12, 0);
  dialogs = testShell(dir.path);
  core = createCore({ dataDirectory: join(dir.path, 'data'), clock: () => now, log: createLogger(() => undefined), shell: dialogs.shell });
  await ok('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
});
afterEach(() => {
  core.vault.lock();
  dir.remove();
});

const create = async () => (await ok<{ id: number }>('cases.create', caseInput())).id;
const numberOf = async (id: number) => (await ok<CaseRecord>('cases.get', { id })).number;
const search = async (text: string) =>
  (
    await ok<{ rows: CaseSummary[] }>('cases.list', {
      filter: { status: null, year: null, nature: null, intakeRoute: null, openWithoutResponse: false, search: text },
      sort: 'number_asc',
      offset: 0,
      limit: 50,
    })
  ).rows.map((row) => row.number);

describe('case numbers', () => {
  it('are year and sequence, and never come back after a delete or a destruction', async () => {
    const first = await create();
    const second = await create();
    expect([await numberOf(first), await numberOf(second)]).toEqual(['2026-001', '2026-002']);
    await ok('cases.delete', { id: second });
    expect(await numberOf(await create())).toBe('2026-003');

    await ok('cases.update', { id: first, record: caseInput({ status: 'closed', closedOn: '2026-04-10', outcome: 'resolved' }) });
    await ok('settings.update', { retentionYears: 0 });
    const due = await ok<DueCase[]>('retention.due', {});
    expect(due.map((entry) => entry.number)).toEqual(['2026-001']);
    await ok('retention.destroy', { ids: [first] });
    expect(await numberOf(await create())).toBe('2026-004');

    now = new Date(2027, 0, 2, 9, 0);
    expect(await numberOf(await create())).toBe('2027-001');
  });

  it('stay issued when an older backup is restored, with the vault open or locked', async () => {
    const folder = join(dir.path, 'backups');
    mkdirSync(folder);
    dialogs.nextFolder(folder);
    await ok('backup.chooseFolder', {});
    await create();
    const { name } = await ok<{ name: string }>('backup.now', {});
    await create();
    await create();

    now = new Date(now.getTime() + 600_000);
    dialogs.nextFolder(join(folder, name));
    await ok('backup.restore', { passphrase: CANARY.passphrase });
    expect(await numberOf(await create())).toBe('2026-004');

    // Locked: the record beside the vault, not the database, says what was issued.
    const { name: second } = await ok<{ name: string }>('backup.now', {});
    await create();
    core.vault.lock();
    now = new Date(now.getTime() + 600_000);
    dialogs.nextFolder(join(folder, second));
    await ok('backup.restore', { passphrase: CANARY.passphrase });
    expect(await numberOf(await create())).toBe('2026-006');
  });

  it('are found by the number as written, short or in full', async () => {
    for (let index = 0; index < 12; index++) await create();
    expect(await search('2026-012')).toEqual(['2026-012']);
    expect(await search('2026-12')).toEqual(['2026-012']);
    expect(await search('12')).toEqual(['2026-012']);
    expect(await search('2025-012')).toEqual([]);
  });
});
