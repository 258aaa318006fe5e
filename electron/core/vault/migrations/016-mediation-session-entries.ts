import type { Db } from '../database';

/** Rewrites one case's search document from the view; `caseId` is a trigger's `new.…` or `old.…`. */
const rewrite = (caseId: string, only = '') => `
          DELETE FROM case_index WHERE rowid = ${caseId}${only};
          INSERT INTO case_index (rowid, body) SELECT case_id, body FROM case_search_documents WHERE case_id = ${caseId}${only};`;

/** The search triggers of a table holding text of a case, its case in `case_id`. */
function searchTriggers(table: string, textColumns: string[]): string {
  const changed = [...textColumns, 'case_id'].map((column) => `old.${column} IS NOT new.${column}`).join(' OR ');
  return `
        CREATE TRIGGER ${table}_search_insert AFTER INSERT ON ${table} BEGIN${rewrite('new.case_id')}
        END;
        CREATE TRIGGER ${table}_search_update AFTER UPDATE OF ${[...textColumns, 'case_id'].join(', ')} ON ${table} WHEN ${changed} BEGIN${rewrite('new.case_id')}${rewrite('old.case_id', ' AND old.case_id IS NOT new.case_id')}
        END;
        CREATE TRIGGER ${table}_search_delete AFTER DELETE ON ${table} BEGIN${rewrite('old.case_id')}
        END;`;
}

const countOf = (caseId: string) =>
  `UPDATE cases SET conversation_count = (SELECT count(*) FROM conversations WHERE case_id = ${caseId} AND kind = 'conversation') WHERE id = ${caseId};`;

