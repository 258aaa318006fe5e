/**
 * A child process that writes cases as fast as it can and prints "ack <id>" after each write has
 * committed. The crash test kills it with SIGKILL at a random moment.
 */
import { createCore } from '../../electron/core/core';
import { createLogger } from '../../electron/core/log';
import { CANARY } from '../fixtures/canaries';
import { caseInput, conversationInput } from '../fixtures/records';
import { expectedNotes } from './writerNotes';

const [dataDirectory, stopAfter] = process.argv.slice(2);
if (!dataDirectory) throw new Error('usage: writer <data directory> [acknowledgements before it kills itself]');

const core = createCore({ dataDirectory, log: createLogger(() => undefined) });
const status = await core.router.handle('vault.status', {});
const opened = status.ok && (status.value as { exists: boolean }).exists
  ? await core.router.handle('vault.unlock', { passphrase: CANARY.passphrase })
  : await core.router.handle('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
if (!opened.ok) throw new Error(`could not open: ${opened.error.code}`);
process.stdout.write('ready\n');

for (let n = 0; ; n++) {
  const created = await core.router.handle('cases.create', caseInput({ label: `crash ${n}` }));
  if (!created.ok) throw new Error(created.error.code);
  const id = (created.value as { id: number }).id;
  const added = await core.router.handle('conversations.add', { caseId: id, conversation: conversationInput({ notes: expectedNotes(n) }) });
  if (!added.ok) throw new Error(added.error.code);
  process.stdout.write(`ack ${id}\n`);
  // Under strace the test cannot kill the writer itself (only strace): it stops the same way.
  if (stopAfter && n + 1 >= Number(stopAfter)) process.kill(process.pid, 'SIGKILL');
}
