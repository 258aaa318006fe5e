import { randomUUID } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Clock } from '../clock';
import type { ReportPhase } from '../events';
import { AppError } from '../errors';
import { makeDirectory, syncDirectory, syncFile } from '../storage/atomicWrite';
import { openEncryptedDatabase } from './database';
import { readHeader, type VaultHeader } from './header';
import { assertNotNewerThanApp } from './migrations';
import { vaultFilesIn, type VaultFiles } from './vaultFiles';
import type { VaultSession } from './vaultSession';

export const BACKUP_PREFIX = 'confidant-backup-';
const DESTRUCTIONS_FILE = 'vault.destructions.json';

/** Where a backup keeps its copy of the vault's record file. */
export const backupRecordFile = (backupFolder: string): string => join(backupFolder, DESTRUCTIONS_FILE);
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

/** A backup being written: never counted, and cleared by the next backup when a kill left one behind. */
const PARTIAL_PREFIX = '.confidant-backup-partial-';
/** The closed vault's files copied at a lock: counted as a backup only once the next unlock verified them. */
const UNVERIFIED_PREFIX = '.confidant-backup-unverified-';

/** Makes the folder when missing, and clears the partial copies a kill left behind. */
function prepareFolder(folder: string): void {
  makeDirectory(folder);
  for (const entry of readdirSync(folder)) if (entry.startsWith(PARTIAL_PREFIX)) rmSync(join(folder, entry), { recursive: true, force: true });
}

/** `name` in the folder, or `name-2`, `name-3`… when two were made in the same second. */
function freePath(folder: string, name: string): string {
  let target = join(folder, name);
  for (let n = 2; existsSync(target); n++) target = join(folder, `${name}-${n}`);
  return target;
}

const backupTarget = (folder: string, made: Date): string => freePath(folder, `${BACKUP_PREFIX}${stamp(made)}`);

/** Moves a whole, synced and (where a key was at hand) verified folder to its name, durably. */
function publish(staging: string, target: string): void {
  syncDirectory(staging);
  renameSync(staging, target);
  syncDirectory(dirname(target));
}

function copySynced(from: string, to: string): void {
  copyFileSync(from, to);
  syncFile(to);
}

/**
 * Writes a backup folder under a temporary name; `write` fills it and says the name it is to have,
 * and only then is it renamed there. A failure leaves no folder, only BACKUP_FAILED.
 */
function writeStaged(folder: string, write: (staging: string) => string): string {
  const staging = join(folder, `${PARTIAL_PREFIX}${randomUUID()}`);
  try {
    prepareFolder(folder);
    mkdirSync(staging, { mode: 0o700 });
    const target = write(staging);
    publish(staging, target);
    return target;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error instanceof AppError ? error : new AppError('BACKUP_FAILED');
  }
}

/** The header (so a backup opens with the passphrase of its time) and the record beside the database. */
function copyHeaderAndRecord(files: VaultFiles, staging: string): void {
  copySynced(files.header, join(staging, 'vault.header.json'));
  if (existsSync(files.destructions)) copySynced(files.destructions, backupRecordFile(staging));
}

/**
 * An encrypted, verified copy of the open vault in a new folder under `folder`. VACUUM INTO takes
 * a consistent snapshot of the live database and writes it encrypted under the same key. It is
 * written under a temporary name, synced and verified, and only then given its name: a backup cut
 * short by a kill or a power cut is never mistaken for one.
 */
export function createBackup(session: VaultSession, folder: string, clock: Clock, report: ReportPhase<'backup'> = () => undefined): string {
  return session.withKeyMaterial((db, dataKey, header) => {
    report('snapshot');
    const target = writeStaged(folder, (staging) => {
      db.prepare('VACUUM INTO ?').run(join(staging, 'vault.db'));
      syncFile(join(staging, 'vault.db'));
      copyHeaderAndRecord(session.files, staging);
      report('verify');
      if (!verifyCopy(join(staging, 'vault.db'), dataKey, header.vaultId, session.addon)) throw new AppError('BACKUP_FAILED');
      return backupTarget(folder, clock());
    });
    return basename(target);
  });
}

/**
 * The automatic backup at a lock, made after the key is gone so the lock never waits for it:
 * the closed, checkpointed encrypted files are copied as they are. With no key there is nothing to
 * verify them with, so they wait under a name no backup list reads until the next unlock.
 */
