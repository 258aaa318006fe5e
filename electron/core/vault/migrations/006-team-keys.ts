import type { Db } from '../database';

export const teamKeys = {
  version: 6,
  up(db: Db): void {
    db.exec(`
        -- This vault's Ed25519 key: it signs every export, and its public half reaches the team
        -- with the acceptance of the invitation. Made on first use.
        CREATE TABLE vault_signing_key (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          private_key BLOB NOT NULL,
          public_key BLOB NOT NULL
        ) STRICT;
        -- The merging member's team: the age identity that opens sealed exports never leaves
        -- the vault through the app (it is in the vault's backups, encrypted like the rest).
        CREATE TABLE team_identity (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          team_id TEXT NOT NULL,
          organisation TEXT NOT NULL,
          age_identity TEXT NOT NULL,
          -- Every merging member's recipient, sorted; exports are sealed to each of them.
          recipients TEXT NOT NULL,
          units TEXT NOT NULL,
          k INTEGER NOT NULL,
          created_on TEXT NOT NULL
        ) STRICT;
        -- An adviser's accepted invitation: to whom exports are sealed.
        CREATE TABLE team_membership (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          invitation TEXT NOT NULL,
          fingerprint TEXT NOT NULL,
          accepted_on TEXT NOT NULL
        ) STRICT;
        -- Advisers whose acceptance the merging member imported: their exports are trusted.
        CREATE TABLE team_signers (
          adviser_id TEXT PRIMARY KEY,
          function TEXT NOT NULL,
          external INTEGER NOT NULL,
          public_key BLOB NOT NULL,
          added_on TEXT NOT NULL
        ) STRICT;
    `);
  },
};
