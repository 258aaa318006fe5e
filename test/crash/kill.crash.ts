import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { createLogger } from '../../electron/core/log';
import { CANARY } from '../fixtures/canaries';
import { temporaryDirectory } from '../support/temporaryDirectory';
import { expectedNotes } from './writerNotes';

const KILLS = 50;
const WRITER = resolve(__dirname, 'writer.mts');
const folder = temporaryDirectory();
afterAll(() => folder.remove());

/** Starts the writer, lets it acknowledge a random number of writes, then kills it mid-stride. */
function runAndKill(dataDirectory: string, acksBeforeKill: number, extraMs: number): Promise<number[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDirectory], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: number[] = [];
    let buffer = '';
    let errors = '';
    let killing = false;
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) if (line.startsWith('ack ')) acked.push(Number(line.slice(4)));
      if (!killing && acked.length >= acksBeforeKill) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), extraMs);
      }
    });
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer ended without being killed: ${errors.slice(0, 500)}`));
      else resolvePromise(acked);
    });
  });
}

describe('crash safety', () => {
  it(`survives ${KILLS} SIGKILLs of a writer at random moments with every acknowledged write intact`, async () => {
    const dataDirectory = join(folder.path, 'data');
    const allAcked: number[] = [];
    let seed = 20261123;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let run = 0; run < KILLS; run++) {
      const acked = await runAndKill(dataDirectory, 1 + Math.floor(random() * 20), Math.floor(random() * 15));
      allAcked.push(...acked);

      const core = createCore({ dataDirectory, log: createLogger(() => undefined) });
      const unlocked = await core.router.handle('vault.unlock', { passphrase: CANARY.passphrase });
      expect(unlocked).toEqual({ ok: true, value: {} });
      const db = core.vault.database();
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = db.prepare('SELECT c.id, c.label, v.notes FROM cases c JOIN conversations v ON v.case_id = c.id').all() as { id: number; label: string; notes: string }[];
      const present = new Map(rows.map((row) => [row.id, row]));
      expect(allAcked.filter((id) => !present.has(id))).toEqual([]);
      // Not only there: each acknowledged write holds exactly what was written.
      for (const id of allAcked) expect(present.get(id)!.notes).toBe(expectedNotes(Number(present.get(id)!.label.slice('crash '.length))));
      core.vault.lock();
    }
    expect(allAcked.length).toBeGreaterThan(KILLS);
    mkdirSync(resolve(__dirname, '../../test-results'), { recursive: true });
    writeFileSync(resolve(__dirname, '../../test-results/crash.json'), JSON.stringify({ kills: KILLS, acknowledgedWrites: allAcked.length, lost: 0 }));
  });
});
