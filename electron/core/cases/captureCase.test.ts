import { describe, expect, it } from 'vitest';
import { conversationInput } from '../../../test/fixtures/records';
import { callCore } from '../../../test/support/callCore';
import { openVaultPerTest } from '../../../test/support/openVaultPerTest';

const now = new Date(2026, 10, 23, 12, 0);
const openCore = openVaultPerTest('central_confidential_adviser', now);

const { codeOf } = callCore(openCore);
const rowCount = (table: string) => openCore().vault.database().prepare(`SELECT count(*) FROM ${table}`).pluck().get();

describe('cases.capture', () => {
  it('refuses a capture without a label, with a bad or future conversation, or with extra fields, and stores nothing', async () => {
    const bad: unknown[] = [
      { label: '', conversation: conversationInput() },
      { label: '   ', conversation: conversationInput() },
      { label: 'x'.repeat(10_000), conversation: conversationInput() },
      { label: 'Label' },
      { label: 'Label', conversation: conversationInput({ notes: '\u0000' }) },
      { label: 'Label', conversation: conversationInput(), intakeRoute: 'direct' },
      { label: 'Label', conversation: conversationInput({ heldAt: '2026-11-24T09:00' }) },
    ];
    for (const payload of bad) expect(await codeOf('cases.capture', payload)).toBe('INVALID_INPUT');
    for (const table of ['cases', 'conversations', 'case_numbers']) expect(rowCount(table)).toBe(0);
  });
});
