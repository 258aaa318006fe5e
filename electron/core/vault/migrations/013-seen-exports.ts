import type { Db } from '../database';

export const seenExports = {
  version: 13,
  up(db: Db): void {
    db.exec(`
        -- Every export the team imported, by adviser, months and sequence (no counts), kept after
        -- its import is removed or replaced: an export no newer than one already seen for the same
        -- months is a replay and is refused.
        CREATE TABLE team_seen_exports (
          adviser_id TEXT NOT NULL,
          sequence INTEGER NOT NULL,
          period_from TEXT NOT NULL,
          period_to TEXT NOT NULL,
          PRIMARY KEY (adviser_id, sequence)
        ) STRICT;
        INSERT OR IGNORE INTO team_seen_exports (adviser_id, sequence, period_from, period_to)
          SELECT adviser_id, json_extract(content, '$.sequence'), period_from, period_to FROM team_imports;
    `);
  },
};
