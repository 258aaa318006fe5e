import type { Db } from '../database';

export const caseRecord = {
  version: 2,
  up(db: Db): void {
    db.exec(`
        ALTER TABLE cases ADD COLUMN label TEXT NOT NULL DEFAULT '';
        ALTER TABLE cases ADD COLUMN first_response_at TEXT;
        ALTER TABLE cases ADD COLUMN referred_in_by TEXT;
        ALTER TABLE cases ADD COLUMN reporter_identified INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE cases ADD COLUMN other_party_relation TEXT;
        ALTER TABLE cases ADD COLUMN other_party_hierarchical INTEGER;
        ALTER TABLE cases ADD COLUMN other_party_description TEXT NOT NULL DEFAULT '';
        ALTER TABLE cases ADD COLUMN recency TEXT;
        ALTER TABLE cases ADD COLUMN frequency TEXT;
        ALTER TABLE cases ADD COLUMN people_affected INTEGER;
        ALTER TABLE cases ADD COLUMN people_behaving_badly INTEGER;
        ALTER TABLE cases ADD COLUMN status TEXT NOT NULL DEFAULT 'open';
        ALTER TABLE cases ADD COLUMN closed_on TEXT;
        ALTER TABLE cases ADD COLUMN outcome TEXT;
        ALTER TABLE cases ADD COLUMN destroy_by TEXT;
        -- The status filter, newest first.
        CREATE INDEX cases_by_status ON cases (status, first_contact_at DESC, id DESC);

        CREATE TABLE case_reporters (
          id INTEGER PRIMARY KEY,
          case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
          position INTEGER NOT NULL,
          name TEXT NOT NULL,
          staff_category TEXT NOT NULL,
          age_band TEXT NOT NULL,
          gender TEXT,
          unit TEXT NOT NULL,
          role TEXT NOT NULL,
          reported_afterwards INTEGER NOT NULL,
          international INTEGER
        ) STRICT;
        CREATE INDEX case_reporters_by_case ON case_reporters (case_id, position);

        CREATE TABLE case_natures (
          case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
          nature TEXT NOT NULL,
          PRIMARY KEY (case_id, nature)
        ) STRICT, WITHOUT ROWID;
        -- The nature filter and comparable cases: from a nature to its cases.
        CREATE INDEX case_natures_by_nature ON case_natures (nature, case_id);

        CREATE TABLE case_handlings (
          case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
          handling TEXT NOT NULL,
          PRIMARY KEY (case_id, handling)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE case_referrals (
          id INTEGER PRIMARY KEY,
          case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
          target TEXT NOT NULL,
          referred_on TEXT NOT NULL
        ) STRICT;
        CREATE INDEX case_referrals_by_case ON case_referrals (case_id);

        CREATE TABLE case_consents (
          id INTEGER PRIMARY KEY,
          case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
          scope TEXT NOT NULL,
          with_whom TEXT NOT NULL,
          given_on TEXT NOT NULL,
          withdrawn_on TEXT
        ) STRICT;
        CREATE INDEX case_consents_by_case ON case_consents (case_id);

        CREATE TABLE conversations (
          id INTEGER PRIMARY KEY,
          case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
          held_at TEXT NOT NULL,
          duration_minutes INTEGER NOT NULL,
          mode TEXT NOT NULL,
          participants TEXT NOT NULL,
          notes TEXT NOT NULL
        ) STRICT;
        -- The timeline of one case, and the conversation count per case in the list.
        CREATE INDEX conversations_by_case ON conversations (case_id, held_at);

        CREATE TABLE mediations (
          case_id INTEGER PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
          other_party_consent INTEGER NOT NULL,
          other_party_consent_on TEXT,
          hearing_held_on TEXT,
          hearing_notes TEXT NOT NULL,
          outcome TEXT
        ) STRICT;
        CREATE TABLE mediation_parties (
          id INTEGER PRIMARY KEY,
          case_id INTEGER NOT NULL REFERENCES mediations (case_id) ON DELETE CASCADE,
          role TEXT NOT NULL,
          description TEXT NOT NULL
        ) STRICT;
        CREATE INDEX mediation_parties_by_case ON mediation_parties (case_id);
        CREATE TABLE mediation_sessions (
          id INTEGER PRIMARY KEY,
          case_id INTEGER NOT NULL REFERENCES mediations (case_id) ON DELETE CASCADE,
          held_at TEXT NOT NULL,
          attendees TEXT NOT NULL,
          notes TEXT NOT NULL
        ) STRICT;
        CREATE INDEX mediation_sessions_by_case ON mediation_sessions (case_id, held_at);
        CREATE TABLE mediation_agreements (
          id INTEGER PRIMARY KEY,
          case_id INTEGER NOT NULL REFERENCES mediations (case_id) ON DELETE CASCADE,
          agreed_on TEXT NOT NULL,
          text TEXT NOT NULL
        ) STRICT;
        CREATE INDEX mediation_agreements_by_case ON mediation_agreements (case_id);

        CREATE TABLE signals (
          id INTEGER PRIMARY KEY,
          noted_on TEXT NOT NULL,
          unit TEXT NOT NULL,
          theme TEXT NOT NULL,
          note TEXT NOT NULL
        ) STRICT;
        CREATE TABLE activities (
          id INTEGER PRIMARY KEY,
          held_on TEXT NOT NULL,
          type TEXT NOT NULL,
          audience TEXT NOT NULL,
          attendees INTEGER NOT NULL
        ) STRICT;

        -- Full-text search over every note, inside the encrypted file like everything else.
        CREATE VIRTUAL TABLE note_index USING fts5 (
          body, case_id UNINDEXED, source UNINDEXED, source_id UNINDEXED,
          tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER conversations_index_insert AFTER INSERT ON conversations BEGIN
          INSERT INTO note_index (body, case_id, source, source_id) VALUES (new.notes || ' ' || new.participants, new.case_id, 'conversation', new.id);
        END;
        CREATE TRIGGER conversations_index_update AFTER UPDATE ON conversations BEGIN
          DELETE FROM note_index WHERE source = 'conversation' AND source_id = old.id;
          INSERT INTO note_index (body, case_id, source, source_id) VALUES (new.notes || ' ' || new.participants, new.case_id, 'conversation', new.id);
        END;
        CREATE TRIGGER conversations_index_delete AFTER DELETE ON conversations BEGIN
          DELETE FROM note_index WHERE source = 'conversation' AND source_id = old.id;
        END;
        CREATE TRIGGER sessions_index_insert AFTER INSERT ON mediation_sessions BEGIN
          INSERT INTO note_index (body, case_id, source, source_id) VALUES (new.notes, new.case_id, 'session', new.id);
        END;
        CREATE TRIGGER sessions_index_delete AFTER DELETE ON mediation_sessions BEGIN
          DELETE FROM note_index WHERE source = 'session' AND source_id = old.id;
        END;
        CREATE TRIGGER agreements_index_insert AFTER INSERT ON mediation_agreements BEGIN
          INSERT INTO note_index (body, case_id, source, source_id) VALUES (new.text, new.case_id, 'agreement', new.id);
        END;
        CREATE TRIGGER agreements_index_delete AFTER DELETE ON mediation_agreements BEGIN
          DELETE FROM note_index WHERE source = 'agreement' AND source_id = old.id;
        END;
        CREATE TRIGGER hearing_index_insert AFTER INSERT ON mediations BEGIN
          INSERT INTO note_index (body, case_id, source, source_id) VALUES (new.hearing_notes, new.case_id, 'hearing', new.case_id);
        END;
        CREATE TRIGGER hearing_index_delete AFTER DELETE ON mediations BEGIN
          DELETE FROM note_index WHERE source = 'hearing' AND source_id = old.case_id;
        END;
        -- Cases made before this schema had no function recorded; the adviser can change it in settings.
        INSERT OR IGNORE INTO meta (key, value) VALUES ('function', 'central_confidential_adviser');
    `);
  },
};
