import type { Db } from '../database';

export const accessRequests = {
  version: 20,
  up(db: Db): void {
    db.exec(`
        -- A reporter's request to see what the vault holds about them (GDPR art. 15): its date, and
        -- the one-month deadline it set as a follow-up. Which reporter asked is not kept: a request
        -- and its dossiers hold dates only, nothing that would need erasing with the reporter.
        CREATE TABLE access_requests (
          id INTEGER PRIMARY KEY,
          case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
          requested_on TEXT NOT NULL CHECK (requested_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
          follow_up_id INTEGER REFERENCES follow_ups (id) ON DELETE SET NULL,
          created_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX access_requests_by_case ON access_requests (case_id, requested_on);

        -- That a dossier answering a request was given, and when; never its content.
        CREATE TABLE access_dossiers (
          id INTEGER PRIMARY KEY,
          request_id INTEGER NOT NULL REFERENCES access_requests (id) ON DELETE CASCADE,
          given_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX access_dossiers_by_request ON access_dossiers (request_id);

        -- One reporter of a joint case erased at their request, without content: like a destruction,
        -- it makes every backup made between the case's first contact and the erasure stale.
        CREATE TABLE reporter_erasures (
          id INTEGER PRIMARY KEY,
          case_id INTEGER NOT NULL,
          first_contact_at TEXT NOT NULL,
          erased_at TEXT NOT NULL
        ) STRICT;
    `);
  },
};
