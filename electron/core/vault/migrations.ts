import type { Db } from './database';

export interface Migration {
  version: number;
  up(db: Db): void;
}

/** Append only: a released migration is never edited, the next change is a new number. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    up(db) {
      db.exec(`
        CREATE TABLE meta (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;
        CREATE TABLE cases (
          id INTEGER PRIMARY KEY,
          first_contact_at TEXT NOT NULL,
          intake_route TEXT NOT NULL,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX cases_by_first_contact ON cases (first_contact_at DESC, id DESC);
      `);
    },
  },
];

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Each migration and its version bump commit together, so a crash never leaves half a schema. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): void {
  for (const migration of migrations) {
    if (migration.version <= schemaVersion(db)) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
