import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { createLogger } from '../../electron/core/log';
import { CANARY, containsBytes } from '../fixtures/canaries';
import { temporaryDirectory } from '../support/temporaryDirectory';
import { draftPromisesBroken, readSaid } from './draftSteps';

const KILLS = 12;
const WRITER = resolve(__dirname, 'draftWriter.mts');
const folder = temporaryDirectory();
afterAll(() => folder.remove());

/** Every file under a folder, with its bytes. */
function filesUnder(root: string): { path: string; bytes: Buffer }[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((name) => join(root, name))
    .filter((path) => statSync(path, { throwIfNoEntry: false })?.isFile())
    .map((path) => ({ path, bytes: readFileSync(path) }));
}

/** Starts the draft writer with its own temp folder, lets it acknowledge some steps, then kills it mid-stride. */
function runAndKill(dataDirectory: string, temp: string, acksBeforeKill: number, extraMs: number): Promise<string[]> {
  return new Promise((resolvePromise, reject) => {
    // Its own temp folder, searched afterwards.
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDirectory], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TMPDIR: temp, SQLITE_TMPDIR: temp },
    });
    const said: string[] = [];
    let buffer = '';
    let errors = '';
    let killing = false;
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      said.push(...lines);
      if (!killing && said.filter((line) => line.startsWith('ack ')).length >= acksBeforeKill) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), extraMs);
      }
    });
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`draft writer ended without being killed: ${errors.slice(0, 500)}`));
      else resolvePromise(said);
    });
  });
}

describe('drafts through a killed core', () => {
  it(`keep the last acknowledged draft, and never bring a saved note back as a draft, through ${KILLS} SIGKILLs`, async () => {
    const dataDirectory = join(folder.path, 'data');
    const temp = join(folder.path, 'tmp');
    mkdirSync(temp);
    let seed = 20261124;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let steps = 0;
    for (let run = 0; run < KILLS; run++) {
      const said = await runAndKill(dataDirectory, temp, 1 + Math.floor(random() * 30), Math.floor(random() * 15));
      const { caseId, lastAcked } = readSaid(said);
      steps += lastAcked + 1;

      // As the kill left them (database, WAL, its index, temp files): the typed canary is inside the cipher only.
      // tsx's cache of compiled test sources (canaries.ts among them) is the one thing there not written by the app.
      const tempFiles = filesUnder(temp).filter(({ path }) => !path.startsWith(join(temp, 'tsx-')));
      for (const { path, bytes } of [...filesUnder(dataDirectory), ...tempFiles]) expect(containsBytes(bytes, CANARY.noteWord), path).toBe(false);

      const core = createCore({ dataDirectory, log: createLogger(() => undefined) });
      expect(await core.router.handle('vault.unlock', { passphrase: CANARY.passphrase })).toEqual({ ok: true, value: {} });
      const db = core.vault.database();
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(draftPromisesBroken(db, caseId!, lastAcked), `run ${run}`).toEqual([]);
      core.vault.lock();
    }
    expect(steps).toBeGreaterThan(KILLS * 2);
  });
});
