import type { Db } from '../database';

export const handover = {
  version: 21,
  up(db: Db): void {
    db.exec(`
        -- The successor's side: receiving keys this vault made. The age identity never leaves the
        -- vault; its public half goes out in a key file.
        CREATE TABLE handover_receiving_keys (
          key_id TEXT PRIMARY KEY,
          age_identity TEXT NOT NULL,
          recipient TEXT NOT NULL,
          created_on TEXT NOT NULL
        ) STRICT;
        -- The leaving side: successors whose key file was added after comparing its code by phone.
        CREATE TABLE handover_successors (
          key_id TEXT PRIMARY KEY,
          recipient TEXT NOT NULL,
          signing_key BLOB NOT NULL,
          adviser_id TEXT NOT NULL,
          function TEXT NOT NULL,
          added_on TEXT NOT NULL
        ) STRICT;
        -- The reporter's consent to hand the case over; without it the case cannot be chosen.
        CREATE TABLE handover_consents (
          case_id INTEGER PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
          given_on TEXT NOT NULL
        ) STRICT;
        -- The leaving adviser's exports saved for a handover: a package leaves only after one
        -- covering the months before it, so their year's counts stay theirs.
        CREATE TABLE handover_leaving_exports (
          export_id TEXT PRIMARY KEY,
          period_to TEXT NOT NULL,
          saved_on TEXT NOT NULL
        ) STRICT;
        -- Packages sent, and the cases in each (by id and first contact, as retention records a
        -- destruction): they are destroyed here only when the successor's confirmation comes back.
        CREATE TABLE handovers_sent (
          package_id TEXT PRIMARY KEY,
          key_id TEXT NOT NULL REFERENCES handover_successors (key_id),
          handed_on TEXT NOT NULL,
          counted_through TEXT NOT NULL,
          confirmed_on TEXT
        ) STRICT;
        CREATE TABLE handover_sent_cases (
          package_id TEXT NOT NULL REFERENCES handovers_sent (package_id),
          case_id INTEGER NOT NULL,
          first_contact_at TEXT NOT NULL,
          PRIMARY KEY (package_id, case_id)
        ) STRICT;
        -- Packages received, kept after their cases are gone: a package opens only once. The
        -- confirmation holds ids and a signature, no case content.
        CREATE TABLE handovers_received (
          package_id TEXT PRIMARY KEY,
          key_id TEXT NOT NULL REFERENCES handover_receiving_keys (key_id),
          from_adviser_id TEXT NOT NULL,
          from_function TEXT NOT NULL,
          handed_on TEXT NOT NULL,
          received_on TEXT NOT NULL,
          confirmation TEXT NOT NULL
        ) STRICT;
        -- A case received by handover: its number in the leaving vault, and what the leaving
        -- adviser's export counted of it (its report if first contacted by then, and every dated
        -- act up to that day), so the successor counts the rest and nothing twice.
        CREATE TABLE received_cases (
          case_id INTEGER PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
          package_id TEXT NOT NULL REFERENCES handovers_received (package_id),
          previous_number TEXT NOT NULL,
          counted_through TEXT NOT NULL,
          received_on TEXT NOT NULL
        ) STRICT;
    `);
  },
};
