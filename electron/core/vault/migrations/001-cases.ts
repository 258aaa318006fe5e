import type { Db } from '../database';

export const cases = {
  version: 1,
  up(db: Db): void {
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
};
