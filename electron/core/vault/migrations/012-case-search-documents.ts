import type { Db } from '../database';

export const caseSearchDocuments = {
  version: 12,
  up(db: Db): void {
    // One search document per case (its label and every note), keyed by the case id: a word
    // found in many notes of one case is one index entry, so a search reads a third of the
    // entries and needs no de-duplication, and labels are found through the index instead of
    // a LIKE over every case. Each change rewrites its case's document.
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
        CREATE TRIGGER conversations_search_insert AFTER INSERT ON conversations BEGIN 
        DELETE FROM case_index WHERE rowid = new.case_id;
        INSERT INTO case_index (rowid, body) 
          SELECT c.id, concat_ws(' ', c.label,
            (SELECT group_concat(notes || ' ' || participants, ' ') FROM conversations WHERE case_id = c.id),
            (SELECT hearing_notes FROM mediations WHERE case_id = c.id),
            (SELECT group_concat(notes, ' ') FROM mediation_sessions WHERE case_id = c.id),
            (SELECT group_concat(text, ' ') FROM mediation_agreements WHERE case_id = c.id))
          FROM cases c WHERE c.id = new.case_id; END;
        CREATE TRIGGER conversations_search_update AFTER UPDATE ON conversations BEGIN 
        DELETE FROM case_index WHERE rowid = old.case_id;
        INSERT INTO case_index (rowid, body) 
          SELECT c.id, concat_ws(' ', c.label,
            (SELECT group_concat(notes || ' ' || participants, ' ') FROM conversations WHERE case_id = c.id),
            (SELECT hearing_notes FROM mediations WHERE case_id = c.id),
            (SELECT group_concat(notes, ' ') FROM mediation_sessions WHERE case_id = c.id),
            (SELECT group_concat(text, ' ') FROM mediation_agreements WHERE case_id = c.id))
          FROM cases c WHERE c.id = old.case_id; 
        DELETE FROM case_index WHERE rowid = new.case_id;
        INSERT INTO case_index (rowid, body) 
          SELECT c.id, concat_ws(' ', c.label,
            (SELECT group_concat(notes || ' ' || participants, ' ') FROM conversations WHERE case_id = c.id),
            (SELECT hearing_notes FROM mediations WHERE case_id = c.id),
            (SELECT group_concat(notes, ' ') FROM mediation_sessions WHERE case_id = c.id),
            (SELECT group_concat(text, ' ') FROM mediation_agreements WHERE case_id = c.id))
          FROM cases c WHERE c.id = new.case_id; END;
        CREATE TRIGGER conversations_search_delete AFTER DELETE ON conversations BEGIN 
        DELETE FROM case_index WHERE rowid = old.case_id;
        INSERT INTO case_index (rowid, body) 
          SELECT c.id, concat_ws(' ', c.label,
            (SELECT group_concat(notes || ' ' || participants, ' ') FROM conversations WHERE case_id = c.id),
            (SELECT hearing_notes FROM mediations WHERE case_id = c.id),
            (SELECT group_concat(notes, ' ') FROM mediation_sessions WHERE case_id = c.id),
            (SELECT group_concat(text, ' ') FROM mediation_agreements WHERE case_id = c.id))
          FROM cases c WHERE c.id = old.case_id; END;

        CREATE TRIGGER mediations_search_insert AFTER INSERT ON mediations BEGIN 
        DELETE FROM case_index WHERE rowid = new.case_id;
        INSERT INTO case_index (rowid, body) 
          SELECT c.id, concat_ws(' ', c.label,
            (SELECT group_concat(notes || ' ' || participants, ' ') FROM conversations WHERE case_id = c.id),
            (SELECT hearing_notes FROM mediations WHERE case_id = c.id),
            (SELECT group_concat(notes, ' ') FROM mediation_sessions WHERE case_id = c.id),
            (SELECT group_concat(text, ' ') FROM mediation_agreements WHERE case_id = c.id))
          FROM cases c WHERE c.id = new.case_id; END;
        CREATE TRIGGER mediations_search_update AFTER UPDATE ON mediations BEGIN 
        DELETE FROM case_index WHERE rowid = old.case_id;
        INSERT INTO case_index (rowid, body) 
          SELECT c.id, concat_ws(' ', c.label,
            (SELECT group_concat(notes || ' ' || participants, ' ') FROM conversations WHERE case_id = c.id),
            (SELECT hearing_notes FROM mediations WHERE case_id = c.id),
            (SELECT group_concat(notes, ' ') FROM mediation_sessions WHERE case_id = c.id),
            (SELECT group_concat(text, ' ') FROM mediation_agreements WHERE case_id = c.id))
          FROM cases c WHERE c.id = old.case_id; 
        DELETE FROM case_index WHERE rowid = new.case_id;
        INSERT INTO case_index (rowid, body) 
          SELECT c.id, concat_ws(' ', c.label,
            (SELECT group_concat(notes || ' ' || participants, ' ') FROM conversations WHERE case_id = c.id),
            (SELECT hearing_notes FROM mediations WHERE case_id = c.id),
            (SELECT group_concat(notes, ' ') FROM mediation_sessions WHERE case_id = c.id),
            (SELECT group_concat(text, ' ') FROM mediation_agreements WHERE case_id = c.id))
          FROM cases c WHERE c.id = new.case_id; END;
        CREATE TRIGGER mediations_search_delete AFTER DELETE ON mediations BEGIN 
        DELETE FROM case_index WHERE rowid = old.case_id;
        INSERT INTO case_index (rowid, body) 
          SELECT c.id, concat_ws(' ', c.label,
            (SELECT group_concat(notes || ' ' || participants, ' ') FROM conversations WHERE case_id = c.id),
            (SELECT hearing_notes FROM mediations WHERE case_id = c.id),
            (SELECT group_concat(notes, ' ') FROM mediation_sessions WHERE case_id = c.id),
            (SELECT group_concat(text, ' ') FROM mediation_agreements WHERE case_id = c.id))
          FROM cases c WHERE c.id = old.case_id; END;

        CREATE TRIGGER mediation_sessions_search_insert AFTER INSERT ON mediation_sessions BEGIN 
        DELETE FROM case_index WHERE rowid = new.case_id;
        INSERT INTO case_index (rowid, body) 
          SELECT c.id, concat_ws(' ', c.label,
            (SELECT group_concat(notes || ' ' || participants, ' ') FROM conversations WHERE case_id = c.id),
            (SELECT hearing_notes FROM mediations WHERE case_id = c.id),
            (SELECT group_concat(notes, ' ') FROM mediation_sessions WHERE case_id = c.id),
            (SELECT group_concat(text, ' ') FROM mediation_agreements WHERE case_id = c.id))
          FROM cases c WHERE c.id = new.case_id; END;
        CREATE TRIGGER mediation_sessions_search_update AFTER UPDATE ON mediation_sessions BEGIN 
        DELETE FROM case_index WHERE rowid = old.case_id;
        INSERT INTO case_index (rowid, body) 
          SELECT c.id, concat_ws(' ', c.label,
            (SELECT group_concat(notes || ' ' || participants, ' ') FROM conversations WHERE case_id = c.id),
            (SELECT hearing_notes FROM mediations WHERE case_id = c.id),
            (SELECT group_concat(notes, ' ') FROM mediation_sessions WHERE case_id = c.id),
            (SELECT group_concat(text, ' ') FROM mediation_agreements WHERE case_id = c.id))
          FROM cases c WHERE c.id = old.case_id; 
        DELETE FROM case_index WHERE rowid = new.case_id;
        INSERT INTO case_index (rowid, body) 
          SELECT c.id, concat_ws(' ', c.label,
            (SELECT group_concat(notes || ' ' || participants, ' ') FROM conversations WHERE case_id = c.id),
            (SELECT hearing_notes FROM mediations WHERE case_id = c.id),
            (SELECT group_concat(notes, ' ') FROM mediation_sessions WHERE case_id = c.id),
            (SELECT group_concat(text, ' ') FROM mediation_agreements WHERE case_id = c.id))
          FROM cases c WHERE c.id = new.case_id; END;
        CREATE TRIGGER mediation_sessions_search_delete AFTER DELETE ON mediation_sessions BEGIN 
        DELETE FROM case_index WHERE rowid = old.case_id;
        INSERT INTO case_index (rowid, body) 
          SELECT c.id, concat_ws(' ', c.label,
            (SELECT group_concat(notes || ' ' || participants, ' ') FROM conversations WHERE case_id = c.id),
            (SELECT hearing_notes FROM mediations WHERE case_id = c.id),
            (SELECT group_concat(notes, ' ') FROM mediation_sessions WHERE case_id = c.id),
            (SELECT group_concat(text, ' ') FROM mediation_agreements WHERE case_id = c.id))
          FROM cases c WHERE c.id = old.case_id; END;

        CREATE TRIGGER mediation_agreements_search_insert AFTER INSERT ON mediation_agreements BEGIN 
        DELETE FROM case_index WHERE rowid = new.case_id;
        INSERT INTO case_index (rowid, body) 
          SELECT c.id, concat_ws(' ', c.label,
            (SELECT group_concat(notes || ' ' || participants, ' ') FROM conversations WHERE case_id = c.id),
            (SELECT hearing_notes FROM mediations WHERE case_id = c.id),
            (SELECT group_concat(notes, ' ') FROM mediation_sessions WHERE case_id = c.id),
            (SELECT group_concat(text, ' ') FROM mediation_agreements WHERE case_id = c.id))
          FROM cases c WHERE c.id = new.case_id; END;
        CREATE TRIGGER mediation_agreements_search_update AFTER UPDATE ON mediation_agreements BEGIN 
        DELETE FROM case_index WHERE rowid = old.case_id;
        INSERT INTO case_index (rowid, body) 
          SELECT c.id, concat_ws(' ', c.label,
            (SELECT group_concat(notes || ' ' || participants, ' ') FROM conversations WHERE case_id = c.id),
            (SELECT hearing_notes FROM mediations WHERE case_id = c.id),
            (SELECT group_concat(notes, ' ') FROM mediation_sessions WHERE case_id = c.id),
            (SELECT group_concat(text, ' ') FROM mediation_agreements WHERE case_id = c.id))
          FROM cases c WHERE c.id = old.case_id; 
        DELETE FROM case_index WHERE rowid = new.case_id;
        INSERT INTO case_index (rowid, body) 
          SELECT c.id, concat_ws(' ', c.label,
            (SELECT group_concat(notes || ' ' || participants, ' ') FROM conversations WHERE case_id = c.id),
            (SELECT hearing_notes FROM mediations WHERE case_id = c.id),
            (SELECT group_concat(notes, ' ') FROM mediation_sessions WHERE case_id = c.id),
            (SELECT group_concat(text, ' ') FROM mediation_agreements WHERE case_id = c.id))
          FROM cases c WHERE c.id = new.case_id; END;
        CREATE TRIGGER mediation_agreements_search_delete AFTER DELETE ON mediation_agreements BEGIN 
        DELETE FROM case_index WHERE rowid = old.case_id;
        INSERT INTO case_index (rowid, body) 
          SELECT c.id, concat_ws(' ', c.label,
            (SELECT group_concat(notes || ' ' || participants, ' ') FROM conversations WHERE case_id = c.id),
            (SELECT hearing_notes FROM mediations WHERE case_id = c.id),
            (SELECT group_concat(notes, ' ') FROM mediation_sessions WHERE case_id = c.id),
            (SELECT group_concat(text, ' ') FROM mediation_agreements WHERE case_id = c.id))
          FROM cases c WHERE c.id = old.case_id; END;
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

        -- The documents of the cases already in the vault.
        INSERT INTO case_index (rowid, body)
          SELECT c.id, concat_ws(' ', c.label,
            (SELECT group_concat(notes || ' ' || participants, ' ') FROM conversations WHERE case_id = c.id),
            (SELECT hearing_notes FROM mediations WHERE case_id = c.id),
            (SELECT group_concat(notes, ' ') FROM mediation_sessions WHERE case_id = c.id),
            (SELECT group_concat(text, ' ') FROM mediation_agreements WHERE case_id = c.id))
          FROM cases c;
    `);
  },
};
