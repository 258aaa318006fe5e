import type { Db } from '../database';

export const drafts = {
  version: 11,
  up(db: Db): void {
    db.exec(`
        -- Unsaved work kept at a lock; read by nothing that counts, exports or searches.
        CREATE TABLE drafts (
          key TEXT PRIMARY KEY,
          case_id INTEGER REFERENCES cases (id) ON DELETE CASCADE,
          view TEXT NOT NULL,
          content TEXT NOT NULL,
          saved_at TEXT NOT NULL
        ) STRICT;
    `);
  },
};
