import { randomUUID } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Clock } from '../clock';
import type { ReportPhase } from '../events';
import { AppError } from '../errors';
import { syncDirectory, syncFile } from '../storage/atomicWrite';
import { openEncryptedDatabase } from './database';
import type { Destruction } from './destructionRecord';
import { readHeader, type VaultHeader } from './header';
import { assertNotNewerThanApp } from './migrations';
import { vaultFilesIn, type VaultFiles } from './vaultFiles';
import type { VaultSession } from './vaultSession';

export const BACKUP_PREFIX = 'confidant-backup-';
const DESTRUCTIONS_FILE = 'vault.destructions.json';
/** A backup being copied in beside the vault, checked before it takes the vault's place. */
const RESTORING_PREFIX = '.vault-restoring-';

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** Opens a copy with the given key and checks every page; the copy counts only if this passes. */
function verifyCopy(databasePath: string, dataKey: Buffer, vaultId: string, addon: string): boolean {
  try {
    const db = openEncryptedDatabase(databasePath, dataKey, { addon, create: false });
    try {
      const integrity = db.pragma('integrity_check', { simple: true });
      const id = db.prepare("SELECT value FROM meta WHERE key = 'vault_id'").pluck().get();
      return integrity === 'ok' && id === vaultId;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

/**
 * An encrypted, verified copy of the open vault in a new folder under `folder`. VACUUM INTO takes
 * a consistent snapshot of the live database and writes it encrypted under the same key; the
 * header goes beside it, so the backup opens with the passphrase that was current at the time.
 */
export function createBackup(session: VaultSession, folder: string, clock: Clock, report: ReportPhase<'backup'> = () => undefined): string {
  return session.withKeyMaterial((db, dataKey, header) => {
    report('snapshot');
    const name = `${BACKUP_PREFIX}${stamp(clock())}`;
    let target = join(folder, name);
    for (let n = 2; existsSync(target); n++) target = join(folder, `${name}-${n}`);
    mkdirSync(target, { recursive: true, mode: 0o700 });
    try {
      db.prepare('VACUUM INTO ?').run(join(target, 'vault.db'));
      copyFileSync(session.files.header, join(target, 'vault.header.json'));
      if (existsSync(session.files.destructions)) {
        copyFileSync(session.files.destructions, join(target, DESTRUCTIONS_FILE));
        syncFile(join(target, DESTRUCTIONS_FILE));
      }
      // On the disk, not only in the cache, before the backup is reported as made.
      syncFile(join(target, 'vault.db'));
      syncFile(join(target, 'vault.header.json'));
      syncDirectory(target);
      syncDirectory(folder);
      report('verify');
      if (!verifyCopy(join(target, 'vault.db'), dataKey, header.vaultId, session.addon)) throw new AppError('BACKUP_FAILED');
      return target.slice(folder.length + 1);
    } catch (error) {
      rmSync(target, { recursive: true, force: true });
      throw error instanceof AppError ? error : new AppError('BACKUP_FAILED');
    }
  });
}

/** Keeps the newest `keep` backups in the folder; older ones are removed. */
export function pruneBackups(folder: string, keep: number): void {
  const backups = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name.startsWith(BACKUP_PREFIX))
    .map((entry) => entry.name)
    .sort();
  for (const name of backups.slice(0, Math.max(0, backups.length - keep))) rmSync(join(folder, name), { recursive: true, force: true });
}

/** A folder moved, or copied and removed where it crosses to another disk. */
function moveFolder(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch {
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/** A backup whose passphrase was checked: its key is held until the restore ends. */
export interface OpenedBackup {
  folder: string;
  dataKey: Buffer;
  header: VaultHeader;
}

/**
 * Checks a chosen folder is a backup, its passphrase unwraps its key and this app can read it,
 * before anything of the current vault is touched: a wrong passphrase, or a backup written by a
 * newer app, leaves the vault open and unchanged.
 */
export async function openBackup(session: VaultSession, folder: string, passphrase: string, report: ReportPhase<'restore'> = () => undefined): Promise<OpenedBackup> {
  const database = join(folder, 'vault.db');
  const headerPath = join(folder, 'vault.header.json');
  if (!existsSync(database) || !existsSync(headerPath)) throw new AppError('NOT_A_BACKUP');
  let header: VaultHeader;
  try {
    header = readHeader(headerPath);
  } catch {
    // A damaged backup says nothing about the open vault, which must not be reported damaged.
    throw new AppError('NOT_A_BACKUP');
  }
  report('unlock');
  const dataKey = await session.unwrapBackupKey(header, passphrase);
  try {
    // Refused here rather than when the restored copy fails to open: the current vault is then
    // never closed, moved aside and brought back.
    const db = openEncryptedDatabase(database, dataKey, { addon: session.addon, create: false });
    try {
      assertNotNewerThanApp(db);
    } finally {
      db.close();
    }
  } catch (error) {
    dataKey.fill(0);
    throw error instanceof AppError && error.code === 'VAULT_TOO_NEW' ? error : new AppError('NOT_A_BACKUP');
  }
  return { folder, dataKey, header };
}

/**
 * Puts a backup in place of the current vault. It is copied beside the vault and checked page by
 * page first; only then are the current files moved aside and the copy renamed into place, and
 * they come back if the copy does not open. After a restore the replaced vault is kept, never
 * deleted: as a dated backup in the backup folder (`…-replaced`), or beside the vault when no
 * backup folder is set. Returns where it went and when the backup was made.
 */
export async function restoreBackup(
  session: VaultSession,
  backup: OpenedBackup,
  clock: Clock,
  keepReplacedIn: string | null,
  report: ReportPhase<'restore'> = () => undefined,
): Promise<{ kept: string | null; madeAt: Date }> {
  const files: VaultFiles = session.files;
  const parent = dirname(files.directory);
  const madeAt = madeAtOf(basename(backup.folder)) ?? statSync(join(backup.folder, 'vault.db')).mtime;
  for (const entry of readdirSync(parent)) if (entry.startsWith(RESTORING_PREFIX)) rmSync(join(parent, entry), { recursive: true, force: true });
  const staging = vaultFilesIn(join(parent, `${RESTORING_PREFIX}${randomUUID()}`));
  try {
    report('verify');
    mkdirSync(staging.directory, { mode: 0o700 });
    copyFileSync(join(backup.folder, 'vault.db'), staging.database);
    copyFileSync(join(backup.folder, 'vault.header.json'), staging.header);
    if (existsSync(join(backup.folder, DESTRUCTIONS_FILE))) copyFileSync(join(backup.folder, DESTRUCTIONS_FILE), staging.destructions);
    syncFile(staging.database);
    syncFile(staging.header);
    syncDirectory(staging.directory);
    if (!verifyCopy(staging.database, backup.dataKey, backup.header.vaultId, session.addon)) throw new AppError('NOT_A_BACKUP');
  } catch (error) {
    rmSync(staging.directory, { recursive: true, force: true });
    backup.dataKey.fill(0);
    throw error instanceof AppError ? error : new AppError('NOT_A_BACKUP');
  }

  report('copy');
  const aside = join(parent, `vault.replaced-${stamp(clock())}`);
  let movedAside = false;
  try {
    await session.replaceFiles(
      () => {
        if (existsSync(files.directory)) {
          renameSync(files.directory, aside);
          movedAside = true;
        }
        renameSync(staging.directory, files.directory);
        syncDirectory(parent);
        return () => {
          rmSync(files.directory, { recursive: true, force: true });
          if (movedAside) renameSync(aside, files.directory);
        };
      },
      backup.dataKey,
      backup.header,
    );
  } finally {
    rmSync(staging.directory, { recursive: true, force: true });
  }
  if (!movedAside) return { kept: null, madeAt };
  if (!keepReplacedIn || !existsSync(keepReplacedIn)) return { kept: aside, madeAt };
  let kept = join(keepReplacedIn, `${BACKUP_PREFIX}${stamp(clock())}-replaced`);
  for (let n = 2; existsSync(kept); n++) kept = join(keepReplacedIn, `${BACKUP_PREFIX}${stamp(clock())}-replaced-${n}`);
  try {
    moveFolder(aside, kept);
  } catch {
    // The restored vault is already in use: a full or read-only backup folder must not stop the
    // restore before destroyed cases are re-applied. The replaced vault stays beside it instead.
    return { kept: aside, madeAt };
  }
  return { kept, madeAt };
}

/** When a backup was made, from its folder name (UTC), or null for a folder that is not one of ours. */
function madeAtOf(name: string): Date | null {
  const match = /^confidant-backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})/.exec(name);
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  return new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!, second!));
}

