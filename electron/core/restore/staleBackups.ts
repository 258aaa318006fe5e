import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { erasuresNotIn, type Erasure } from '../access/erasureRecord';
import type { Destruction } from '../cases/destructions';
import { madeAtOf } from '../vault/backup';
import type { VaultRecord } from './vaultRecord';

const sameCase = (a: Destruction, b: Destruction) => a.caseId === b.caseId && a.firstContactAt === b.firstContactAt;

/** Records written before destructions were kept to the second name only the minute: any second of it. */
const lastSecondOf = (destroyedAt: string) => (destroyedAt.length === 16 ? `${destroyedAt}:59` : destroyedAt);

/**
 * Backups in the folder that still hold a destroyed case or an erased reporter: made after the
 * case's first contact and before its destruction or the erasure, unless the record inside the
 * backup (read with the current key where it can be) already lists it, which proves the backup was
 * made after it, in the same second too. They cannot be rewritten (one made under a rotated key
 * cannot even be opened), only deleted.
 */
export function backupsHoldingDestroyed(
  folder: string | null,
  { destructions, erasures }: { destructions: Destruction[]; erasures: Erasure[] },
  localTime: (date: Date) => string,
  recordIn: (backup: string) => VaultRecord | null,
): string[] {
  if (!folder || !existsSync(folder) || destructions.length + erasures.length === 0) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .filter((entry) => {
      const made = madeAtOf(entry.name);
      if (!made) return false;
      const local = localTime(made);
      const record = recordIn(join(folder, entry.name));
      const known = record?.destructions ?? [];
      const unknown = [
        ...destructions.filter((destruction) => !known.some((entry) => sameCase(entry, destruction))).map((entry) => ({ since: entry.firstContactAt, until: entry.destroyedAt })),
        ...erasuresNotIn(erasures, record?.erasures ?? []).map((entry) => ({ since: entry.firstContactAt, until: entry.erasedAt })),
      ];
      return unknown.some(({ since, until }) => since <= local && local <= lastSecondOf(until));
    })
    .map((entry) => join(folder, entry.name));
}
