import { cpSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Result } from '../../shared/errors';
import { createCore } from '../../electron/core/core';
import { createLogger } from '../../electron/core/log';
import { nodeAddonPath } from '../../electron/core/vault/sqliteAddon';
import { CoreClient } from '../../electron/coreProcess/coreClient';
import { CANARY } from '../fixtures/canaries';
import { forkNodeCore } from '../support/nodeCoreProcess';
import { round } from './measure';

const CORE_PROCESS = resolve(__dirname, '../../out/main/coreProcess.js');
const LONG_OPERATIONS = ['backup', 'retentionDestruction', 'keyRotation'] as const;
type LongOperationName = (typeof LONG_OPERATIONS)[number];

export interface StallFigures {
  /** Milliseconds from request to answer, and the longest the calling process's event loop was blocked meanwhile. */
  coreProcess: Record<LongOperationName, { durationMs: number; longestStallMs: number }>;
  /** The same with the core inside the calling process, as the shell ran it before. */
  inProcess: Record<LongOperationName, { durationMs: number; longestStallMs: number }>;
}

type Invoke = (channel: string, request: unknown) => Promise<Result<unknown>>;

async function ok<T>(invoke: Invoke, channel: string, request: unknown): Promise<T> {
  const result = await invoke(channel, request);
  if (!result.ok) throw new Error(`${channel} failed with ${result.error.code}`);
  return result.value as T;
}

const TICK_MS = 5;

/** Starts watching the event loop; the returned stop gives the longest time a 5 ms tick came late. */
export function watchStalls(): () => Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - TICK_MS);
    last = now;
  }, TICK_MS);
  return async () => {
    // One more tick after the answer, so a block that ended with it is counted.
    await new Promise((resolve) => setTimeout(resolve, 4 * TICK_MS));
    clearInterval(timer);
    return Math.max(0, longest);
  };
}

/** Runs each long operation once, measuring how long main's event loop stood still while it ran. */
async function measure(invoke: Invoke): Promise<StallFigures['coreProcess']> {
  await ok(invoke, 'vault.unlock', { passphrase: CANARY.passphrase });
  await ok(invoke, 'settings.update', { retentionYears: 1 });
  await ok(invoke, 'backup.chooseFolder', {});
  const due = await ok<{ id: number }[]>(invoke, 'retention.due', {});
  const runs: Record<LongOperationName, () => Promise<unknown>> = {
    backup: () => ok(invoke, 'backup.now', {}),
    retentionDestruction: () => ok(invoke, 'retention.destroy', { ids: due.slice(0, 100).map((row) => row.id) }),
    keyRotation: () => ok(invoke, 'vault.rotateKey', { passphrase: CANARY.passphrase }),
  };
  const figures = {} as StallFigures['coreProcess'];
  for (const name of LONG_OPERATIONS) {
    const stop = watchStalls();
    const start = performance.now();
    await runs[name]();
    const durationMs = performance.now() - start;
    figures[name] = { durationMs: round(durationMs, 0), longestStallMs: round(await stop(), 1) };
  }
  return figures;
}

/**
 * Backup, retention destruction and key rotation on a copy of the benchmark's vault, once with
 * the core in its own process (the built `out/main/coreProcess.js`, as the shell runs it) and once
 * in the calling process, reporting each operation's duration and the calling process's longest
 * event-loop stall: the time the window, menus and lock triggers would not be served.
 */
export async function benchShellStall(folder: string, vaultDirectory: string, conversations: number): Promise<StallFigures> {
  const copy = (name: string) => {
    const dataDirectory = join(folder, `${name}-${conversations}`);
    mkdirSync(join(dataDirectory, 'backups'), { recursive: true });
    cpSync(vaultDirectory, join(dataDirectory, 'vault'), { recursive: true });
    return dataDirectory;
  };

  const separate = copy('core-process');
  const client = new CoreClient({
    fork: () => forkNodeCore(CORE_PROCESS),
    dataDirectory: separate,
    nativeBinding: nodeAddonPath(),
    shell: async (method) => (method === 'chooseFolder' ? join(separate, 'backups') : null),
  });
  let coreProcess: StallFigures['coreProcess'];
  try {
    coreProcess = await measure((channel, request) => client.invoke(channel, request));
  } finally {
    client.stop();
  }

  const inline = copy('in-process');
  const core = createCore({
    dataDirectory: inline,
    log: createLogger(() => undefined),
    shell: { chooseFolder: async () => join(inline, 'backups'), chooseSavePath: async () => null, renderReport: async () => ({ pdf: Buffer.alloc(0), charts: [] }) },
  });
  try {
    return { coreProcess, inProcess: await measure((channel, request) => core.router.handle(channel, request)) };
  } finally {
    core.vault.lock();
  }
}
