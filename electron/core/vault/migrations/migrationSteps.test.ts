import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { Profile } from '../../../../shared/contract';
import type { Db } from '../database';
import { nodeAddonPath } from '../sqliteAddon';
import { MIGRATIONS, migrate, schemaVersion } from '.';

/**
 * Each migration from the version before it, asserted on raw rows and schema only: what the app
 * reads today changes with later migrations, what one migration did to the file does not.
 */
function databaseAt(version: number): Db {
  const db = new Database(':memory:', { nativeBinding: nodeAddonPath() });
  migrate(db, MIGRATIONS.filter((migration) => migration.version <= version));
  return db;
}

function runUpTo(db: Db, version: number): void {
  migrate(db, MIGRATIONS.filter((migration) => migration.version <= version));
  expect(schemaVersion(db)).toBe(version);
}

const objects = (db: Db) => db.prepare("SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as { type: string; name: string }[];
const added = (before: { name: string }[], after: { type: string; name: string }[]) => after.filter((entry) => !before.some((old) => old.name === entry.name));
/** A table's columns as `name TYPE [NOT NULL] [pk n]`. */
const columns = (db: Db, table: string) =>
  (db.pragma(`table_info(${table})`) as { name: string; type: string; notnull: number; pk: number }[]).map(
    (column) => `${column.name} ${column.type}${column.notnull ? ' NOT NULL' : ''}${column.pk ? ` pk ${column.pk}` : ''}`,
  );
const sqlOf = (db: Db, name: string) => db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get(name) as string | undefined;
/** Index blocks of an FTS5 table that still hold a word's bytes. */
const blocksHolding = (db: Db, table: string, word: string) => db.prepare(`SELECT count(*) FROM ${table}_data WHERE instr(block, CAST(? AS BLOB)) > 0`).pluck().get(word);

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('each migration, on raw rows', () => {
  it('5 gives each vault its own random version 4 UUID as adviser id, the form the profile accepts', () => {
    const ids = Array.from({ length: 64 }, () => databaseAt(5).prepare("SELECT value FROM meta WHERE key = 'adviser_id'").pluck().get() as string);
    for (const id of ids) {
      expect(id).toMatch(UUID_V4);
      expect(Profile.shape.adviserId.safeParse(id).success).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length);
    // Every variant digit occurs: the digit is drawn, not fixed.
    expect([...new Set(ids.map((id) => id[19]))].sort()).toEqual(['8', '9', 'a', 'b']);
  });

  it('5 keeps an adviser id the vault already has', () => {
    const db = databaseAt(4);
    db.prepare("INSERT INTO meta (key, value) VALUES ('adviser_id', '00000000-0000-4000-8000-00000000000a')").run();
    runUpTo(db, 5);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'adviser_id'").pluck().all()).toEqual(['00000000-0000-4000-8000-00000000000a']);
  });

  it('6 adds the signing key and the team tables to a version-5 vault, each single-row table holding one row at most', () => {
    const db = databaseAt(5);
    const before = objects(db);
    runUpTo(db, 6);
    expect(added(before, objects(db))).toEqual([
      { type: 'table', name: 'team_identity' },
      { type: 'table', name: 'team_membership' },
      { type: 'table', name: 'team_signers' },
      { type: 'table', name: 'vault_signing_key' },
    ]);
    expect(columns(db, 'vault_signing_key')).toEqual(['id INTEGER pk 1', 'private_key BLOB NOT NULL', 'public_key BLOB NOT NULL']);
    expect(columns(db, 'team_identity')).toEqual([
      'id INTEGER pk 1',
      'team_id TEXT NOT NULL',
      'organisation TEXT NOT NULL',
      'age_identity TEXT NOT NULL',
      'recipients TEXT NOT NULL',
      'units TEXT NOT NULL',
      'k INTEGER NOT NULL',
      'created_on TEXT NOT NULL',
    ]);
    expect(columns(db, 'team_membership')).toEqual(['id INTEGER pk 1', 'invitation TEXT NOT NULL', 'fingerprint TEXT NOT NULL', 'accepted_on TEXT NOT NULL']);
    expect(columns(db, 'team_signers')).toEqual(['adviser_id TEXT NOT NULL pk 1', 'function TEXT NOT NULL', 'external INTEGER NOT NULL', 'public_key BLOB NOT NULL', 'added_on TEXT NOT NULL']);
    db.prepare("INSERT INTO vault_signing_key (id, private_key, public_key) VALUES (1, x'01', x'02')").run();
    expect(() => db.prepare("INSERT INTO vault_signing_key (id, private_key, public_key) VALUES (2, x'01', x'02')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO team_membership (id, invitation, fingerprint, accepted_on) VALUES (2, '', '', '')").run()).toThrow(/CHECK/);
  });

  it('7 adds the report texts, one per year and text, and the publications to a version-6 vault', () => {
    const db = databaseAt(6);
    const before = objects(db);
    runUpTo(db, 7);
    expect(added(before, objects(db))).toEqual([
      { type: 'table', name: 'report_publications' },
      { type: 'table', name: 'report_texts' },
    ]);
    expect(columns(db, 'report_texts')).toEqual(['report_year INTEGER NOT NULL pk 1', 'text_id TEXT NOT NULL pk 2', 'value TEXT NOT NULL']);
    expect(columns(db, 'report_publications')).toEqual(['id INTEGER pk 1', 'report_year INTEGER NOT NULL', 'published_on TEXT NOT NULL', 'export_ids TEXT NOT NULL', 'tables TEXT NOT NULL']);
    db.prepare("INSERT INTO report_texts (report_year, text_id, value) VALUES (2026, 'intro', 'a')").run();
    db.prepare("INSERT INTO report_texts (report_year, text_id, value) VALUES (2027, 'intro', 'b')").run();
    expect(() => db.prepare("INSERT INTO report_texts (report_year, text_id, value) VALUES (2026, 'intro', 'c')").run()).toThrow(/UNIQUE/);
  });

  it('8 clears the words that earlier edits and deletes left in the note index of a version-7 vault, and deletes leave none from then on', () => {
    const db = databaseAt(7);
    db.exec(`
      INSERT INTO cases (id, first_contact_at, intake_route, created_at, updated_at) VALUES (7, '2026-01-05T10:00', 'direct', 'x', 'x');
      INSERT INTO conversations (id, case_id, held_at, duration_minutes, mode, participants, notes) VALUES
        (1, 7, '2026-01-05T10:00', 30, 'phone', '', 'qqbewerkt'),
        (2, 7, '2026-01-06T10:00', 30, 'phone', '', 'qqverwijderd');
    `);
    db.prepare("UPDATE conversations SET notes = 'nieuw' WHERE id = 1").run();
    db.prepare('DELETE FROM conversations WHERE id = 2').run();
    // Before: gone from the results, still in the index's own pages.
    expect(db.prepare("SELECT count(*) FROM note_index WHERE note_index MATCH 'qqbewerkt OR qqverwijderd'").pluck().get()).toBe(0);
    expect(blocksHolding(db, 'note_index', 'qqbewerkt')).toBeGreaterThan(0);
    expect(blocksHolding(db, 'note_index', 'qqverwijderd')).toBeGreaterThan(0);

    runUpTo(db, 8);
    expect(db.prepare("SELECT v FROM note_index_config WHERE k = 'secure-delete'").pluck().get()).toBe(1);
    expect(blocksHolding(db, 'note_index', 'qqbewerkt')).toBe(0);
    expect(blocksHolding(db, 'note_index', 'qqverwijderd')).toBe(0);
    expect(db.prepare("SELECT rowid FROM note_index WHERE note_index MATCH 'nieuw'").pluck().all()).toEqual([7 * 2 ** 32 + 2 ** 28 + 1]);
    db.prepare("UPDATE conversations SET notes = 'qqlater' WHERE id = 1").run();
    db.prepare('DELETE FROM conversations WHERE id = 1').run();
    expect(blocksHolding(db, 'note_index', 'qqlater')).toBe(0);
    expect(blocksHolding(db, 'note_index', 'nieuw')).toBe(0);
  });

  it('9 adds the record of destructions, one row per destroyed case, to a version-8 vault', () => {
    const db = databaseAt(8);
    const before = objects(db);
    runUpTo(db, 9);
    expect(added(before, objects(db))).toEqual([{ type: 'table', name: 'destructions' }]);
    expect(columns(db, 'destructions')).toEqual(['case_id INTEGER NOT NULL pk 1', 'first_contact_at TEXT NOT NULL pk 2', 'destroyed_at TEXT NOT NULL']);
    db.prepare("INSERT INTO destructions (case_id, first_contact_at, destroyed_at) VALUES (3, '2019-01-01T10:00', '2026-01-01T10:00')").run();
    expect(() => db.prepare("INSERT INTO destructions (case_id, first_contact_at, destroyed_at) VALUES (3, '2019-01-01T10:00', '2026-02-01T10:00')").run()).toThrow(/UNIQUE/);
  });

  it('11 adds drafts to a version-10 vault, removed with their case', () => {
    const db = databaseAt(10);
    db.pragma('foreign_keys = ON');
    db.prepare("INSERT INTO cases (id, first_contact_at, intake_route, created_at, updated_at, number_year, number_seq) VALUES (4, '2026-01-05T10:00', 'direct', 'x', 'x', 2026, 1)").run();
    const before = objects(db);
    runUpTo(db, 11);
    expect(added(before, objects(db))).toEqual([{ type: 'table', name: 'drafts' }]);
    expect(columns(db, 'drafts')).toEqual(['key TEXT NOT NULL pk 1', 'case_id INTEGER', 'view TEXT NOT NULL', 'content TEXT NOT NULL', 'saved_at TEXT NOT NULL']);
    db.exec(`
      INSERT INTO drafts (key, case_id, view, content, saved_at) VALUES
        ('case:4', 4, 'case', '{}', '2026-01-06T10:00'),
        ('new-case', NULL, 'case', '{}', '2026-01-06T10:00');
    `);
    db.prepare('DELETE FROM cases WHERE id = 4').run();
    expect(db.prepare('SELECT key FROM drafts').pluck().all()).toEqual(['new-case']);
  });

  it('13 remembers every export a version-12 vault imported, by adviser and sequence', () => {
    const db = databaseAt(12);
    const imported = db.prepare(
      "INSERT INTO team_imports (export_id, adviser_id, function, report_year, period_from, period_to, exported_on, content, imported_at) VALUES (?, ?, 'ombudsperson', 2026, ?, ?, '2026-07-01', ?, 'x')",
    );
    imported.run('e1', 'adviser-a', '2026-01-01', '2026-03-31', JSON.stringify({ sequence: 3 }));
    imported.run('e2', 'adviser-a', '2026-04-01', '2026-06-30', JSON.stringify({ sequence: 4 }));
    imported.run('e3', 'adviser-b', '2026-01-01', '2026-06-30', JSON.stringify({ sequence: 1 }));
    runUpTo(db, 13);
    expect(columns(db, 'team_seen_exports')).toEqual(['adviser_id TEXT NOT NULL pk 1', 'sequence INTEGER NOT NULL pk 2', 'period_from TEXT NOT NULL', 'period_to TEXT NOT NULL']);
    expect(db.prepare('SELECT adviser_id, sequence, period_from, period_to FROM team_seen_exports ORDER BY adviser_id, sequence').all()).toEqual([
      { adviser_id: 'adviser-a', sequence: 3, period_from: '2026-01-01', period_to: '2026-03-31' },
      { adviser_id: 'adviser-a', sequence: 4, period_from: '2026-04-01', period_to: '2026-06-30' },
      { adviser_id: 'adviser-b', sequence: 1, period_from: '2026-01-01', period_to: '2026-06-30' },
    ]);
    // Kept when the import goes: that is what refuses its replay.
    db.prepare('DELETE FROM team_imports').run();
    expect(db.prepare('SELECT count(*) FROM team_seen_exports').pluck().get()).toBe(3);
  });

  it('14 adds the word list of the case index of a version-13 vault, holding the words already indexed', () => {
    const db = databaseAt(13);
    db.prepare("INSERT INTO cases (id, label, first_contact_at, intake_route, created_at, updated_at, number_year, number_seq) VALUES (7, 'Herplaatsing lab', '2026-01-05T10:00', 'direct', 'x', 'x', 2026, 1)").run();
    runUpTo(db, 14);
    expect(sqlOf(db, 'case_index_terms')).toBe("CREATE VIRTUAL TABLE case_index_terms USING fts5vocab(case_index, 'row')");
    expect(db.prepare('SELECT term, doc, cnt FROM case_index_terms ORDER BY term').all()).toEqual([
      { term: 'herplaatsing', doc: 1, cnt: 1 },
      { term: 'lab', doc: 1, cnt: 1 },
    ]);
    db.prepare("UPDATE cases SET label = 'Tweede' WHERE id = 7").run();
    expect(db.prepare('SELECT term FROM case_index_terms').pluck().all()).toEqual(['tweede']);
  });
});