export const mediationSessionEntries = {
  version: 16,
  up(db: Db): void {
    // Every trigger that reads conversations or mediation_sessions goes first, by name, whichever
    // migration last wrote it: the tables under them are rebuilt or dropped below.
    db.exec(`
        DROP TRIGGER IF EXISTS conversations_search_insert;
        DROP TRIGGER IF EXISTS conversations_search_update;
        DROP TRIGGER IF EXISTS conversations_search_delete;
        DROP TRIGGER IF EXISTS conversations_summary_insert;
        DROP TRIGGER IF EXISTS conversations_summary_update;
        DROP TRIGGER IF EXISTS conversations_summary_delete;
        DROP TRIGGER IF EXISTS mediations_search_insert;
        DROP TRIGGER IF EXISTS mediations_search_update;
        DROP TRIGGER IF EXISTS mediations_search_delete;
        DROP TRIGGER IF EXISTS mediation_sessions_search_insert;
        DROP TRIGGER IF EXISTS mediation_sessions_search_update;
        DROP TRIGGER IF EXISTS mediation_sessions_search_delete;
        DROP TRIGGER IF EXISTS mediation_agreements_search_insert;
        DROP TRIGGER IF EXISTS mediation_agreements_search_update;
        DROP TRIGGER IF EXISTS mediation_agreements_search_delete;
        DROP TRIGGER IF EXISTS cases_search_insert;
        DROP TRIGGER IF EXISTS cases_search_label;
        DROP TRIGGER IF EXISTS cases_search_delete;
    `);

    // A mediation session becomes an entry of its case, written where conversations are. Its mode
    // and duration were never asked: they stay NULL, which only a session may leave empty. The
    // table is written afresh instead of renamed, so no rename rewrites the rest of the schema.
    db.exec(`
        CREATE TABLE conversations_before_16 AS SELECT * FROM conversations;
        DROP TABLE conversations;
        CREATE TABLE conversations (
          id INTEGER PRIMARY KEY,
          case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
          kind TEXT NOT NULL DEFAULT 'conversation',
          held_at TEXT NOT NULL,
          duration_minutes INTEGER,
          mode TEXT,
          participants TEXT NOT NULL,
          notes TEXT NOT NULL,
          CHECK (kind = 'mediation_session' OR (kind = 'conversation' AND duration_minutes IS NOT NULL AND mode IS NOT NULL))
        ) STRICT;
        INSERT INTO conversations (id, case_id, kind, held_at, duration_minutes, mode, participants, notes)
          SELECT id, case_id, 'conversation', held_at, duration_minutes, mode, participants, notes FROM conversations_before_16 ORDER BY id;
        DROP TABLE conversations_before_16;
        INSERT INTO conversations (case_id, kind, held_at, duration_minutes, mode, participants, notes)
          SELECT case_id, 'mediation_session', held_at, NULL, NULL, attendees, notes FROM mediation_sessions ORDER BY id;
        DROP TABLE mediation_sessions;
        CREATE INDEX conversations_by_case ON conversations (case_id, held_at);

        -- A case's conversation count leaves its mediation sessions out, as it always did.
        CREATE TRIGGER conversations_summary_insert AFTER INSERT ON conversations BEGIN
          ${countOf('new.case_id')}
        END;
        CREATE TRIGGER conversations_summary_update AFTER UPDATE OF case_id, kind ON conversations BEGIN
          ${countOf('new.case_id')} ${countOf('old.case_id')}
        END;
        CREATE TRIGGER conversations_summary_delete AFTER DELETE ON conversations BEGIN
          ${countOf('old.case_id')}
        END;
    `);

    // Every case's document is written anew below. The index is made afresh rather than emptied:
    // deleting each document under secure-delete rewrites the index's pages one document at a
    // time (seconds at 30,000 cases), where dropping frees them whole (secure_delete zeroes them).
    db.exec(`
        DROP TABLE case_index_terms;
        DROP TABLE case_index;
        CREATE VIRTUAL TABLE case_index USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');
        INSERT INTO case_index (case_index, rank) VALUES ('secure-delete', 1);
        CREATE VIRTUAL TABLE case_index_terms USING fts5vocab(case_index, 'row');
    `);

    // One search document per case holds everything typed about it: the label, the other party's
    // description, each reporter's name and unit, every entry's notes and participants (sessions
    // included), the hearing notes, the parties' descriptions and the agreements. The view says it
    // once; every change to any of it rewrites its case's document.
    db.exec(`
        CREATE VIEW case_search_documents (case_id, body) AS
          SELECT c.id, concat_ws(' ', c.label, c.other_party_description,
            (SELECT group_concat(concat_ws(' ', name, unit), ' ') FROM case_reporters WHERE case_id = c.id),
            (SELECT group_concat(concat_ws(' ', notes, participants), ' ') FROM conversations WHERE case_id = c.id),
            (SELECT hearing_notes FROM mediations WHERE case_id = c.id),
            (SELECT group_concat(description, ' ') FROM mediation_parties WHERE case_id = c.id),
            (SELECT group_concat(text, ' ') FROM mediation_agreements WHERE case_id = c.id))
          FROM cases c;
        ${searchTriggers('conversations', ['notes', 'participants'])}
        ${searchTriggers('case_reporters', ['name', 'unit'])}
        ${searchTriggers('mediations', ['hearing_notes'])}
        ${searchTriggers('mediation_parties', ['description'])}
        ${searchTriggers('mediation_agreements', ['text'])}
        CREATE TRIGGER cases_search_insert AFTER INSERT ON cases BEGIN${rewrite('new.id')}
        END;
        CREATE TRIGGER cases_search_update AFTER UPDATE OF label, other_party_description ON cases
          WHEN old.label IS NOT new.label OR old.other_party_description IS NOT new.other_party_description BEGIN${rewrite('new.id')}
        END;
        CREATE TRIGGER cases_search_delete AFTER DELETE ON cases BEGIN
          DELETE FROM case_index WHERE rowid = old.id;
        END;

        -- The documents of the cases already in the vault.
        INSERT INTO case_index (rowid, body) SELECT case_id, body FROM case_search_documents;
    `);
  },
};
