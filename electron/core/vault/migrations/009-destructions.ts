import type { Db } from '../database';

export const destructions = {
  version: 9,
  up(db: Db): void {
    db.exec(`
        -- What retention destroyed, without content: re-applied when an older backup is restored.
        CREATE TABLE destructions (
          case_id INTEGER NOT NULL,
          first_contact_at TEXT NOT NULL,
          destroyed_at TEXT NOT NULL,
          PRIMARY KEY (case_id, first_contact_at)
        ) STRICT;
    `);
  },
};
