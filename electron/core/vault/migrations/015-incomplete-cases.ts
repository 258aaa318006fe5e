import type { Db } from '../database';

export const incompleteCases = {
  version: 15,
  rebuildsTables: true,
  up(db: Db): void {
    db.exec(`
        -- A case may now be saved before its statistics are answered (issue "Note first"): an
        -- unanswered answer is NULL, never a default, so the answers the adviser must give lose
        -- NOT NULL and their DEFAULT. SQLite cannot drop NOT NULL, so both tables are rebuilt
        -- (https://www.sqlite.org/lang_altertable.html, section 7) with foreign keys off
        -- (rebuildsTables), keeping every row and every child row; the copy is made under a
        -- holding name first, so the rebuilt table is created under its own name and no other
        -- table's references or triggers are rewritten.
        CREATE TABLE cases_before_15 AS SELECT * FROM cases;
        DROP TABLE cases;
        CREATE TABLE cases (
          id INTEGER PRIMARY KEY,
          first_contact_at TEXT NOT NULL,
          intake_route TEXT,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          label TEXT NOT NULL DEFAULT '',
          first_response_at TEXT,
          referred_in_by TEXT,
          reporter_identified INTEGER,
          other_party_relation TEXT,
          other_party_hierarchical INTEGER,
          other_party_description TEXT NOT NULL DEFAULT '',
          recency TEXT,
          frequency TEXT,
          people_affected INTEGER,
          people_behaving_badly INTEGER,
          status TEXT NOT NULL DEFAULT 'open',
          closed_on TEXT,
          outcome TEXT,
          destroy_by TEXT,
          statistics_consent TEXT NOT NULL DEFAULT 'not_asked',
          needs_attention INTEGER NOT NULL DEFAULT 0,
          nature_set TEXT,
          handling_set TEXT,
          reporter_count INTEGER NOT NULL DEFAULT 0,
          has_bystander INTEGER NOT NULL DEFAULT 0,
          conversation_count INTEGER NOT NULL DEFAULT 0,
          number_year INTEGER,
          number_seq INTEGER,
          -- 'incomplete': saved before its statistics were answered, counted nowhere and listed at
          -- the export; 'left_out': an incomplete case the adviser left out of the statistics on
          -- purpose. No default: every save says which it is.
          statistics_completion TEXT NOT NULL CHECK (statistics_completion IN ('complete', 'incomplete', 'left_out'))
        ) STRICT;
        INSERT INTO cases (
          id, first_contact_at, intake_route, created_at, updated_at, label, first_response_at, referred_in_by,
          reporter_identified, other_party_relation, other_party_hierarchical, other_party_description, recency,
          frequency, people_affected, people_behaving_badly, status, closed_on, outcome, destroy_by,
          statistics_consent, needs_attention, nature_set, handling_set, reporter_count, has_bystander,
          conversation_count, number_year, number_seq, statistics_completion)
        SELECT
          id, first_contact_at, intake_route, created_at, updated_at, label, first_response_at, referred_in_by,
          reporter_identified, other_party_relation, other_party_hierarchical, other_party_description, recency,
          frequency, people_affected, people_behaving_badly, status, closed_on, outcome, destroy_by,
          statistics_consent, needs_attention, nature_set, handling_set, reporter_count, has_bystander,
          conversation_count, number_year, number_seq, 'complete'
        FROM cases_before_15;
        DROP TABLE cases_before_15;
        CREATE INDEX cases_by_first_contact ON cases (first_contact_at DESC, id DESC);
        CREATE UNIQUE INDEX cases_by_number ON cases (number_year, number_seq);
        CREATE INDEX cases_by_statistics_consent ON cases (statistics_consent, first_contact_at);
        CREATE INDEX cases_by_status ON cases (status, first_contact_at DESC, id DESC);
        CREATE INDEX cases_needing_attention ON cases (needs_attention) WHERE needs_attention = 1;
        -- The export lists a period's incomplete cases from this index alone.
        CREATE INDEX cases_incomplete ON cases (first_contact_at) WHERE statistics_completion = 'incomplete';
        -- The search triggers as migration 12 made them; the documents in case_index are kept.
        CREATE TRIGGER cases_search_insert AFTER INSERT ON cases BEGIN 
        DELETE FROM case_index WHERE rowid = new.id;
        INSERT INTO case_index (rowid, body) 
          SELECT c.id, concat_ws(' ', c.label,
            (SELECT group_concat(notes || ' ' || participants, ' ') FROM conversations WHERE case_id = c.id),
            (SELECT hearing_notes FROM mediations WHERE case_id = c.id),
            (SELECT group_concat(notes, ' ') FROM mediation_sessions WHERE case_id = c.id),
            (SELECT group_concat(text, ' ') FROM mediation_agreements WHERE case_id = c.id))
          FROM cases c WHERE c.id = new.id; END;
        CREATE TRIGGER cases_search_label AFTER UPDATE OF label ON cases BEGIN 
        DELETE FROM case_index WHERE rowid = new.id;
        INSERT INTO case_index (rowid, body) 
          SELECT c.id, concat_ws(' ', c.label,
            (SELECT group_concat(notes || ' ' || participants, ' ') FROM conversations WHERE case_id = c.id),
            (SELECT hearing_notes FROM mediations WHERE case_id = c.id),
            (SELECT group_concat(notes, ' ') FROM mediation_sessions WHERE case_id = c.id),
            (SELECT group_concat(text, ' ') FROM mediation_agreements WHERE case_id = c.id))
          FROM cases c WHERE c.id = new.id; END;
        CREATE TRIGGER cases_search_delete AFTER DELETE ON cases BEGIN DELETE FROM case_index WHERE rowid = old.id; END;

        -- A reporter's name and unit stay text (empty when not given); the five answers that are
        -- counted may now be NULL.
        CREATE TABLE case_reporters_before_15 AS SELECT * FROM case_reporters;
        DROP TABLE case_reporters;
        CREATE TABLE case_reporters (
          id INTEGER PRIMARY KEY,
          case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
          position INTEGER NOT NULL,
          name TEXT NOT NULL,
          staff_category TEXT,
          age_band TEXT,
          gender TEXT,
          unit TEXT NOT NULL,
          role TEXT,
          international INTEGER,
          employment_status TEXT,
          earlier_period TEXT
        ) STRICT;
        INSERT INTO case_reporters (id, case_id, position, name, staff_category, age_band, gender, unit, role, international, employment_status, earlier_period)
          SELECT id, case_id, position, name, staff_category, age_band, gender, unit, role, international, employment_status, earlier_period
          FROM case_reporters_before_15;
        DROP TABLE case_reporters_before_15;
        CREATE INDEX case_reporters_by_case ON case_reporters (case_id, position);
        CREATE INDEX case_reporters_by_role ON case_reporters (case_id, role);
        -- The summary triggers as migration 5 made them; the summaries on cases were copied.
        CREATE TRIGGER case_reporters_summary_insert AFTER INSERT ON case_reporters BEGIN
          UPDATE cases SET reporter_count = (SELECT count(*) FROM case_reporters WHERE case_id = new.case_id), has_bystander = EXISTS (SELECT 1 FROM case_reporters WHERE case_id = new.case_id AND role = 'bystander') WHERE id = new.case_id; 
        END;
        CREATE TRIGGER case_reporters_summary_delete AFTER DELETE ON case_reporters BEGIN
          UPDATE cases SET reporter_count = (SELECT count(*) FROM case_reporters WHERE case_id = old.case_id), has_bystander = EXISTS (SELECT 1 FROM case_reporters WHERE case_id = old.case_id AND role = 'bystander') WHERE id = old.case_id; 
        END;
        CREATE TRIGGER case_reporters_summary_update AFTER UPDATE ON case_reporters BEGIN
          UPDATE cases SET reporter_count = (SELECT count(*) FROM case_reporters WHERE case_id = new.case_id), has_bystander = EXISTS (SELECT 1 FROM case_reporters WHERE case_id = new.case_id AND role = 'bystander') WHERE id = new.case_id; UPDATE cases SET reporter_count = (SELECT count(*) FROM case_reporters WHERE case_id = old.case_id), has_bystander = EXISTS (SELECT 1 FROM case_reporters WHERE case_id = old.case_id AND role = 'bystander') WHERE id = old.case_id;
        END;
    `);
  },
};
