import { cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Result } from '../../shared/errors';
import { createCore } from '../../electron/core/core';
import { createLogger } from '../../electron/core/log';
import { nodeAddonPath } from '../../electron/core/vault/sqliteAddon';
import { CoreClient } from '../../electron/coreProcess/coreClient';
import { CANARY } from '../fixtures/canaries';
import { conversationInput } from '../fixtures/records';
import { forkNodeCore } from '../support/nodeCoreProcess';
import { percentile, round } from './measure';
import { watchStalls } from './shellStall.bench';

const CORE_PROCESS = resolve(__dirname, '../../out/main/coreProcess.js');
const SAVES = 200;
const FORM_SAVES = 50;
const CONTINUOUS_MS = 5_000;
/** Twenty times as often as a window writes one form's draft (at most once a second while typing). */
const CONTINUOUS_EVERY_MS = 50;

export interface DraftFigures {
  /** One draft written through the router as the window asks it (checks, the case looked up, the row, the WAL's fsync). */
  save: { p50Ms: number; p95Ms: number };
  /** A form saved with its draft: the conversation added and the draft removed in one transaction. */
  formSave: { p50Ms: number; p95Ms: number };
  /**
   * A draft save every 50 ms for five seconds with the core in its own process, and main's
   * longest event-loop stall meanwhile; beside it the longest stall over five seconds with no
   * request at all, what the machine itself causes.
   */
  continuous: { saves: number; longestStallMs: number; idleLongestStallMs: number };
}

type Invoke = (channel: string, request: unknown) => Promise<Result<unknown>>;

async function ok<T>(invoke: Invoke, channel: string, request: unknown): Promise<T> {
  const result = await invoke(channel, request);
  if (!result.ok) throw new Error(`${channel} failed with ${result.error.code}`);
  return result.value as T;
}

/** A conversation note of about three thousand characters, as the window keeps it: the form's state and its caret. */
function draftOf(caseId: number, step: number) {
  const notes = `${'Gesprek over de werkdruk en de verhouding met de leidinggevende. '.repeat(45)}${step}`;
  const content = JSON.stringify({ formState: conversationInput({ notes }), caret: { form: 0, field: 0, start: notes.length, end: notes.length, length: notes.length } });
  return { key: `conversation:new:${caseId}`, caseId, view: { name: 'case', id: caseId }, content };
}

/** p50 and p95 of `runs` runs, each returning how long its measured part took. */
async function spread(runs: number, run: (step: number) => Promise<number>): Promise<{ p50Ms: number; p95Ms: number }> {
  const times: number[] = [];
  for (let step = 0; step < runs; step++) times.push(await run(step));
  return { p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)) };
}

async function timeOf(request: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await request();
  return performance.now() - start;
}

/**
 * The cost of keeping drafts on a copy of the benchmark's vault: one draft save and one form save
 * with its draft, in the calling process; then continuous draft saves to the built core process
 * (`out/main/coreProcess.js`, as the shell runs it) while main's event loop is watched.
 */
export async function benchDrafts(folder: string, vaultDirectory: string, conversations: number): Promise<DraftFigures> {
  const copy = (name: string) => {
    const dataDirectory = join(folder, `${name}-${conversations}`);
    cpSync(vaultDirectory, join(dataDirectory, 'vault'), { recursive: true });
    return dataDirectory;
  };

  const core = createCore({ dataDirectory: copy('drafts'), log: createLogger(() => undefined) });
  const invoke: Invoke = (channel, request) => core.router.handle(channel, request);
  let save: DraftFigures['save'];
  let formSave: DraftFigures['formSave'];
  let caseId: number;
  try {
    await ok(invoke, 'vault.unlock', { passphrase: CANARY.passphrase });
    caseId = core.vault.database().prepare('SELECT max(id) FROM cases').pluck().get() as number;
    save = await spread(SAVES, (step) => timeOf(() => ok(invoke, 'drafts.save', draftOf(caseId, step))));
    formSave = await spread(FORM_SAVES, async (step) => {
      await ok(invoke, 'drafts.save', draftOf(caseId, step));
      const request = { draftKey: `conversation:new:${caseId}`, channel: 'conversations.add', request: { caseId, conversation: conversationInput({ notes: `Bench ${step}` }) } };
      return timeOf(() => ok(invoke, 'drafts.saveForm', request));
    });
  } finally {
    core.vault.lock();
  }

  const client = new CoreClient({ fork: () => forkNodeCore(CORE_PROCESS), dataDirectory: copy('drafts-core-process'), nativeBinding: nodeAddonPath(), shell: async () => null });
  try {
    const remote: Invoke = (channel, request) => client.invoke(channel, request);
    await ok(remote, 'vault.unlock', { passphrase: CANARY.passphrase });
    const idle = watchStalls();
    await new Promise((resolveWait) => setTimeout(resolveWait, CONTINUOUS_MS));
    const idleLongestStallMs = round(await idle(), 1);
    const stop = watchStalls();
    const until = performance.now() + CONTINUOUS_MS;
    let saves = 0;
    while (performance.now() < until) {
      const next = performance.now() + CONTINUOUS_EVERY_MS;
      await ok(remote, 'drafts.save', draftOf(caseId, saves++));
      await new Promise((resolveWait) => setTimeout(resolveWait, Math.max(0, next - performance.now())));
    }
    return { save, formSave, continuous: { saves, longestStallMs: round(await stop(), 1), idleLongestStallMs } };
  } finally {
    client.stop();
  }
}
