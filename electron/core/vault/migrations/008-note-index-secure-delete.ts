import type { Db } from '../database';

export const noteIndexSecureDelete = {
  version: 8,
  up(db: Db): void {
    // Deleting from the search index removes a note's words from the index itself, not only
    // from its results; the rebuild clears what earlier edits and deletes left behind.
    db.prepare("INSERT INTO note_index (note_index, rank) VALUES ('secure-delete', 1)").run();
    db.prepare("INSERT INTO note_index (note_index) VALUES ('rebuild')").run();
  },
};
