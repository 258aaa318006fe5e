import type { Db } from '../database';

export const followUps = {
  version: 18,
  up(db: Db): void {
    db.exec(`
        -- The adviser's next steps and a case's legal deadlines: read by nothing that counts or
        -- exports. They go with their case; a deleted conversation only lets go of its steps.
        CREATE TABLE follow_ups (
          id INTEGER PRIMARY KEY,
          case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
          conversation_id INTEGER REFERENCES conversations (id) ON DELETE SET NULL,
          kind TEXT NOT NULL CHECK (kind IN ('own', 'procedure_confirmation', 'procedure_feedback', 'access_request')),
          text TEXT NOT NULL CHECK (length(text) <= 2000),
          due_date TEXT NOT NULL,
          due_time TEXT,
          done_on TEXT,
          created_at TEXT NOT NULL
        ) STRICT;
        -- Today reads the open ones by date; a case page, its own.
        CREATE INDEX follow_ups_open_by_due ON follow_ups (due_date) WHERE done_on IS NULL;
        CREATE INDEX follow_ups_by_case ON follow_ups (case_id);
        CREATE INDEX follow_ups_by_conversation ON follow_ups (conversation_id) WHERE conversation_id IS NOT NULL;
    `);
  },
};
