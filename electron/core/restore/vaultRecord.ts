import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { z } from 'zod';
import { Erasure, erasuresIn, erasuresNotIn } from '../access/erasureRecord';
import { highestIssued, issuedNumbers, type IssuedNumber } from '../cases/caseNumbers';
import { Destruction, destructionsIn } from '../cases/destructions';
import { savedExports } from '../export/exportSequence';
import { AppError } from '../errors';
import { backupFoldersIn, backupRecordFile, madeAtOf } from '../vault/backup';
import { openEncryptedDatabase, type Db } from '../vault/database';
import { readHeader, type VaultHeader } from '../vault/header';
import { readRecordFile, writeRecordFile } from '../vault/recordFile';
import { vaultExists } from '../vault/vaultFiles';
import type { VaultSession } from '../vault/vaultSession';

/**
 * What must survive a restore of an older backup: the cases retention destroyed (a restore
 * destroys them again), the reporters of joint cases erased (a restore that would bring one back
 * is refused), the highest case number issued per year (a restore never issues one again) and the
 * number of exports saved (a restore never numbers an export the team has seen already). Kept in
 * the database and in the encrypted record file beside it, which goes into every backup.
 */
export interface VaultRecord {
  destructions: Destruction[];
  erasures: Erasure[];
  caseNumbers: IssuedNumber[];
  savedExports: number;
}

const Issued = z.object({ year: z.number().int().min(1000).max(9999), last: z.number().int().positive() }).strict();

/**
 * Files written before case numbers hold only the destructions: none issued; before export numbers,
 * none saved; before erasures were recorded, none erased.
 */
const RecordContent = z.union([
  z.array(Destruction).transform((destructions): VaultRecord => ({ destructions, erasures: [], caseNumbers: [], savedExports: 0 })),
  z
    .object({
      destructions: z.array(Destruction),
      erasures: z.array(Erasure).default([]),
      caseNumbers: z.array(Issued),
      savedExports: z.number().int().min(0).max(1_000_000_000).default(0),
    })
    .strict(),
]);

function recordIn(db: Db): VaultRecord {
  return { destructions: destructionsIn(db), erasures: erasuresIn(db), caseNumbers: issuedNumbers(db), savedExports: savedExports(db) };
}

function parsed(content: unknown): VaultRecord | null {
  const result = RecordContent.safeParse(content);
  return result.success ? result.data : null;
}

function writeRecord(path: string, db: Db, dataKey: Buffer, vaultId: string): void {
  const record = recordIn(db);
  if (record.destructions.length === 0 && record.erasures.length === 0 && record.caseNumbers.length === 0 && record.savedExports === 0) return;
  writeRecordFile(path, record, dataKey, vaultId);
}

/** The vault's record: the file beside the database follows every change of it and every new data key. */
export class VaultRecords {
  constructor(private readonly vault: VaultSession) {
    vault.onKeyChange((db, dataKey, header) => writeRecord(vault.files.destructions, db, dataKey, header.vaultId));
  }

  /** The record beside the database, opened with the current key; null when there is none. */
  beside(): VaultRecord | null {
    return this.vault.withKeyMaterial((_db, dataKey) => parsed(readRecordFile(this.vault.files.destructions, dataKey)));
  }

  /** The record inside a backup, when it opens with the current key. */
  inBackup(backup: string): VaultRecord | null {
    return this.vault.withKeyMaterial((_db, dataKey) => parsed(readRecordFile(backupRecordFile(backup), dataKey)));
  }

  /** Writes the database's record to the file beside it, under the current key. */
  save(): void {
    this.vault.withKeyMaterial((db, dataKey, header) => writeRecord(this.vault.files.destructions, db, dataKey, header.vaultId));
  }