/**
 * When the newest backup in the folder was made. A copy that fails its check after writing is
 * removed at once (see createBackup), so every backup left there was verified; a replaced vault
 * kept by a restore (`…-replaced`) was never checked as a backup and does not count.
 */
export function lastVerifiedBackup(folder: string | null): Date | null {
  if (!folder || !existsSync(folder)) return null;
  const made = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.includes('-replaced'))
    .map((entry) => madeAtOf(entry.name))
    .filter((date): date is Date => date !== null)
    .sort((a, b) => b.getTime() - a.getTime());
  return made[0] ?? null;
}

/**
 * Backups in the folder that still hold a destroyed case: made after its first contact and
 * before its destruction. They cannot be rewritten (one made under a rotated key cannot even be
 * opened), only deleted.
 */
export function backupsHoldingDestroyed(folder: string | null, destructions: Destruction[], localTime: (date: Date) => string): string[] {
  if (!folder || !existsSync(folder) || destructions.length === 0) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .filter((entry) => {
      const made = madeAtOf(entry.name);
      if (!made) return false;
      const local = localTime(made);
      // Both sides are minutes: a backup made in the minute of a destruction may still hold the case.
      return destructions.some((destruction) => destruction.firstContactAt <= local && local <= destruction.destroyedAt);
    })
    .map((entry) => join(folder, entry.name));
}
