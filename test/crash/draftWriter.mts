/**
 * A child process that keeps one form's draft as an adviser's typing does, as fast as the vault
 * takes it, and saves the form with its draft at every fifth step. It prints "case <id>" once and
 * "ack draft <n>" or "ack saved <n>" after each step was answered. The crash tests kill it.
 */
import { createCore } from '../../electron/core/core';
import { createLogger } from '../../electron/core/log';
import { CANARY } from '../fixtures/canaries';
import { caseInput, conversationInput } from '../fixtures/records';
import { draftKey, draftNote, isSaveStep } from './draftSteps';

const [dataDirectory, stopAfter] = process.argv.slice(2);
if (!dataDirectory) throw new Error('usage: draftWriter <data directory> [acknowledgements before it kills itself]');

const core = createCore({ dataDirectory, log: createLogger(() => undefined) });
async function call(channel: string, request: unknown): Promise<unknown> {
  const result = await core.router.handle(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
  return result.value;
}

const status = (await call('vault.status', {})) as { exists: boolean };
await call(status.exists ? 'vault.unlock' : 'vault.create', status.exists ? { passphrase: CANARY.passphrase } : { passphrase: CANARY.passphrase, function: 'ombudsperson' });
const { id: caseId } = (await call('cases.create', caseInput())) as { id: number };
process.stdout.write(`case ${caseId}\n`);

for (let n = 0; ; n++) {
  if (isSaveStep(n)) {
    await call('drafts.saveForm', { draftKey: draftKey(caseId), channel: 'conversations.add', request: { caseId, conversation: conversationInput({ notes: draftNote(n) }) } });
    process.stdout.write(`ack saved ${n}\n`);
  } else {
    await call('drafts.save', { key: draftKey(caseId), caseId, view: { name: 'case', id: caseId }, content: draftNote(n) });
    process.stdout.write(`ack draft ${n}\n`);
  }
  // Under strace the test cannot kill the writer itself (only strace): it stops the same way.
  if (stopAfter && n + 1 >= Number(stopAfter)) process.kill(process.pid, 'SIGKILL');
}
