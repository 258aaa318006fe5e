import type { Db } from '../database';

export const caseNumbers = {
  version: 10,
  up(db: Db): void {
    db.exec(`
        -- A case's number: the local year it was created in and a sequence within that year.
        ALTER TABLE cases ADD COLUMN number_year INTEGER;
        ALTER TABLE cases ADD COLUMN number_seq INTEGER;
        -- The highest sequence ever issued per year: deleting or destroying a case never lowers it.
        CREATE TABLE case_numbers (
          year INTEGER PRIMARY KEY,
          last INTEGER NOT NULL
        ) STRICT;
        -- Existing cases in creation order within their year (first contact where created_at is unreadable).
        WITH numbered AS (
          SELECT id, year, row_number() OVER (PARTITION BY year ORDER BY created_at, id) AS seq
          FROM (SELECT id, created_at, coalesce(CAST(strftime('%Y', created_at, 'localtime') AS INTEGER), CAST(substr(first_contact_at, 1, 4) AS INTEGER)) AS year FROM cases)
        )
        UPDATE cases SET number_year = numbered.year, number_seq = numbered.seq FROM numbered WHERE cases.id = numbered.id;
        INSERT INTO case_numbers (year, last) SELECT number_year, max(number_seq) FROM cases GROUP BY number_year;
        CREATE UNIQUE INDEX cases_by_number ON cases (number_year, number_seq);
    `);
  },
};
