import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { createLogger } from '../../electron/core/log';
import { openEncryptedDatabase } from '../../electron/core/vault/database';
import { CANARY } from '../fixtures/canaries';
import { temporaryDirectory } from '../support/temporaryDirectory';

const KILLS = 32;
const KEEP = 3;
const WRITER = resolve(__dirname, 'backupWriter.mts');

/** Starts the writer and kills it `delayMs` after it is ready; resolves with the backups it acknowledged. */
function runAndKill(dataDirectory: string, backups: string, mode: 'manual' | 'atLock', delayMs: number): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDirectory, backups, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
    let acks = 0;
    let buffer = '';
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), delayMs);
        if (line.startsWith('ack')) acks++;
      }
    });
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer ended without being killed: ${errors.slice(0, 500)}`));
      else resolvePromise(acks);
    });
  });
}

/** Opens the backup with the vault's key and checks every page, as a restore would. */
function opensAndVerifies(core: Core, backup: string): boolean {
  return core.vault.withKeyMaterial((_db, key, header) => {
    try {
      const db = openEncryptedDatabase(join(backup, 'vault.db'), key, { addon: core.vault.addon, create: false });
      try {
        return db.pragma('integrity_check', { simple: true }) === 'ok' && db.prepare("SELECT value FROM meta WHERE key = 'vault_id'").pluck().get() === header.vaultId;
      } finally {
        db.close();
      }
    } catch {
      return false;
    }
  });
}

/** The test for one way of backing up; a file per way lets the two run side by side. */
export function backupKillTest(mode: 'manual' | 'atLock'): void {
  const folder = temporaryDirectory();
  afterAll(() => folder.remove());
  it(`leaves, after each of ${KILLS} kills, only backups that open and verify, the status naming one, and none pruned too many`, async () => {
    const dataDirectory = join(folder.path, mode, 'data');
    const backups = join(folder.path, mode, 'backups');
    mkdirSync(backups, { recursive: true });
    let seed = 20261205;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let acknowledged = 0;
    for (let run = 0; run < KILLS; run++) {
      acknowledged += await runAndKill(dataDirectory, backups, mode, Math.floor(random() * 1500));

      const core = createCore({ dataDirectory, log: createLogger(() => undefined), shell: { chooseFolder: async () => backups, chooseSavePath: async () => null, renderReport: () => Promise.reject(new Error('no window')) } });
      const unlocked = await core.router.handle('vault.unlock', { passphrase: CANARY.passphrase });
      expect(unlocked).toEqual({ ok: true, value: {} });
      const named = readdirSync(backups).filter((name) => name.startsWith('confidant-backup-'));
      for (const name of named) expect(opensAndVerifies(core, join(backups, name)), `${name} after kill ${run}`).toBe(true);
      const status = await core.router.handle('backup.status', {});
      const lastVerifiedAt = status.ok ? (status.value as { lastVerifiedAt: string | null }).lastVerifiedAt : 'failed';
      if (acknowledged > 0) {
        expect(lastVerifiedAt).not.toBeNull();
        const stamp = new Date(lastVerifiedAt!).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
        expect(named.some((name) => name.startsWith(`confidant-backup-${stamp}`))).toBe(true);
      }
      // Pruning keeps the newest verified backups: never fewer than it was told to keep, once there were that many.
      expect(named.length).toBeGreaterThanOrEqual(Math.min(KEEP, acknowledged));
      core.vault.lock();
    }
    expect(acknowledged).toBeGreaterThan(KILLS / 2);
  });
}
