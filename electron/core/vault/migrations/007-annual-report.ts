import type { Db } from '../database';

export const annualReport = {
  version: 7,
  up(db: Db): void {
    db.exec(`
        -- The team's own words in the annual report: the organisation and one text per section.
        CREATE TABLE report_texts (
          report_year INTEGER NOT NULL,
          text_id TEXT NOT NULL,
          value TEXT NOT NULL,
          PRIMARY KEY (report_year, text_id)
        ) STRICT;
        -- Each saved publication: which imports it was built from, and its published (suppressed)
        -- tables, never the imports themselves. The next publication of the same year warns when
        -- imports were removed since; next year's compares with these tables.
        CREATE TABLE report_publications (
          id INTEGER PRIMARY KEY,
          report_year INTEGER NOT NULL,
          published_on TEXT NOT NULL,
          export_ids TEXT NOT NULL,
          tables TEXT NOT NULL
        ) STRICT;
    `);
  },
};
