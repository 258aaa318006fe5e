import { join } from 'node:path';
import { erasuresIn, erasuresNotIn, type Erasure } from '../access/erasureRecord';
import { AppError } from '../errors';
import type { OpenedBackup } from '../vault/backup';
import { openEncryptedDatabase, type Db } from '../vault/database';
import type { VaultRecord } from './vaultRecord';

const sameCase = (entry: { caseId: number; firstContactAt: string }) => `${entry.caseId}|${entry.firstContactAt}`;

/** The erasures since the backup whose case it still holds, and that no destruction since takes away. */
function erasuresBroughtBack(backup: Db, before: VaultRecord): Erasure[] {
  const cases = new Set((backup.prepare('SELECT id AS caseId, first_contact_at AS firstContactAt FROM cases').all() as Erasure[]).map(sameCase));
  const destroyed = new Set(before.destructions.map(sameCase));
  return erasuresNotIn(before.erasures, erasuresIn(backup)).filter((erasure) => cases.has(sameCase(erasure)) && !destroyed.has(sameCase(erasure)));
}

/**
 * Refuses, before anything of the vault is touched, a backup that would bring an erased reporter
 * back: one made before the erasure of a reporter of a joint case that it still holds. An erasure
 * that took the whole case is a destruction, which the restore applies again; one reporter among
 * others cannot be erased again, since that would need who they were, which the vault keeps
 * nowhere. Whether the backup was made before an erasure is read from the erasures its own
 * database holds, never from the clock: a backup made after it in the same second holds it.
 */
export function refuseBackupPredatingErasure(addon: string, backup: OpenedBackup, before: VaultRecord): void {
  if (before.erasures.length === 0) return;
  const db = openEncryptedDatabase(join(backup.folder, 'vault.db'), backup.dataKey, { addon, create: false });
  let broughtBack: Erasure[];
  try {
    broughtBack = erasuresBroughtBack(db, before);
  } finally {
    db.close();
  }
  if (broughtBack.length > 0) throw new AppError('BACKUP_PREDATES_ERASURE');
}
