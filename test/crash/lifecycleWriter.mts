/**
 * A child process that goes once through every operation after which the app promises something
 * of files other than the database: creating the vault, settings, an export (with the record beside
 * the vault), a passphrase change (the header), a backup, a restore and the backup copied at a lock,
 * with cases written between them. Before each step it prints `begin <step>`, and `ack <step>` once
 * the app reported success. It ends by killing itself, as a power cut would end it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportPreview } from '../../shared/contract';
import { createCore } from '../../electron/core/core';
import { createLogger } from '../../electron/core/log';
import { caseInput, conversationInput } from '../fixtures/records';
import { CHEAP_KDF, lifecyclePaths, PASSPHRASES, type Step } from './lifecycleSteps';

const [root] = process.argv.slice(2);
if (!root) throw new Error('usage: lifecycleWriter <folder holding data, backups and saved>');
const paths = lifecyclePaths(root);
let restoreFrom: string | null = null;

const core = createCore({
  dataDirectory: paths.data,
  log: createLogger(() => undefined),
  kdfCost: CHEAP_KDF,
  shell: {
    chooseFolder: async (purpose) => (purpose === 'restoreFrom' ? restoreFrom : paths.backups),
    chooseSavePath: async (name) => join(paths.saved, name),
    renderReport: async () => Promise.reject(new Error('no window')),
  },
});
async function call<T>(channel: string, request: unknown): Promise<T> {
  const result = await core.router.handle(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
  return result.value as T;
}
async function step(begun: Step, run: () => Promise<Partial<Step> | void>): Promise<void> {
  process.stdout.write(`begin ${JSON.stringify(begun)}\n`);
  const outcome = await run();
  process.stdout.write(`ack ${JSON.stringify({ ...begun, ...outcome })}\n`);
}
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const backupNames = () => new Set(readdirSync(paths.backups).filter((name) => name.startsWith('confidant-backup-')));

let cases = 0;
async function writeCase(): Promise<void> {
  const label = `life ${cases++}`;
  await step({ step: 'case', label }, async () => {
    const { id } = await call<{ id: number }>('cases.create', caseInput({ label }));
    await call('conversations.add', { caseId: id, conversation: conversationInput() });
  });
}

await step({ step: 'create' }, async () => void (await call('vault.create', { passphrase: PASSPHRASES.first, function: 'ombudsperson' })));
await step({ step: 'backupFolder' }, async () => void (await call('backup.chooseFolder', {})));
await step({ step: 'autoBackup' }, async () => void (await call('settings.update', { autoBackupOnLock: true })));
for (let n = 0; n < 3; n++) await writeCase();
await step({ step: 'export' }, async () => {
  const lastYear = new Date().getFullYear() - 1;
  const shown = await call<ExportPreview>('export.preview', { period: { from: `${lastYear}-01-01`, to: `${lastYear}-12-31` }, includeUnits: false });
  const { fileName } = await call<{ fileName: string }>('export.save', { exportId: shown.file.exportId, unsealed: true });
  const json = join(paths.saved, fileName);
  return { json, jsonSha: sha(json), csvSha: sha(json.replace(/\.json$/, '.csv')) };
});
await step({ step: 'passphrase', next: PASSPHRASES.second }, async () => void (await call('vault.changePassphrase', { current: PASSPHRASES.first, next: PASSPHRASES.second })));
let backup = '';
await step({ step: 'backup' }, async () => {
  ({ name: backup } = await call<{ name: string }>('backup.now', {}));
  return { name: backup };
});
for (let n = 0; n < 2; n++) await writeCase();
restoreFrom = join(paths.backups, backup);
await step({ step: 'restore', name: backup }, async () => void (await call('backup.restore', { passphrase: PASSPHRASES.second })));
for (let n = 0; n < 2; n++) await writeCase();
await step({ step: 'lockBackup' }, async () => {
  const before = backupNames();
  await call('vault.lock', {});
  await new Promise((resolve) => setImmediate(resolve));
  await core.vault.whileLocked(() => undefined);
  await call('vault.unlock', { passphrase: PASSPHRASES.second });
  return { name: [...backupNames()].find((name) => !before.has(name) && !name.endsWith('-replaced')) };
});
// Under strace the test cannot kill the writer itself (only strace): it stops the way a power cut stops it.
process.kill(process.pid, 'SIGKILL');
