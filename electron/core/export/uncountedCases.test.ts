import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseInput, ExportPreview } from '../../../shared/contract';
import { CANARY } from '../../../test/fixtures/canaries';
import { caseInput, conversationInput } from '../../../test/fixtures/records';
import { callCore } from '../../../test/support/callCore';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import { testShell } from '../../../test/support/testShell';
import { createCore, type Core } from '../core';
import { createLogger } from '../log';

/**
 * The export screen's lists of cases it does not count (consent not asked yet, statistics
 * incomplete) name every case whose work of the period is left out: also one opened in an
 * earlier year whose talks fall in this one.
 */
let dir: ReturnType<typeof temporaryDirectory>;
let core: Core;
const { ok } = callCore(() => core);
const now = new Date(2027, 0, 10, 12, 0);

beforeEach(async () => {
  dir = temporaryDirectory();
  core = createCore({ dataDirectory: dir.path, clock: () => now, log: createLogger(() => undefined), shell: testShell(dir.path).shell });
  await ok('vault.create', { passphrase: CANARY.passphrase, function: 'central_confidential_adviser' });
});
afterEach(() => {
  core.vault.lock();
  dir.remove();
});

const unasked = (label: string, day: string): CaseInput =>
  caseInput({ label, firstContactAt: `${day}T09:00`, firstResponseAt: `${day}T10:00`, consents: [] });
const exported = (y: number) => ok<ExportPreview>('export.preview', { period: { from: `${y}-01-01`, to: `${y}-12-31` }, includeUnits: false });

describe('the cases an export leaves out', () => {
  it('lists a case opened in December whose January talks the next year’s export leaves out, and not a quiet one', async () => {
    const talked = await ok<{ id: number }>('cases.create', unasked('Overloop december', '2025-12-15'));
    await ok('cases.create', unasked('Stil sinds december', '2025-12-16'));
    await ok('conversations.add', { caseId: talked.id, conversation: conversationInput({ heldAt: '2026-01-12T10:00' }) });
    const captured = await ok<{ id: number }>('cases.capture', { label: 'Vastgelegd in december', conversation: conversationInput({ heldAt: '2025-12-20T10:00' }) });
    await ok('conversations.add', { caseId: captured.id, conversation: conversationInput({ heldAt: '2026-02-02T10:00' }) });

    const next = await exported(2026);
    expect(next.notAskedYet.map((entry) => entry.label)).toEqual(['Overloop december']);
    expect(next.incomplete.map((entry) => entry.label)).toEqual(['Vastgelegd in december']);
    expect(next.file.counts.conversations).toBe(0);
    const first = await exported(2025);
    expect(first.notAskedYet.map((entry) => entry.label)).toEqual(['Overloop december', 'Stil sinds december']);
  });
});
