import { databaseAt } from '../../../../test/support/migratedDatabase';
import { describe, expect, it } from 'vitest';
import type { Db } from '../database';
import { MIGRATIONS, migrate, schemaVersion } from '.';

const columns = (db: Db, table: string) =>
  (db.pragma(`table_info(${table})`) as { name: string; type: string; notnull: number; pk: number }[]).map(
    (column) => `${column.name} ${column.type}${column.notnull ? ' NOT NULL' : ''}${column.pk ? ` pk ${column.pk}` : ''}`,
  );

/** Every row of every ordinary table, by table. */
function allRows(db: Db): Record<string, string[]> {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE TABLE%' AND name NOT LIKE 'case_index%'").pluck().all() as string[];
  return Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT * FROM "${table}"`).all().map((row) => JSON.stringify(row)).sort()]));
}

/** A version-17 vault with two cases, one with two conversations. */
function vaultBefore18(): Db {
  const db = databaseAt(17);
  db.exec(`
    INSERT INTO cases (id, label, first_contact_at, intake_route, created_at, updated_at, number_year, number_seq, other_party_description, statistics_completion) VALUES
      (7, 'Herplaatsing lab', '2026-01-05T10:00', 'direct', 'x', 'x', 2026, 1, '', 'complete'),
      (8, 'Tweede', '2026-01-06T10:00', 'direct', 'x', 'x', 2026, 2, '', 'incomplete');
    INSERT INTO conversations (id, case_id, held_at, duration_minutes, mode, participants, notes) VALUES
      (1, 7, '2026-01-05T10:00', 30, 'phone', '', 'eerste'),
      (2, 7, '2026-01-06T10:00', 45, 'in_person', '', 'tweede');
  `);
  return db;
}

const insert = (db: Db, values: string) =>
  db.prepare(`INSERT INTO follow_ups (case_id, conversation_id, kind, text, due_date, due_time, done_on, created_at) VALUES ${values}`).run();

describe('migration 18', () => {
  it('adds the follow-ups of a version-17 vault, empty, and changes nothing else', () => {
    const db = vaultBefore18();
    const before = allRows(db);
    migrate(db, MIGRATIONS.filter((migration) => migration.version <= 18));
    expect(schemaVersion(db)).toBe(18);
    expect(columns(db, 'follow_ups')).toEqual([
      'id INTEGER pk 1',
      'case_id INTEGER NOT NULL',
      'conversation_id INTEGER',
      'kind TEXT NOT NULL',
      'text TEXT NOT NULL',
      'due_date TEXT NOT NULL',
      'due_time TEXT',
      'done_on TEXT',
      'created_at TEXT NOT NULL',
    ]);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'follow_ups' ORDER BY name").pluck().all()).toEqual([
      'follow_ups_by_case',
      'follow_ups_by_conversation',
      'follow_ups_open_by_due',
    ]);
    const after = allRows(db);
    expect(after.follow_ups).toEqual([]);
    delete after.follow_ups;
    expect(after).toEqual(before);
  });

  it('takes only the four kinds and a step of at most 2,000 characters, on a case that exists', () => {
    const db = vaultBefore18();
    migrate(db, MIGRATIONS.filter((migration) => migration.version <= 18));
    insert(db, "(7, 1, 'own', 'terugbellen', '2026-01-12', '09:30', NULL, 'x')");
    for (const kind of ['procedure_confirmation', 'procedure_feedback', 'access_request']) insert(db, `(7, NULL, '${kind}', '', '2026-02-01', NULL, NULL, 'x')`);
    expect(() => insert(db, "(7, NULL, 'reminder', 'x', '2026-01-12', NULL, NULL, 'x')")).toThrow(/CHECK/);
    expect(() => insert(db, `(7, NULL, 'own', '${'x'.repeat(2001)}', '2026-01-12', NULL, NULL, 'x')`)).toThrow(/CHECK/);
    insert(db, `(7, NULL, 'own', '${'x'.repeat(2000)}', '2026-01-12', NULL, NULL, 'x')`);
    expect(() => insert(db, "(99, NULL, 'own', 'x', '2026-01-12', NULL, NULL, 'x')")).toThrow(/FOREIGN KEY/);
    expect(() => insert(db, "(7, 99, 'own', 'x', '2026-01-12', NULL, NULL, 'x')")).toThrow(/FOREIGN KEY/);
    expect(() => insert(db, "(7, NULL, 'own', NULL, '2026-01-12', NULL, NULL, 'x')")).toThrow(/NOT NULL/);
    expect(db.prepare('SELECT count(*) FROM follow_ups').pluck().get()).toBe(5);
  });

  it('lets a deleted conversation go from its steps, and deletes a case’s steps with it', () => {
    const db = vaultBefore18();
    migrate(db, MIGRATIONS.filter((migration) => migration.version <= 18));
    insert(db, "(7, 1, 'own', 'na eerste', '2026-01-12', NULL, NULL, 'x'), (7, 2, 'own', 'na tweede', '2026-01-13', NULL, NULL, 'x'), (8, NULL, 'own', 'andere zaak', '2026-01-14', NULL, NULL, 'x')");
    db.prepare('DELETE FROM conversations WHERE id = 1').run();
    expect(db.prepare('SELECT text, conversation_id FROM follow_ups ORDER BY id').all()).toEqual([
      { text: 'na eerste', conversation_id: null },
      { text: 'na tweede', conversation_id: 2 },
      { text: 'andere zaak', conversation_id: null },
    ]);
    db.prepare('DELETE FROM cases WHERE id = 7').run();
    expect(db.prepare('SELECT text FROM follow_ups').pluck().all()).toEqual(['andere zaak']);
  });
});
