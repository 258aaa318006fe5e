import type { Db } from '../vault/database';

/**
 * The number of exports this vault has saved: each export carries the next one, so the team can
 * tell a newer export of this adviser from an older one replayed. It is kept in the record beside
 * the database too, so restoring an older backup never hands out a number a second time.
 */
export function savedExports(db: Db): number {
  return Number(db.prepare("SELECT value FROM meta WHERE key = 'saved_exports'").pluck().get() ?? 0);
}

/** Raises the counter to at least `count`; it never goes down. */
export function raiseSavedExports(db: Db, count: number): void {
  if (count <= savedExports(db)) return;
  db.prepare("INSERT INTO meta (key, value) VALUES ('saved_exports', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(count));
}
