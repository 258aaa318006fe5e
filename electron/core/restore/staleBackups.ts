import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Destruction } from '../cases/destructions';
import { madeAtOf } from '../vault/backup';
import type { VaultRecord } from './vaultRecord';

const sameCase = (a: Destruction, b: Destruction) => a.caseId === b.caseId && a.firstContactAt === b.firstContactAt;

/** Records written before destructions were kept to the second name only the minute: any second of it. */
const lastSecondOf = (destroyedAt: string) => (destroyedAt.length === 16 ? `${destroyedAt}:59` : destroyedAt);

/**
 * Backups in the folder that still hold a destroyed case: made after its first contact and
 * before its destruction, unless the record inside the backup (read with the current key where it
 * can be) already lists the destruction, which proves the backup was made after it. They cannot be
 * rewritten (one made under a rotated key cannot even be opened), only deleted.
 */
export function backupsHoldingDestroyed(
  folder: string | null,
  destructions: Destruction[],
  localTime: (date: Date) => string,
  recordIn: (backup: string) => VaultRecord | null,
): string[] {
  if (!folder || !existsSync(folder) || destructions.length === 0) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .filter((entry) => {
      const made = madeAtOf(entry.name);
      if (!made) return false;
      const local = localTime(made);
      const known = recordIn(join(folder, entry.name))?.destructions ?? [];
      return destructions.some(
        (destruction) => !known.some((entry) => sameCase(entry, destruction)) && destruction.firstContactAt <= local && local <= lastSecondOf(destruction.destroyedAt),
      );
    })
    .map((entry) => join(folder, entry.name));
}
