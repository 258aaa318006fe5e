import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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

  it('fails on a new finding in a file that already has excepted ones: exceptions name one occurrence each', async () => {
    const checkout = mkdtempSync(join(tmpdir(), 'electronegativity-planted-'));
    try {
      cpSync(resolve(__dirname, '../electron'), join(checkout, 'electron'), { recursive: true });
      cpSync(resolve(__dirname, '../renderer/index.html'), join(checkout, 'renderer/index.html'));
      appendFileSync(
        join(checkout, 'electron/main.ts'),
        '\nexport const planted = () => new BrowserWindow({ webPreferences: { contextIsolation: false, nodeIntegration: true, sandbox: false } });\n',
      );
      const gate = run(process.execPath, [SCRIPT, '--root', checkout], { cwd: resolve(__dirname, '..') });
      await expect(gate).rejects.toMatchObject({ code: 1, stdout: expect.stringMatching(/unexplained HIGH: CONTEXT_ISOLATION_JS_CHECK electron\/main\.ts:\d+:\d+ export const planted/) });
    } finally {
      rmSync(checkout, { recursive: true, force: true });
    }
  }, 120_000);
});
