import { databaseAt } from '../../../../test/support/migratedDatabase';
import { describe, expect, it } from 'vitest';
import type { Db } from '../database';
import { MIGRATIONS, migrate, schemaVersion } from '.';

const columns = (db: Db, table: string) =>
  (db.pragma(`table_info(${table})`) as { name: string; type: string; notnull: number; pk: number }[]).map(
    (column) => `${column.name} ${column.type}${column.notnull ? ' NOT NULL' : ''}${column.pk ? ` pk ${column.pk}` : ''}`,
  );
const all = (db: Db, table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all();

/** A version-18 vault: two cases, one with the adviser's own follow-up and one already carrying a legal deadline row. */
function vaultBefore19(): Db {
  const db = databaseAt(18);
  db.exec(`
    INSERT INTO cases (id, label, first_contact_at, intake_route, created_at, updated_at, number_year, number_seq, other_party_description, statistics_completion) VALUES
      (7, 'Melding misstand', '2026-11-20T10:00', 'direct', 'x', 'x', 2026, 1, '', 'complete'),
      (8, 'Tweede', '2026-11-21T10:00', 'direct', 'x', 'x', 2026, 2, '', 'complete');
    INSERT INTO follow_ups (id, case_id, conversation_id, kind, text, due_date, due_time, done_on, created_at) VALUES
      (1, 7, NULL, 'own', 'terugbellen dinsdag', '2026-11-24', '10:00', NULL, '2026-11-20T10:05'),
      (2, 8, NULL, 'own', 'nagaan', '2026-11-25', NULL, '2026-11-25', '2026-11-21T10:05');
  `);
  return db;
}

describe('migration 19', () => {
  it('adds the procedure reports beside the cases, and changes no row of a version-18 vault', () => {
    const db = vaultBefore19();
    const before = { cases: all(db, 'cases'), followUps: all(db, 'follow_ups') };
    migrate(db, MIGRATIONS.filter((migration) => migration.version <= 19));
    expect(schemaVersion(db)).toBe(19);
    expect(columns(db, 'procedure_reports')).toEqual(['case_id INTEGER pk 1', 'received_on TEXT NOT NULL']);
    expect({ cases: all(db, 'cases'), followUps: all(db, 'follow_ups') }).toEqual(before);
    expect(all(db, 'procedure_reports')).toEqual([]);
  });

  it('keeps one deadline of each kind per case, removable only with its case', () => {
    const db = vaultBefore19();
    migrate(db, MIGRATIONS.filter((migration) => migration.version <= 19));
    db.exec(`
      INSERT INTO procedure_reports (case_id, received_on) VALUES (7, '2026-11-24');
      INSERT INTO follow_ups (id, case_id, conversation_id, kind, text, due_date, due_time, done_on, created_at) VALUES
        (3, 7, NULL, 'procedure_confirmation', '', '2026-12-01', NULL, NULL, '2026-11-24T09:00'),
        (4, 7, NULL, 'procedure_feedback', '', '2027-03-01', NULL, NULL, '2026-11-24T09:00');
    `);
    const insertAnother = () =>
      db.prepare("INSERT INTO follow_ups (case_id, kind, text, due_date, created_at) VALUES (7, 'procedure_feedback', '', '2027-04-01', 'x')").run();
    expect(insertAnother).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO procedure_reports (case_id, received_on) VALUES (8, '24-11-2026')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO procedure_reports (case_id, received_on) VALUES (99, '2026-11-24')").run()).toThrow(/FOREIGN KEY/);

    for (const id of [3, 4]) expect(() => db.prepare('DELETE FROM follow_ups WHERE id = ?').run(id)).toThrow(/procedure deadline/);
    expect(() => db.prepare('DELETE FROM follow_ups WHERE case_id = 7').run()).toThrow(/procedure deadline/);
    expect(db.prepare('SELECT id FROM follow_ups ORDER BY id').pluck().all()).toEqual([1, 2, 3, 4]);
    // The adviser's own follow-ups stay removable.
    db.prepare('DELETE FROM follow_ups WHERE id = 2').run();

    // Deleting the case (as deletion, retention and erasure do) takes its report and both deadlines along.
    db.prepare('DELETE FROM cases WHERE id = 7').run();
    expect(all(db, 'procedure_reports')).toEqual([]);
    expect(db.prepare('SELECT id FROM follow_ups').pluck().all()).toEqual([]);
  });
});
