import { randomUUID } from 'node:crypto';
import type { Db } from './database';

/** The sorted natures of a case, joined by '+': the shape the export groups by. */
const natureSet = (id: string) => `(SELECT group_concat(nature, '+') FROM (SELECT nature FROM case_natures WHERE case_id = ${id} ORDER BY nature))`;
const handlingSet = (id: string) => `(SELECT group_concat(handling, '+') FROM (SELECT handling FROM case_handlings WHERE case_id = ${id} ORDER BY handling))`;
const reporterCount = (id: string) => `(SELECT count(*) FROM case_reporters WHERE case_id = ${id})`;
const hasBystander = (id: string) => `EXISTS (SELECT 1 FROM case_reporters WHERE case_id = ${id} AND role = 'bystander')`;
const conversationCount = (id: string) => `(SELECT count(*) FROM conversations WHERE case_id = ${id})`;

/**
 * One trigger per change of a child table that refreshes the summary it feeds. Migration 5 creates
 * them: a later change to a summary is a new migration that drops and re-creates its triggers.
 */
function summaryTriggers(): string {
  const sources: [table: string, assignments: (id: string) => string][] = [
    ['case_natures', (id) => `nature_set = ${natureSet(id)}`],
    ['case_handlings', (id) => `handling_set = ${handlingSet(id)}`],
    ['case_reporters', (id) => `reporter_count = ${reporterCount(id)}, has_bystander = ${hasBystander(id)}`],
    ['conversations', (id) => `conversation_count = ${conversationCount(id)}`],
  ];
  return sources
    .flatMap(([table, assignments]) =>
      (['INSERT', 'DELETE', 'UPDATE'] as const).map((change) => {
        const id = change === 'DELETE' ? 'old.case_id' : 'new.case_id';
        const alsoOld = change === 'UPDATE' ? `UPDATE cases SET ${assignments('old.case_id')} WHERE id = old.case_id;` : '';
        return `CREATE TRIGGER ${table}_summary_${change.toLowerCase()} AFTER ${change} ON ${table} BEGIN
          UPDATE cases SET ${assignments(id)} WHERE id = ${id}; ${alsoOld}
        END;`;
      }),
    )
    .join('\n');
}

export interface Migration {
  version: number;
  up(db: Db): void;
}

