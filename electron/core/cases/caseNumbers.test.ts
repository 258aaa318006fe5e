import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseListRequest } from '../../../shared/contract';
import { CANARY } from '../../../test/fixtures/canaries';
import { caseInput } from '../../../test/fixtures/records';
import { callCore } from '../../../test/support/callCore';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import { testShell } from '../../../test/support/testShell';
import { createCore, type Core } from '../core';
import { createLogger } from '../log';

let dir: ReturnType<typeof temporaryDirectory>;
let core: Core;
let dialogs: ReturnType<typeof testShell>;
let now: Date;

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

const { ok } = callCore(() => core);
const noFilter: CaseListRequest['filter'] = { status: null, year: null, nature: null, intakeRoute: null, openWithoutResponse: false, search: '' };
const create = async (overrides = {}) => (await ok<{ id: number }>('cases.create', caseInput(overrides))).id;
const numberOf = async (id: number) => (await ok<{ number: string }>('cases.get', { id })).number;
async function listed(search = '', sort: CaseListRequest['sort'] = 'number_asc') {
  const { rows } = await ok<{ rows: { number: string }[] }>('cases.list', { filter: { ...noFilter, search }, sort, offset: 0, limit: 100 });
  return rows.map((row) => row.number);
}

describe('case numbers', () => {
  it('count up within the year of creation, and start again at 1 in a new year', async () => {
    const ids = [await create(), await create(), await create()];
    expect(await Promise.all(ids.map(numberOf))).toEqual(['2026-001', '2026-002', '2026-003']);
    now = new Date(2027, 0, 2, 9, 0);
    expect(await numberOf(await create())).toBe('2027-001');
    expect(await listed('', 'number_desc')).toEqual(['2027-001', '2026-003', '2026-002', '2026-001']);
    expect(await listed('', 'number_asc')).toEqual(['2026-001', '2026-002', '2026-003', '2027-001']);
  });

  it('are never issued again after the last case is deleted', async () => {
    await create();
    const last = await create();
    await ok('cases.delete', { id: last });
    const next = await create();
    // SQLite gives the deleted id out again; the number must not follow it.
    expect(next).toBe(last);
    expect(await numberOf(next)).toBe('2026-003');
  });

  it('are never issued again after retention destroyed the case', async () => {
    await create();
    const old = await create({ firstContactAt: '2019-03-01T10:00', firstResponseAt: '2019-03-01T12:00', status: 'closed', closedOn: '2019-05-01', outcome: 'resolved' });
    expect((await ok<{ number: string }[]>('retention.due', {})).map((entry) => entry.number)).toEqual(['2026-002']);
    await ok('retention.destroy', { ids: [old] });
    expect(await numberOf(await create())).toBe('2026-003');
  });

  it('are never issued again after an older backup is restored', async () => {
    const folder = join(dir.path, 'backups');
    mkdirSync(folder);
    dialogs.nextFolder(folder);
    await ok('backup.chooseFolder', {});
    await create();
    const { name } = await ok<{ name: string }>('backup.now', {});
    const issued = [await numberOf(await create()), await numberOf(await create())];
    expect(issued).toEqual(['2026-002', '2026-003']);

    now = new Date(now.getTime() + 60_000);
    dialogs.nextFolder(join(folder, name));
    expect(await ok('backup.restore', { passphrase: CANARY.passphrase })).toMatchObject({ cases: 1 });
    expect(await listed()).toEqual(['2026-001']);
    expect(await numberOf(await create())).toBe('2026-004');

    // Restored again, now with the vault locked and only the records beside the files to go by.
    core.vault.lock();
    dialogs.nextFolder(join(folder, name));
    expect(await ok('backup.restore', { passphrase: CANARY.passphrase })).toMatchObject({ cases: 1 });
    expect(await numberOf(await create())).toBe('2026-005');
  });

  it('are found when typed as 2026-014, 2026-14 or 14', async () => {
    for (let i = 0; i < 14; i++) await create({ label: `zaak ${i}` });
    expect(await listed('2026-014')).toEqual(['2026-014']);
    expect(await listed('2026-14')).toEqual(['2026-014']);
    expect(await listed(' 14 ')).toEqual(['2026-014']);
    expect(await listed('2025-014')).toEqual([]);
    // Text still matches as before: "zaak 1" is in the labels of 2026-002 and 2026-011 … 2026-014.
    expect(await listed('zaak 1')).toEqual(['2026-002', '2026-011', '2026-012', '2026-013', '2026-014']);
  });
});
