import { dirname, join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../errors';
import type { Db } from './database';
import { loadSqliteAddon } from './sqliteAddon';
import type { VaultFiles } from './vaultFiles';

/**
 * One process per vault: held while the vault is open and while a restore swaps its files, so a
 * second core gets VAULT_IN_USE instead of writing into files that a restore then moves aside.
 * It is SQLite's exclusive lock on an empty database beside the vault's folder: an operating
 * system lock (fcntl, LockFileEx) that goes with the process however it ends. Beside the folder,
 * not in it, because a restore renames the folder; and on a file of its own, because a restore
 * from the unlock screen may not have the key the vault's database needs to be opened at all.
 */
export class VaultLock {
  private held: Db | null = null;

  constructor(
    files: VaultFiles,
    private readonly addon: string,
    private readonly path = join(dirname(files.directory), 'vault.lock'),
  ) {}

  /** Takes the lock, or refuses at once with VAULT_IN_USE when another process has it. */
  acquire(): void {
    if (this.held) return;
    // Busy means another holder: refused at once, never waited for.
    const db = new Database(this.path, { timeout: 0, nativeBinding: loadSqliteAddon(this.addon) as unknown as string });
    try {
      // The journal in memory leaves no file beside the lock; the lock stays after the first write.
      db.pragma('journal_mode = MEMORY');
      db.pragma('locking_mode = EXCLUSIVE');
      db.exec('BEGIN EXCLUSIVE; COMMIT');
    } catch (error) {
      db.close();
      throw (error as { code?: string }).code === 'SQLITE_BUSY' ? new AppError('VAULT_IN_USE') : error;
    }
    this.held = db;
  }

  release(): void {
    this.held?.close();
    this.held = null;
  }
}
