import type { Db } from '../database';

export const procedureReports = {
  version: 19,
  up(db: Db): void {
    // A case handled under the whistleblower procedure and the day its report was received; its
    // two deadlines are follow-ups of the case (migration 18), one of each kind.
    db.exec(`
        CREATE TABLE procedure_reports (
          case_id INTEGER PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
          received_on TEXT NOT NULL CHECK (received_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
        ) STRICT;
        CREATE UNIQUE INDEX follow_ups_one_procedure_deadline ON follow_ups (case_id, kind)
          WHERE kind IN ('procedure_confirmation', 'procedure_feedback');
    `);
    // A legal deadline leaves the vault only with its case (deletion, retention, erasure), whatever
    // code asks: the case is gone first when its deletion cascades here.
    db.exec(`
        CREATE TRIGGER follow_ups_keep_procedure_deadlines BEFORE DELETE ON follow_ups
          WHEN old.kind IN ('procedure_confirmation', 'procedure_feedback') AND EXISTS (SELECT 1 FROM cases WHERE id = old.case_id)
        BEGIN
          SELECT RAISE(ABORT, 'procedure deadline');
        END;
    `);
  },
};
