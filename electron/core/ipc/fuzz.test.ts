import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHANNELS, contract } from '../../../shared/contract';
import { ERROR_CODES } from '../../../shared/errors';
import { CANARY } from '../../../test/fixtures/canaries';
import { caseInput, conversationInput, mediationInput } from '../../../test/fixtures/records';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import { createCore, type Core } from '../core';
import { createLogger } from '../log';

const PAYLOADS_PER_CHANNEL = 1000;
let dir: ReturnType<typeof temporaryDirectory>;
let core: Core;

beforeAll(async () => {
  dir = temporaryDirectory();
  core = createCore({ dataDirectory: dir.path, log: createLogger(() => undefined) });
  await core.router.handle('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
  const created = await core.router.handle('cases.create', caseInput());
  const caseId = created.ok ? (created.value as { id: number }).id : 0;
  await core.router.handle('conversations.add', { caseId, conversation: conversationInput() });
  await core.router.handle('mediation.save', { caseId, mediation: mediationInput() });
});
afterAll(() => {
  core.vault.lock();
  dir.remove();
});

function snapshot(): Record<string, string> {
  core.vault.database().pragma('wal_checkpoint(TRUNCATE)');
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      // The -shm file is SQLite's shared-memory WAL index: its counters move on every checkpoint and it holds no data.
      else if (!entry.name.endsWith('-shm')) files[path] = readFileSync(path).toString('base64');
    }
  };
  walk(dir.path);
  return files;
}

/** Shapes close to real requests, with a field replaced or added, besides arbitrary values. */
const nearMisses = fc.oneof(
  fc.anything({ withNullPrototype: true, withBigInt: false, maxDepth: 3 }),
  fc.dictionary(fc.constantFrom('id', 'caseId', 'passphrase', 'filter', 'k', 'period', 'content', 'exportId', '__proto__', 'constructor', 'path'), fc.anything({ maxDepth: 2 })),
  fc.constantFrom(null, undefined, 0, -1, '', 'x'.repeat(3_000_000), [], [{}], { id: -1 }, { id: 1.5 }, { id: Number.MAX_VALUE }, { k: 2 }, { ids: [] }),
  fc.string().map((firstContactAt) => ({ ...caseInput(), firstContactAt })),
  fc.integer().map((caseId) => ({ caseId, conversation: { ...conversationInput(), notes: '\u0000' } })),
);

describe('every IPC channel, fuzzed', () => {
  it(`answers ${PAYLOADS_PER_CHANNEL} malformed payloads per channel with a typed error and changes nothing`, async () => {
    const before = snapshot();
    let tried = 0;
    for (const channel of CHANNELS) {
      const schema = contract[channel].request as z.ZodType;
      const payloads = fc.sample(nearMisses, { numRuns: PAYLOADS_PER_CHANNEL * 2, seed: channel.length * 7919 }).filter((payload) => !schema.safeParse(payload).success);
      expect(payloads.length, channel).toBeGreaterThanOrEqual(PAYLOADS_PER_CHANNEL);
      for (const payload of payloads.slice(0, PAYLOADS_PER_CHANNEL)) {
        const result = await core.router.handle(channel, payload);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(ERROR_CODES).toContain(result.error.code);
        tried++;
      }
    }
    for (const channel of fc.sample(fc.string({ maxLength: 40 }), 1000)) {
      const result = await core.router.handle(channel, {});
      if (!(CHANNELS as string[]).includes(channel)) expect(result).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
    expect(core.vault.status().unlocked).toBe(true);
    expect(snapshot()).toEqual(before);
    mkdirSync(resolve(__dirname, '../../../test-results'), { recursive: true });
    writeFileSync(resolve(__dirname, '../../../test-results/fuzz.json'), JSON.stringify({ channels: CHANNELS.length, payloads: tried }));
    // A thousand payloads take about a third of a second per channel on the 2-core build machine; the time grows with the contract.
  }, CHANNELS.length * 1_000);

  it('takes no path from the renderer: no request names a file, folder or path', () => {
    for (const channel of CHANNELS) {
      const jsonSchema = JSON.stringify(z.toJSONSchema(contract[channel].request as z.ZodType, { unrepresentable: 'any' }));
      expect(jsonSchema, channel).not.toMatch(/"(path|file|fileName|folder|directory|dir|filePath)"\s*:/i);
    }
  });
});