  /**
   * Everything the vault a restore is about to replace has recorded, from every place that can be
   * read: its database and the record beside it (with its own key when open; when locked, with the
   * backup's key, which is the vault's own unless it was rotated since, and with the key the backup's
   * passphrase unwraps from the vault's header), and the records inside every backup newer than the
   * one being restored. When the vault exists but none of them opens, the restore stops with
   * RESTORE_NEEDS_CURRENT_KEY until the window gives the current passphrase or recovery key: it never
   * restores blindly.
   */
  async beforeRestore(restore: RestoreKeys): Promise<VaultRecord> {
    const newer = newerBackups(restore.backupsIn, restore.restoring).map(backupRecordFile);
    if (this.vault.isUnlocked) {
      return this.vault.withKeyMaterial((db, dataKey) => merged([recordIn(db), ...readable([this.vault.files.destructions, ...newer], dataKey)]));
    }
    const keys: Buffer[] = [Buffer.from(restore.backupKey)];
    try {
      const header = this.readableHeader();
      const fromBackupPassphrase = header ? await this.vault.unwrapWithPassphrase(header, restore.backupPassphrase) : null;
      if (fromBackupPassphrase) keys.push(fromBackupPassphrase);
      if (restore.current) {
        if (!header) throw new AppError('CORRUPT_VAULT');
        keys.push('passphrase' in restore.current ? await this.vault.unwrapBackupKey(header, restore.current.passphrase) : this.vault.unwrapWithRecoveryKey(header, restore.current.recoveryKey));
      }
      const found = keys.flatMap((key) => [...this.vaultDatabaseRecord(key), ...readable([this.vault.files.destructions, ...newer], key)]);
      if (found.length === 0 && vaultExists(this.vault.files) && !restore.current) throw new AppError('RESTORE_NEEDS_CURRENT_KEY');
      return merged(found);
    } finally {
      for (const key of keys) key.fill(0);
    }
  }

  private readableHeader(): VaultHeader | null {
    if (!existsSync(this.vault.files.header)) return null;
    try {
      return readHeader(this.vault.files.header);
    } catch {
      return null;
    }
  }

  /** The locked vault's own tables, when its database opens with this key. */
  private vaultDatabaseRecord(key: Buffer): VaultRecord[] {
    if (!existsSync(this.vault.files.database)) return [];
    let db: Db;
    try {
      db = openEncryptedDatabase(this.vault.files.database, key, { addon: this.vault.addon, create: false });
    } catch {
      return [];
    }
    try {
      return [recordIn(db)];
    } catch {
      return [];
    } finally {
      db.close();
    }
  }
}

/** What a restore needs to read the vault it replaces. */
export interface RestoreKeys {
  /** The data key of the backup being restored. */
  backupKey: Buffer;
  /** The passphrase that opened the backup; the vault's own too, unless it changed since. */
  backupPassphrase: string;
  /** The vault's current passphrase or recovery key, when the window had to ask for it. */
  current?: { passphrase: string } | { recoveryKey: string };
  /** The backup folder, whose newer backups' records count too. */
  backupsIn: string | null;
  /** The folder being restored. */
  restoring: string;
}

/** Backups in the folder made after the one being restored (all others, when its date is unknown). */
function newerBackups(folder: string | null, restoring: string): string[] {
  const since = madeAtOf(basename(restoring));
  return backupFoldersIn(folder).filter((path) => resolve(path) !== resolve(restoring) && (!since || (madeAtOf(basename(path)) ?? since) > since));
}

function readable(paths: string[], key: Buffer): VaultRecord[] {
  return paths.flatMap((path) => parsed(readRecordFile(path, key)) ?? []);
}

/**
 * One record holding everything any of them holds: every destruction once, every erasure as often
 * as the record holding most of it has it (each record is a moment of the same history), the
 * highest numbers.
 */
function merged(records: VaultRecord[]): VaultRecord {
  const destructions = new Map<string, Destruction>();
  for (const record of records) {
    for (const entry of record.destructions) {
      const sameCase = `${entry.caseId}|${entry.firstContactAt}`;
      if (!destructions.has(sameCase)) destructions.set(sameCase, entry);
    }
  }
  const erasures = records.reduce<Erasure[]>((all, record) => [...all, ...erasuresNotIn(record.erasures, all)], []);
  return {
    destructions: [...destructions.values()],
    erasures,
    caseNumbers: highestIssued(...records.map((record) => record.caseNumbers)),
    savedExports: Math.max(0, ...records.map((record) => record.savedExports)),
  };
}