export function copyClosedVault(files: VaultFiles, folder: string, clock: Clock): void {
  writeStaged(folder, (staging) => {
    copySynced(files.database, join(staging, 'vault.db'));
    copyHeaderAndRecord(files, staging);
    return freePath(folder, `${UNVERIFIED_PREFIX}${stamp(clock())}`);
  });
}

/**
 * Verifies the copies made at earlier locks with the key of the vault just unlocked: each one that
 * opens and checks becomes a backup under the name of when it was made; any other is removed.
 * Returns how many became backups and how many failed.
 */
export function verifyCopiesMadeAtLock(session: VaultSession, folder: string | null): { verified: number; failed: number } {
  const outcome = { verified: 0, failed: 0 };
  if (!folder || !existsSync(folder)) return outcome;
  return session.withKeyMaterial((_db, dataKey, header) => {
    for (const entry of readdirSync(folder).filter((name) => name.startsWith(UNVERIFIED_PREFIX)).sort()) {
      const copy = join(folder, entry);
      const made = madeAtOf(`${BACKUP_PREFIX}${entry.slice(UNVERIFIED_PREFIX.length, UNVERIFIED_PREFIX.length + 15)}`);
      if (made && verifyCopy(join(copy, 'vault.db'), dataKey, header.vaultId, session.addon)) {
        publish(copy, backupTarget(folder, made));
        outcome.verified++;
      } else {
        discardBackup(copy);
        outcome.failed++;
      }
    }
    return outcome;
  });
}

/** Every backup folder of ours in the folder, replaced vaults a restore kept included. */
export function backupFoldersIn(folder: string | null): string[] {
  if (!folder || !existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name.startsWith(BACKUP_PREFIX))
    .map((entry) => join(folder, entry.name));
}

/**
 * A backup as this app writes it: under its final name (given only after it was verified) and
 * whole. Versions before that wrote under the final name first, so a folder a kill cut short may
 * still lie there: it never counts.
 */
function isWholeBackup(path: string): boolean {
  return existsSync(join(path, 'vault.db')) && existsSync(join(path, 'vault.header.json')) && !existsSync(join(path, 'vault.db-journal'));
}

/** The verified backups in the folder, oldest first; a replaced vault a restore kept is not one. */
export function verifiedBackupsIn(folder: string | null): string[] {
  return backupFoldersIn(folder)
    .filter((path) => !basename(path).includes('-replaced') && isWholeBackup(path))
    .sort();
}

/**
 * Removes a backup: first renamed out of the backups' names in one step, then deleted, so a kill
 * midway never leaves a half-deleted folder that still looks like a backup.
 */
export function discardBackup(path: string): void {
  const doomed = join(dirname(path), `${PARTIAL_PREFIX}${randomUUID()}`);
  renameSync(path, doomed);
  rmSync(doomed, { recursive: true, force: true });
}

/** Keeps the newest `keep` verified backups in the folder; older ones are removed, and nothing else is. */
export function pruneBackups(folder: string, keep: number): void {
  const backups = verifiedBackupsIn(folder);
  for (const path of backups.slice(0, Math.max(0, backups.length - keep))) discardBackup(path);
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
  if (!existsSync(database) || !existsSync(headerPath) || basename(folder).startsWith(PARTIAL_PREFIX) || basename(folder).startsWith(UNVERIFIED_PREFIX)) throw new AppError('NOT_A_BACKUP');
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
    copySynced(join(backup.folder, 'vault.db'), staging.database);
    copySynced(join(backup.folder, 'vault.header.json'), staging.header);
    if (existsSync(join(backup.folder, DESTRUCTIONS_FILE))) copySynced(join(backup.folder, DESTRUCTIONS_FILE), staging.destructions);
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
  const kept = freePath(keepReplacedIn, `${BACKUP_PREFIX}${stamp(clock())}-replaced`);
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
export function madeAtOf(name: string): Date | null {
  const match = /^confidant-backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})/.exec(name);
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  return new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!, second!));
}

/** When the newest verified backup in the folder was made. */
export function lastVerifiedBackup(folder: string | null): Date | null {
  const made = verifiedBackupsIn(folder)
    .map((path) => madeAtOf(basename(path)))
    .filter((date): date is Date => date !== null)
    .sort((a, b) => b.getTime() - a.getTime());
  return made[0] ?? null;
}
