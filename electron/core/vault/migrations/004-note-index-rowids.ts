import type { Db } from '../database';

export const noteIndexRowids = {
  version: 4,
  up(db: Db): void {
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
};
