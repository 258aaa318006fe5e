import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SCRIPT = resolve(__dirname, 'electronegativity.mjs');
const RUNS = 20;

async function findings(): Promise<string> {
  const { stdout } = await run(process.execPath, [SCRIPT, '--findings'], { cwd: resolve(__dirname, '..') });
  return stdout.split('\n').find((line) => line.startsWith('['))!;
}

describe('the Electronegativity gate', () => {
  it(`reports the same findings on each of ${RUNS} runs`, async () => {
    const results: string[] = [];
    // Four at a time: the runs are independent processes, as the gate runs in CI.
    for (let batch = 0; batch < RUNS / 4; batch++) results.push(...(await Promise.all([findings(), findings(), findings(), findings()])));
    expect(JSON.parse(results[0]!).length).toBeGreaterThan(0);
    expect(new Set(results).size).toBe(1);
  }, 300_000);
});
