import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportPreview } from '../../../shared/contract';
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
const { ok } = callCore(() => core);

beforeEach(() => {
  dir = temporaryDirectory();
  dialogs = testShell(dir.path);
  core = createCore({ dataDirectory: join(dir.path, 'data'), clock: () => new Date(2027, 0, 10, 12, 0), log: createLogger(() => undefined), shell: dialogs.shell, kdfCost: { memoryKiB: 8192, iterations: 1, parallelism: 1 } });
});
afterEach(() => {
  core.vault.lock();
  dir.remove();
});

/** A file someone else left readable by all, where the adviser is about to save. */
function existingReadableByAll(name: string): string {
  const path = join(dir.path, name);
  writeFileSync(path, 'an older file\n');
  chmodSync(path, 0o644);
  return path;
}

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('saving over a file that is already there', () => {
  it('leaves the export’s JSON and the CSV beside it 0600, whatever mode the old files had, and no temporary file behind', async () => {
    const { recoveryKey } = await ok<{ recoveryKey: string }>('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
    await ok('cases.create', caseInput());
    const shown = await ok<ExportPreview>('export.preview', { period: { from: '2026-01-01', to: '2026-12-31' }, includeUnits: false });
    const json = existingReadableByAll('confidant-ombudsperson-2026-01-2026-12.json');
    const csv = existingReadableByAll('confidant-ombudsperson-2026-01-2026-12.csv');
    const sheet = existingReadableByAll('Confidant-herstelblad.pdf');

    await ok('export.save', { exportId: shown.file.exportId, unsealed: true });
    await ok('vault.saveRecoverySheet', { recoveryKey });

    expect(readFileSync(json, 'utf8')).toBe(shown.json);
    expect(readFileSync(csv, 'utf8')).toBe(shown.csv);
    expect(readFileSync(sheet).subarray(0, 5).toString()).toBe('%PDF-');
    expect({ json: modeOf(json), csv: modeOf(csv), sheet: modeOf(sheet) }).toEqual({ json: 0o600, csv: 0o600, sheet: 0o600 });
    expect(readdirSync(dir.path).sort()).toEqual([csv, json, sheet].map((path) => path.slice(dir.path.length + 1)).concat('data').sort());
  });
});
