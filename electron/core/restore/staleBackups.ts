import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Destruction } from '../cases/destructions';
import { madeAtOf } from '../vault/backup';

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
