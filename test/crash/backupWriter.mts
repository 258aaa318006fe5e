/**
 * A child process that backs up as fast as it can and prints "ack <name>" once each backup is
 * reported made. `manual`: backup.now after backup.now. `atLock`: lock (the copy follows the
 * lock), wait for the copy, unlock (which verifies it), again. The test kills it with SIGKILL.
 */
import { createCore } from '../../electron/core/core';
import { createLogger } from '../../electron/core/log';
import { CANARY } from '../fixtures/canaries';
import { caseInput, conversationInput } from '../fixtures/records';

const [dataDirectory, backupFolder, mode] = process.argv.slice(2);
if (!dataDirectory || !backupFolder || (mode !== 'manual' && mode !== 'atLock')) throw new Error('usage: backupWriter <data directory> <backup folder> manual|atLock');

const core = createCore({
  dataDirectory,
  log: createLogger(() => undefined),
  kdfCost: { memoryKiB: 8192, iterations: 1, parallelism: 1 },
  shell: { chooseFolder: async () => backupFolder, chooseSavePath: async () => null, renderReport: async () => Promise.reject(new Error('no window')) },
});
async function call<T>(channel: string, request: unknown): Promise<T> {
  const result = await core.router.handle(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
  return result.value as T;
}

const { exists } = await call<{ exists: boolean }>('vault.status', {});
if (exists) await call('vault.unlock', { passphrase: CANARY.passphrase });
else {
  await call('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
  // Enough pages that a backup takes a while, so kills land inside it.
  for (let n = 0; n < 300; n++) {
    const { id } = await call<{ id: number }>('cases.create', caseInput({ label: `backup ${n}` }));
    await call('conversations.add', { caseId: id, conversation: conversationInput({ notes: `${CANARY.noteWord} ${'gesprek '.repeat(200)}` }) });
  }
  await call('backup.chooseFolder', {});
  await call('settings.update', { keepBackups: 3, autoBackupOnLock: mode === 'atLock' });
}
process.stdout.write('ready\n');

for (;;) {
  if (mode === 'manual') {
    const { name } = await call<{ name: string }>('backup.now', {});
    process.stdout.write(`ack ${name}\n`);
  } else {
    await call('vault.lock', {});
    await new Promise((resolve) => setImmediate(resolve));
    await core.vault.whileLocked(() => undefined);
    await call('vault.unlock', { passphrase: CANARY.passphrase });
    process.stdout.write('ack\n');
  }
}
