import { existsSync } from 'node:fs';
import { z } from 'zod';
import { highestIssued, issuedNumbers, type IssuedNumber } from '../cases/caseNumbers';
import { Destruction, destructionsIn } from '../cases/destructions';
import { savedExports } from '../export/exportSequence';
import type { Db } from '../vault/database';
import { readHeader, type VaultHeader } from '../vault/header';
import { readRecordFile, writeRecordFile } from '../vault/recordFile';
import type { VaultSession } from '../vault/vaultSession';

/**
 * What must survive a restore of an older backup: the cases retention destroyed (a restore
 * destroys them again), the highest case number issued per year (a restore never issues one
 * again) and the number of exports saved (a restore never numbers an export the team has seen
 * already). Kept in the database and in the encrypted record file beside it, which goes into
 * every backup.
 */
export interface VaultRecord {
  destructions: Destruction[];
  caseNumbers: IssuedNumber[];
  savedExports: number;
}

const Issued = z.object({ year: z.number().int().min(1000).max(9999), last: z.number().int().positive() }).strict();

/** Files written before case numbers hold only the destructions: none issued; before export numbers, none saved. */
const RecordContent = z.union([
  z.array(Destruction).transform((destructions): VaultRecord => ({ destructions, caseNumbers: [], savedExports: 0 })),
  z
    .object({ destructions: z.array(Destruction), caseNumbers: z.array(Issued), savedExports: z.number().int().min(0).max(1_000_000_000).default(0) })
    .strict(),
]);

const NONE: VaultRecord = { destructions: [], caseNumbers: [], savedExports: 0 };

function recordIn(db: Db): VaultRecord {
  return { destructions: destructionsIn(db), caseNumbers: issuedNumbers(db), savedExports: savedExports(db) };
}

function parsed(content: unknown): VaultRecord | null {
  const result = RecordContent.safeParse(content);
  return result.success ? result.data : null;
}

function writeRecord(path: string, db: Db, dataKey: Buffer, vaultId: string): void {
  const record = recordIn(db);
  if (record.destructions.length === 0 && record.caseNumbers.length === 0 && record.savedExports === 0) return;
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

  /** Writes the database's record to the file beside it, under the current key. */
  save(): void {
    this.vault.withKeyMaterial((db, dataKey, header) => writeRecord(this.vault.files.destructions, db, dataKey, header.vaultId));
  }

  /**
   * The record of the vault a restore is about to replace: from the open database and the record
   * beside it, or, when it is locked or damaged, from that record alone (opened with the passphrase given).
   */
  async beforeRestore(passphrase: string): Promise<VaultRecord> {
    if (this.vault.isUnlocked) {
      const beside = this.beside() ?? NONE;
      return this.vault.withKeyMaterial((db) => ({
        destructions: destructionsIn(db),
        caseNumbers: highestIssued(issuedNumbers(db), beside.caseNumbers),
        savedExports: Math.max(savedExports(db), beside.savedExports),
      }));
    }
    const files = this.vault.files;
    if (!existsSync(files.header)) return NONE;
    let header: VaultHeader;
    try {
      header = readHeader(files.header);
    } catch {
      return NONE;
    }
    const dataKey = await this.vault.unwrapWithPassphrase(header, passphrase);
    if (!dataKey) return NONE;
    try {
      return parsed(readRecordFile(files.destructions, dataKey)) ?? NONE;
    } finally {
      dataKey.fill(0);
    }
  }
}