/** Append only: a released migration is never edited, the next change is a new number. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    up(db) {
      db.exec(`
        CREATE TABLE meta (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;
        CREATE TABLE cases (
          id INTEGER PRIMARY KEY,
          first_contact_at TEXT NOT NULL,
          intake_route TEXT NOT NULL,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX cases_by_first_contact ON cases (first_contact_at DESC, id DESC);
      `);
    },
  },
  {
    version: 2,
    up(db) {
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
  },
  {
    version: 3,
    up(db) {
      db.exec(`
        -- Members' anonymised exports imported for the team report: numbers only, kept verbatim.
        CREATE TABLE team_imports (
          export_id TEXT PRIMARY KEY,
          function TEXT NOT NULL,
          period_from TEXT NOT NULL,
          period_to TEXT NOT NULL,
          content TEXT NOT NULL,
          imported_at TEXT NOT NULL
        ) STRICT;
        -- The overlap check: earlier imports of the same function.
        CREATE INDEX team_imports_by_function ON team_imports (function, period_from);
      `);
    },
  },
  {
    version: 4,
    up(db) {
      // The search index keys each note by rowid = case id * 2^32 + kind * 2^28 + source id, so a
      // search finds its cases from the index alone instead of reading a column for every match.
      db.exec(`
        DROP TRIGGER conversations_index_insert;
        DROP TRIGGER conversations_index_update;
        DROP TRIGGER conversations_index_delete;
        DROP TRIGGER sessions_index_insert;
        DROP TRIGGER sessions_index_delete;
        DROP TRIGGER agreements_index_insert;
        DROP TRIGGER agreements_index_delete;
        DROP TRIGGER hearing_index_insert;
        DROP TRIGGER hearing_index_delete;
        DROP TABLE note_index;
        CREATE VIRTUAL TABLE note_index USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');

        CREATE TRIGGER conversations_index_insert AFTER INSERT ON conversations BEGIN
          INSERT INTO note_index (rowid, body) VALUES (new.case_id * 4294967296 + 1 * 268435456 + new.id, new.notes || ' ' || new.participants);
        END;
        CREATE TRIGGER conversations_index_update AFTER UPDATE ON conversations BEGIN
          DELETE FROM note_index WHERE rowid = old.case_id * 4294967296 + 1 * 268435456 + old.id;
          INSERT INTO note_index (rowid, body) VALUES (new.case_id * 4294967296 + 1 * 268435456 + new.id, new.notes || ' ' || new.participants);
        END;
        CREATE TRIGGER conversations_index_delete AFTER DELETE ON conversations BEGIN
          DELETE FROM note_index WHERE rowid = old.case_id * 4294967296 + 1 * 268435456 + old.id;
        END;
        CREATE TRIGGER sessions_index_insert AFTER INSERT ON mediation_sessions BEGIN
          INSERT INTO note_index (rowid, body) VALUES (new.case_id * 4294967296 + 2 * 268435456 + new.id, new.notes);
        END;
        CREATE TRIGGER sessions_index_delete AFTER DELETE ON mediation_sessions BEGIN
          DELETE FROM note_index WHERE rowid = old.case_id * 4294967296 + 2 * 268435456 + old.id;
        END;
        CREATE TRIGGER agreements_index_insert AFTER INSERT ON mediation_agreements BEGIN
          INSERT INTO note_index (rowid, body) VALUES (new.case_id * 4294967296 + 3 * 268435456 + new.id, new.text);
        END;
        CREATE TRIGGER agreements_index_delete AFTER DELETE ON mediation_agreements BEGIN
          DELETE FROM note_index WHERE rowid = old.case_id * 4294967296 + 3 * 268435456 + old.id;
        END;
        CREATE TRIGGER hearing_index_insert AFTER INSERT ON mediations BEGIN
          INSERT INTO note_index (rowid, body) VALUES (new.case_id * 4294967296 + 4 * 268435456, new.hearing_notes);
        END;
        CREATE TRIGGER hearing_index_delete AFTER DELETE ON mediations BEGIN
          DELETE FROM note_index WHERE rowid = old.case_id * 4294967296 + 4 * 268435456;
        END;

        INSERT INTO note_index (rowid, body) SELECT case_id * 4294967296 + 1 * 268435456 + id, notes || ' ' || participants FROM conversations;
        INSERT INTO note_index (rowid, body) SELECT case_id * 4294967296 + 2 * 268435456 + id, notes FROM mediation_sessions;
        INSERT INTO note_index (rowid, body) SELECT case_id * 4294967296 + 3 * 268435456 + id, text FROM mediation_agreements;
        INSERT INTO note_index (rowid, body) SELECT case_id * 4294967296 + 4 * 268435456, hearing_notes FROM mediations;
      `);
    },
  },
  {
    version: 5,
    up(db) {
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
        ${summaryTriggers()}
        UPDATE cases SET
          nature_set = ${natureSet('cases.id')},
          handling_set = ${handlingSet('cases.id')},
          reporter_count = ${reporterCount('cases.id')},
          has_bystander = ${hasBystander('cases.id')},
          conversation_count = ${conversationCount('cases.id')};

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
      `);
      // A random id, not a name: it tells the team two exports came from the same adviser.
      db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('adviser_id', ?)").run(randomUUID());
    },
  },
  {
    version: 6,
    up(db) {
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
  },
  {
    version: 7,
    up(db) {
      db.exec(`
        -- The team's own words in the annual report: the organisation and one text per section.
        CREATE TABLE report_texts (
          report_year INTEGER NOT NULL,
          text_id TEXT NOT NULL,
          value TEXT NOT NULL,
          PRIMARY KEY (report_year, text_id)
        ) STRICT;
        -- Each saved publication: which imports it was built from, and its published (suppressed)
        -- tables, never the imports themselves. The next publication of the same year warns when
        -- imports were removed since; next year's compares with these tables.
        CREATE TABLE report_publications (
          id INTEGER PRIMARY KEY,
          report_year INTEGER NOT NULL,
          published_on TEXT NOT NULL,
          export_ids TEXT NOT NULL,
          tables TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    version: 8,
    up(db) {
      // Deleting from the search index removes a note's words from the index itself, not only
      // from its results; the rebuild clears what earlier edits and deletes left behind.
      db.prepare("INSERT INTO note_index (note_index, rank) VALUES ('secure-delete', 1)").run();
      db.prepare("INSERT INTO note_index (note_index) VALUES ('rebuild')").run();
    },
  },
  {
    version: 9,
    up(db) {
      db.exec(`
        -- What retention destroyed, without content: re-applied when an older backup is restored.
        CREATE TABLE destructions (
          case_id INTEGER NOT NULL,
          first_contact_at TEXT NOT NULL,
          destroyed_at TEXT NOT NULL,
          PRIMARY KEY (case_id, first_contact_at)
        ) STRICT;
      `);
    },
  },
  {
    version: 10,
    up(db) {
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
  },
  {
    version: 11,
    up(db) {
      db.exec(`
        -- Unsaved work kept at a lock; read by nothing that counts, exports or searches.
        CREATE TABLE drafts (
          key TEXT PRIMARY KEY,
          case_id INTEGER REFERENCES cases (id) ON DELETE CASCADE,
          view TEXT NOT NULL,
          content TEXT NOT NULL,
          saved_at TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    version: 12,
    up(db) {
      // One search document per case (its label and every note), keyed by the case id: a word
      // found in many notes of one case is one index entry, so a search reads a third of the
      // entries and needs no de-duplication, and labels are found through the index instead of
      // a LIKE over every case. Each change rewrites its case's document.
      const documents = `
          SELECT c.id, concat_ws(' ', c.label,
            (SELECT group_concat(notes || ' ' || participants, ' ') FROM conversations WHERE case_id = c.id),
            (SELECT hearing_notes FROM mediations WHERE case_id = c.id),
            (SELECT group_concat(notes, ' ') FROM mediation_sessions WHERE case_id = c.id),
            (SELECT group_concat(text, ' ') FROM mediation_agreements WHERE case_id = c.id))
          FROM cases c`;
      const documentOf = (caseId: string) => `
        DELETE FROM case_index WHERE rowid = ${caseId};
        INSERT INTO case_index (rowid, body) ${documents} WHERE c.id = ${caseId};`;
      const followers = ['conversations', 'mediations', 'mediation_sessions', 'mediation_agreements']
        .map(
          (table) => `
        CREATE TRIGGER ${table}_search_insert AFTER INSERT ON ${table} BEGIN ${documentOf('new.case_id')} END;
        CREATE TRIGGER ${table}_search_update AFTER UPDATE ON ${table} BEGIN ${documentOf('old.case_id')} ${documentOf('new.case_id')} END;
        CREATE TRIGGER ${table}_search_delete AFTER DELETE ON ${table} BEGIN ${documentOf('old.case_id')} END;`,
        )
        .join('\n');
      db.exec(`
        DROP TRIGGER conversations_index_insert;
        DROP TRIGGER conversations_index_update;
        DROP TRIGGER conversations_index_delete;
        DROP TRIGGER sessions_index_insert;
        DROP TRIGGER sessions_index_delete;
        DROP TRIGGER agreements_index_insert;
        DROP TRIGGER agreements_index_delete;
        DROP TRIGGER hearing_index_insert;
        DROP TRIGGER hearing_index_delete;
        DROP TABLE note_index;
        CREATE VIRTUAL TABLE case_index USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');
        INSERT INTO case_index (case_index, rank) VALUES ('secure-delete', 1);
        ${followers}
        CREATE TRIGGER cases_search_insert AFTER INSERT ON cases BEGIN ${documentOf('new.id')} END;
        CREATE TRIGGER cases_search_label AFTER UPDATE OF label ON cases BEGIN ${documentOf('new.id')} END;
        CREATE TRIGGER cases_search_delete AFTER DELETE ON cases BEGIN DELETE FROM case_index WHERE rowid = old.id; END;
      `);
      db.exec(`INSERT INTO case_index (rowid, body) ${documents}`);
    },
  },
  {
    version: 13,
    up(db) {
      db.exec(`
        -- Every export the team imported, by adviser, months and sequence (no counts), kept after
        -- its import is removed or replaced: an export no newer than one already seen for the same
        -- months is a replay and is refused.
        CREATE TABLE team_seen_exports (
          adviser_id TEXT NOT NULL,
          sequence INTEGER NOT NULL,
          period_from TEXT NOT NULL,
          period_to TEXT NOT NULL,
          PRIMARY KEY (adviser_id, sequence)
        ) STRICT;
        INSERT OR IGNORE INTO team_seen_exports (adviser_id, sequence, period_from, period_to)
          SELECT adviser_id, json_extract(content, '$.sequence'), period_from, period_to FROM team_imports;
      `);
    },
  },
  {
    version: 14,
    up(db) {
      // The search index's own word list: a typed word becomes the few words it begins, which the
      // index reads as they stream instead of gathering every prefix match first (caseSearch.ts).
      db.exec(`CREATE VIRTUAL TABLE case_index_terms USING fts5vocab(case_index, 'row');`);
    },
  },
];

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Each migration and its version bump commit together, so a crash never leaves half a schema. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): void {
  for (const migration of migrations) {
    if (migration.version <= schemaVersion(db)) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
