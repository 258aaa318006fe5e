import type { Db } from '../database';

export const flowAnswers = {
  version: 17,
  up(db: Db): void {
    db.exec(`
        -- The merging member's answer to a referral flow of a report year whose sender counted more
        -- than its receiver: kept with the two counts it answered, so an import that changes them
        -- asks again instead of applying an answer to other numbers. Functions only, never cases.
        CREATE TABLE team_flow_answers (
          report_year INTEGER NOT NULL,
          from_code TEXT NOT NULL CHECK (from_code IN ('concerns_point', 'ombudsperson', 'confidential_adviser', 'faculty_adviser')),
          to_code TEXT NOT NULL CHECK (to_code IN ('concerns_point', 'ombudsperson', 'confidential_adviser', 'faculty_adviser')),
          made INTEGER NOT NULL,
          received INTEGER NOT NULL CHECK (received >= 0 AND received < made),
          answer TEXT NOT NULL CHECK (answer IN ('recorded_as_direct', 'did_not_arrive')),
          PRIMARY KEY (report_year, from_code, to_code)
        ) STRICT;
    `);
  },
};
