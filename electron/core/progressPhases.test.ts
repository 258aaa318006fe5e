import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportPreview } from '../../shared/contract';
import { OPERATION_PHASES, type LongOperation, type VaultEvent } from '../../shared/events';
import { CANARY } from '../../test/fixtures/canaries';
import { caseInput } from '../../test/fixtures/records';
import { callCore } from '../../test/support/callCore';
import { temporaryDirectory } from '../../test/support/temporaryDirectory';
import { testShell } from '../../test/support/testShell';
import { createCore, type Core } from './core';
import { createLogger } from './log';

/**
 * The window shows where a long operation is from its progress events alone, so each operation
 * must announce every phase OPERATION_PHASES lists, in that order, and then its end once.
 * (Backup is checked the same way through the built shell, electron/shell.contract.test.ts.)
 */
let dir: ReturnType<typeof temporaryDirectory>;
let core: Core;
let dialogs: ReturnType<typeof testShell>;
let events: VaultEvent[];
const cores: Core[] = [];

function open(name: string, fn: string) {
  dialogs = testShell(dir.path);
  core = createCore({ dataDirectory: join(dir.path, name), clock: () => new Date(2027, 0, 10, 12, 0), log: createLogger(() => undefined), shell: dialogs.shell });
  cores.push(core);
  core.events.on((event) => events.push(event));
  return ok('vault.create', { passphrase: CANARY.passphrase, function: fn });
}

beforeEach(async () => {
  dir = temporaryDirectory();
  events = [];
  await open('vault', 'ombudsperson');
});
afterEach(() => {
  for (const opened of cores.splice(0)) opened.vault.lock();
  dir.remove();
});

const { ok } = callCore(() => core);

/** [phase, done] of each progress event of one operation, in the order sent. */
const phasesOf = (operation: LongOperation) =>
  events.filter((event) => event.type === 'progress' && event.operation === operation).map((event) => (event.type === 'progress' ? [event.phase, event.done, event.step, event.steps] : []));

/** Every phase once, numbered 1..n of n, then the last one again marked done. */
function expected(operation: LongOperation) {
  const phases = OPERATION_PHASES[operation];
  return [...phases.map((phase, index) => [phase, false, index + 1, phases.length]), [phases.at(-1), true, phases.length, phases.length]];
}

describe('progress of each long operation, phase by phase', () => {
  it('restore: unlock, verify, copy, done', async () => {
    const folder = join(dir.path, 'backups');
    mkdirSync(folder);
    dialogs.nextFolder(folder);
    await ok('backup.chooseFolder', {});
    await ok('cases.create', caseInput());
    const { name } = await ok<{ name: string }>('backup.now', {});
    events = [];
    dialogs.nextFolder(join(folder, name));
    await ok('backup.restore', { passphrase: CANARY.passphrase });
    expect(phasesOf('restore')).toEqual(expected('restore'));
  });

  it('retention destruction: delete, reindex, rewrite, done', async () => {
    await ok('cases.create', caseInput({ firstContactAt: '2019-03-01T10:00', firstResponseAt: '2019-03-01T12:00', status: 'closed', closedOn: '2019-05-01', outcome: 'resolved' }));
    await ok('settings.update', { retentionYears: 1 });
    const due = await ok<{ id: number }[]>('retention.due', {});
    expect(due).toHaveLength(1);
    await ok('retention.destroy', { ids: due.map((entry) => entry.id) });
    expect(phasesOf('retention')).toEqual(expected('retention'));
  });

  it('key rotation: confirm, rekey, header, done', async () => {
    await ok('cases.create', caseInput());
    await ok('vault.rotateKey', { passphrase: CANARY.passphrase });
    expect(phasesOf('rotation')).toEqual(expected('rotation'));
  });

  it('export and import: count, format, done; check, store, done', async () => {
    await open('adviser', 'central_confidential_adviser');
    await ok('cases.create', caseInput());
    const { file } = await ok<ExportPreview>('export.preview', { period: { from: '2026-01-01', to: '2026-12-31' }, includeUnits: false });
    expect(phasesOf('export')).toEqual(expected('export'));
    await ok('export.save', { exportId: file.exportId, unsealed: true });
    const content = readFileSync(dialogs.saved.at(-1)!, 'utf8');

    await open('team', 'ombudsperson');
    await ok('team.import', { content, replace: [], acceptUnsealed: true });
    expect(phasesOf('import')).toEqual(expected('import'));
  });
});
