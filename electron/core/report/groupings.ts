import { DEFAULT_GROUPINGS, Groupings } from '../../../shared/schemas/groupings';
import type { Db } from '../vault/database';

/** The team's named groupings, kept in the merging member's vault; the defaults until the team changes them. */
export function getGroupings(db: Db): Groupings {
  const stored = db.prepare("SELECT value FROM meta WHERE key = 'report_groupings'").pluck().get() as string | undefined;
  if (stored === undefined) return DEFAULT_GROUPINGS;
  const parsed = Groupings.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : DEFAULT_GROUPINGS;
}

export function saveGroupings(db: Db, groupings: Groupings): Groupings {
  db.prepare("INSERT INTO meta (key, value) VALUES ('report_groupings', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(
    JSON.stringify(groupings),
  );
  return getGroupings(db);
}
