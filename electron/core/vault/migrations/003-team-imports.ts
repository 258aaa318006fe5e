import type { Db } from '../database';

export const teamImports = {
  version: 3,
  up(db: Db): void {
    db.exec(`
        -- Members' anonymised exports imported for the team report: numbers only, kept verbatim.
        CREATE TABLE team_imports (
          export_id TEXT PRIMARY KEY,
          function TEXT NOT NULL,
          period_from TEXT NOT NULL,
          period_to TEXT NOT NULL,
          content TEXT NOT NULL,
          imported_at TEXT NOT NULL
        ) STRICT;
        -- The overlap check: earlier imports of the same function.
        CREATE INDEX team_imports_by_function ON team_imports (function, period_from);
    `);
  },
};
