import type { Db } from '../database';

export const countingModel = {
  version: 5,
  up(db: Db): void {
    // The counting model of the team report (issue "Count what the team really publishes").
    db.exec(`
        -- A former or seconded employee keeps a staff category; the old categories become a status.
        ALTER TABLE case_reporters ADD COLUMN employment_status TEXT NOT NULL DEFAULT 'current';
        UPDATE case_reporters SET employment_status = 'former', staff_category = 'other' WHERE staff_category = 'former_employee';
        UPDATE case_reporters SET employment_status = 'seconded', staff_category = 'other' WHERE staff_category = 'seconded_external';
        ALTER TABLE case_reporters ADD COLUMN earlier_period TEXT NOT NULL DEFAULT 'not_earlier';
        UPDATE case_reporters SET earlier_period = 'other_earlier_period' WHERE reported_afterwards = 1;
        ALTER TABLE case_reporters DROP COLUMN reported_afterwards;

        -- Every earlier consent was a consent given; a refusal is a new explicit answer.
        ALTER TABLE case_consents ADD COLUMN answer TEXT NOT NULL DEFAULT 'given';

        -- Derived from the consent record at every save; read by the list and the export.
        ALTER TABLE cases ADD COLUMN statistics_consent TEXT NOT NULL DEFAULT 'not_asked';
        UPDATE cases SET statistics_consent = 'refused'
          WHERE id IN (SELECT case_id FROM case_consents WHERE scope = 'count_in_statistics');
        UPDATE cases SET statistics_consent = 'given'
          WHERE id IN (SELECT case_id FROM case_consents WHERE scope = 'count_in_statistics' AND withdrawn_on IS NULL);
        -- The export reads a period's counted cases, and lists the uncounted ones, from this index alone.
        CREATE INDEX cases_by_statistics_consent ON cases (statistics_consent, first_contact_at);
        -- Joint reports and bystanders per case without reading the reporter rows.
        CREATE INDEX case_reporters_by_role ON case_reporters (case_id, role);

        -- Cases saved before the current rules keep what they hold and are flagged for the adviser:
        -- no nature, advice only beside other handlings, a route and a source that disagree (a case
        -- "via the concerns point" without the concerns point as source stays counted here until the
        -- adviser says where it came from), two statistics answers, or a reporter whose staff
        -- category was "former" or "seconded" and is now "other" until the adviser sets the real one.
        ALTER TABLE cases ADD COLUMN needs_attention INTEGER NOT NULL DEFAULT 0;
        UPDATE cases SET needs_attention = 1
          WHERE NOT EXISTS (SELECT 1 FROM case_natures n WHERE n.case_id = cases.id)
             OR (EXISTS (SELECT 1 FROM case_handlings h WHERE h.case_id = cases.id AND h.handling = 'advice_only')
                 AND EXISTS (SELECT 1 FROM case_handlings h WHERE h.case_id = cases.id AND h.handling != 'advice_only'))
             OR (intake_route = 'referred_by_function'
                 AND (referred_in_by IS NULL OR referred_in_by NOT IN ('concerns_point', 'ombudsperson', 'confidential_adviser', 'faculty_adviser')))
             OR (intake_route NOT IN ('via_concerns_point', 'referred_by_function')
                 AND referred_in_by IN ('concerns_point', 'ombudsperson', 'confidential_adviser', 'faculty_adviser'))
             OR (intake_route = 'via_concerns_point' AND (referred_in_by IS NULL OR referred_in_by != 'concerns_point'))
             OR (SELECT count(*) FROM case_consents k WHERE k.case_id = cases.id AND k.scope = 'count_in_statistics') > 1
             OR EXISTS (SELECT 1 FROM case_reporters r WHERE r.case_id = cases.id AND r.employment_status != 'current');
        CREATE INDEX cases_needing_attention ON cases (needs_attention) WHERE needs_attention = 1;

        -- Per-case summaries the yearly export groups by, so it reads one row per case instead of
        -- probing four child tables for each. Triggers keep them, so no write path can forget one.
        ALTER TABLE cases ADD COLUMN nature_set TEXT;
        ALTER TABLE cases ADD COLUMN handling_set TEXT;
        ALTER TABLE cases ADD COLUMN reporter_count INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE cases ADD COLUMN has_bystander INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE cases ADD COLUMN conversation_count INTEGER NOT NULL DEFAULT 0;
        -- One trigger per change of a child table refreshes the summary it feeds: a later change to
        -- a summary is a new migration that drops and re-creates its triggers. A set is the case's
        -- sorted values joined by '+', the shape the export groups by.
        CREATE TRIGGER case_natures_summary_insert AFTER INSERT ON case_natures BEGIN
          UPDATE cases SET nature_set = (SELECT group_concat(nature, '+') FROM (SELECT nature FROM case_natures WHERE case_id = new.case_id ORDER BY nature)) WHERE id = new.case_id; 
        END;
        CREATE TRIGGER case_natures_summary_delete AFTER DELETE ON case_natures BEGIN
          UPDATE cases SET nature_set = (SELECT group_concat(nature, '+') FROM (SELECT nature FROM case_natures WHERE case_id = old.case_id ORDER BY nature)) WHERE id = old.case_id; 
        END;
        CREATE TRIGGER case_natures_summary_update AFTER UPDATE ON case_natures BEGIN
          UPDATE cases SET nature_set = (SELECT group_concat(nature, '+') FROM (SELECT nature FROM case_natures WHERE case_id = new.case_id ORDER BY nature)) WHERE id = new.case_id; UPDATE cases SET nature_set = (SELECT group_concat(nature, '+') FROM (SELECT nature FROM case_natures WHERE case_id = old.case_id ORDER BY nature)) WHERE id = old.case_id;
        END;
        CREATE TRIGGER case_handlings_summary_insert AFTER INSERT ON case_handlings BEGIN
          UPDATE cases SET handling_set = (SELECT group_concat(handling, '+') FROM (SELECT handling FROM case_handlings WHERE case_id = new.case_id ORDER BY handling)) WHERE id = new.case_id; 
        END;
        CREATE TRIGGER case_handlings_summary_delete AFTER DELETE ON case_handlings BEGIN
          UPDATE cases SET handling_set = (SELECT group_concat(handling, '+') FROM (SELECT handling FROM case_handlings WHERE case_id = old.case_id ORDER BY handling)) WHERE id = old.case_id; 
        END;
        CREATE TRIGGER case_handlings_summary_update AFTER UPDATE ON case_handlings BEGIN
          UPDATE cases SET handling_set = (SELECT group_concat(handling, '+') FROM (SELECT handling FROM case_handlings WHERE case_id = new.case_id ORDER BY handling)) WHERE id = new.case_id; UPDATE cases SET handling_set = (SELECT group_concat(handling, '+') FROM (SELECT handling FROM case_handlings WHERE case_id = old.case_id ORDER BY handling)) WHERE id = old.case_id;
        END;
        CREATE TRIGGER case_reporters_summary_insert AFTER INSERT ON case_reporters BEGIN
          UPDATE cases SET reporter_count = (SELECT count(*) FROM case_reporters WHERE case_id = new.case_id), has_bystander = EXISTS (SELECT 1 FROM case_reporters WHERE case_id = new.case_id AND role = 'bystander') WHERE id = new.case_id; 
        END;
        CREATE TRIGGER case_reporters_summary_delete AFTER DELETE ON case_reporters BEGIN
          UPDATE cases SET reporter_count = (SELECT count(*) FROM case_reporters WHERE case_id = old.case_id), has_bystander = EXISTS (SELECT 1 FROM case_reporters WHERE case_id = old.case_id AND role = 'bystander') WHERE id = old.case_id; 
        END;
        CREATE TRIGGER case_reporters_summary_update AFTER UPDATE ON case_reporters BEGIN
          UPDATE cases SET reporter_count = (SELECT count(*) FROM case_reporters WHERE case_id = new.case_id), has_bystander = EXISTS (SELECT 1 FROM case_reporters WHERE case_id = new.case_id AND role = 'bystander') WHERE id = new.case_id; UPDATE cases SET reporter_count = (SELECT count(*) FROM case_reporters WHERE case_id = old.case_id), has_bystander = EXISTS (SELECT 1 FROM case_reporters WHERE case_id = old.case_id AND role = 'bystander') WHERE id = old.case_id;
        END;
        CREATE TRIGGER conversations_summary_insert AFTER INSERT ON conversations BEGIN
          UPDATE cases SET conversation_count = (SELECT count(*) FROM conversations WHERE case_id = new.case_id) WHERE id = new.case_id; 
        END;
        CREATE TRIGGER conversations_summary_delete AFTER DELETE ON conversations BEGIN
          UPDATE cases SET conversation_count = (SELECT count(*) FROM conversations WHERE case_id = old.case_id) WHERE id = old.case_id; 
        END;
        CREATE TRIGGER conversations_summary_update AFTER UPDATE ON conversations BEGIN
          UPDATE cases SET conversation_count = (SELECT count(*) FROM conversations WHERE case_id = new.case_id) WHERE id = new.case_id; UPDATE cases SET conversation_count = (SELECT count(*) FROM conversations WHERE case_id = old.case_id) WHERE id = old.case_id;
        END;
        -- The summaries of the cases already in the vault.
        UPDATE cases SET
          nature_set = (SELECT group_concat(nature, '+') FROM (SELECT nature FROM case_natures WHERE case_id = cases.id ORDER BY nature)),
          handling_set = (SELECT group_concat(handling, '+') FROM (SELECT handling FROM case_handlings WHERE case_id = cases.id ORDER BY handling)),
          reporter_count = (SELECT count(*) FROM case_reporters WHERE case_id = cases.id),
          has_bystander = EXISTS (SELECT 1 FROM case_reporters WHERE case_id = cases.id AND role = 'bystander'),
          conversation_count = (SELECT count(*) FROM conversations WHERE case_id = cases.id);

        -- The external adviser became a faculty adviser with the external flag.
        INSERT OR REPLACE INTO meta (key, value)
          SELECT 'external', CASE value WHEN 'external_confidential_adviser' THEN '1' ELSE '0' END FROM meta WHERE key = 'function';
        UPDATE meta SET value = 'faculty_confidential_adviser' WHERE key = 'function' AND value = 'external_confidential_adviser';

        -- Formal written advice to the board to start an investigation: a team action, not a case.
        CREATE TABLE board_advices (
          id INTEGER PRIMARY KEY,
          given_on TEXT NOT NULL,
          reports_concerned INTEGER NOT NULL,
          response TEXT NOT NULL,
          note TEXT NOT NULL
        ) STRICT;

        -- Imports are per adviser and per report year. Exports of the previous format carry no
        -- adviser id and cannot be merged by the new rule: they are kept as they were, apart, and
        -- the report screen says how many to import again from new exports.
        ALTER TABLE team_imports RENAME TO team_imports_previous_format;
        CREATE TABLE team_imports (
          export_id TEXT PRIMARY KEY,
          adviser_id TEXT NOT NULL,
          function TEXT NOT NULL,
          report_year INTEGER NOT NULL,
          period_from TEXT NOT NULL,
          period_to TEXT NOT NULL,
          exported_on TEXT NOT NULL,
          content TEXT NOT NULL,
          imported_at TEXT NOT NULL
        ) STRICT;
        -- The overlap check: earlier imports of the same adviser.
        CREATE INDEX team_imports_by_adviser_period ON team_imports (adviser_id, period_from);
        CREATE INDEX team_imports_by_year ON team_imports (report_year);
        -- Every replacement of an adviser's import by a newer export, for the publication's differencing check.
        CREATE TABLE team_replacements (
          id INTEGER PRIMARY KEY,
          report_year INTEGER NOT NULL,
          adviser_id TEXT NOT NULL,
          replaced_export_id TEXT NOT NULL,
          replaced_period_from TEXT NOT NULL,
          replaced_period_to TEXT NOT NULL,
          replaced_exported_on TEXT NOT NULL,
          replacement_export_id TEXT NOT NULL,
          replaced_at TEXT NOT NULL
        ) STRICT;
        -- The organisation's head-count per report year, entered once by the team.
        CREATE TABLE team_headcounts (
          report_year INTEGER PRIMARY KEY,
          headcount INTEGER NOT NULL
        ) STRICT;

        -- A random id, not a name: it tells the team two exports came from the same adviser. A
        -- version 4 UUID (RFC 9562) from SQLite's own randomness: 122 random bits, the version
        -- digit 4, the variant digit 8, 9, a or b.
        INSERT OR IGNORE INTO meta (key, value)
          SELECT 'adviser_id', lower(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-'
            || substr('89ab89ab89ab89ab', instr('0123456789ABCDEF', substr(h, 17, 1)), 1) || substr(h, 18, 3) || '-' || substr(h, 21, 12))
          FROM (SELECT hex(randomblob(16)) AS h);
    `);
  },
};
