import { recordErasures } from '../access/erasureRecord';
import { caseCount } from '../cases/caseList';
import { highestIssued, raiseIssuedNumbers } from '../cases/caseNumbers';
import { reapplyDestructions } from '../cases/retention';
import type { Clock } from '../clock';
import type { ReportPhase } from '../events';
import { raiseSavedExports } from '../export/exportSequence';
import type { SettingsStore } from '../settings/settingsStore';
import { openBackup, restoreBackup } from '../vault/backup';
import type { VaultSession } from '../vault/vaultSession';
import { refuseBackupPredatingErasure } from './erasuresThroughRestore';
import type { RestoreKeys, VaultRecord, VaultRecords } from './vaultRecord';

export interface RestoreServices {
  vault: VaultSession;
  records: VaultRecords;
  settings: SettingsStore;
  clock: Clock;
}

/**
 * Puts the backup in `folder` in place of the vault, then carries over what must outlive the
 * replaced vault: its destructions are applied again, its erasures are kept, and no case or export
 * number it issued is issued a second time. A backup that would bring back a reporter erased from
 * a joint case is refused before anything changes. `reapplied` counts the cases destroyed again.
 */
export async function restoreFromBackup(
  { vault, records, settings, clock }: RestoreServices,
  folder: string,
  { passphrase, current }: { passphrase: string; current?: RestoreKeys['current'] },
  report: ReportPhase<'restore'>,
): Promise<{ reapplied: number; madeAt: string; cases: number }> {
  const backup = await openBackup(vault, folder, passphrase, report);
  let before: VaultRecord;
  try {
    before = await records.beforeRestore({ backupKey: backup.dataKey, backupPassphrase: passphrase, current, backupsIn: settings.get().backupFolder, restoring: folder });
    refuseBackupPredatingErasure(vault.addon, backup, before);
  } catch (error) {
    backup.dataKey.fill(0);
    throw error;
  }
  const { madeAt } = await restoreBackup(vault, backup, clock, settings.get().backupFolder, report);
  // Cases destroyed after this backup was made are destroyed again before anyone sees them.
  const reapplied = reapplyDestructions(vault.database(), before.destructions, clock);
  // The erasures stay recorded, so an even older backup is refused too and the stale ones stay named.
  recordErasures(vault.database(), before.erasures);
  // No case number issued before the restore, here or when the backup was made, is issued again.
  raiseIssuedNumbers(vault.database(), highestIssued(before.caseNumbers, records.beside()?.caseNumbers ?? []));
  // Nor any export number: the team refuses an export not newer than one it already saw.
  raiseSavedExports(vault.database(), Math.max(before.savedExports, records.beside()?.savedExports ?? 0));
  records.save();
  return { reapplied, madeAt: madeAt.toISOString(), cases: caseCount(vault.database()) };
}
