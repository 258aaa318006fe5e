import { databaseAt } from '../../../../test/support/migratedDatabase';
import { describe, expect, it } from 'vitest';
import type { Db } from '../database';
import { MIGRATIONS, migrate, schemaVersion } from '.';

const before20 = Math.max(...MIGRATIONS.filter((migration) => migration.version < 20).map((migration) => migration.version));

const columns = (db: Db, table: string) =>
  (db.pragma(`table_info(${table})`) as { name: string; type: string; notnull: number; pk: number }[]).map(
    (column) => `${column.name} ${column.type}${column.notnull ? ' NOT NULL' : ''}${column.pk ? ` pk ${column.pk}` : ''}`,
  );

/** A vault just before migration 20: one case with one follow-up, and every row as it was written. */
function vaultBefore20(): Db {
  const db = databaseAt(before20);
  db.exec(`
    INSERT INTO cases (id, label, first_contact_at, intake_route, created_at, updated_at, number_year, number_seq, statistics_completion) VALUES
      (7, 'Verzoek', '2026-01-05T10:00', 'direct', 'x', 'x', 2026, 1, 'complete');
    INSERT INTO case_reporters (case_id, position, name, unit) VALUES (7, 0, 'Małgorzata Wiśniewska', '');
    INSERT INTO follow_ups (id, case_id, kind, text, due_date, created_at) VALUES (3, 7, 'access_request', '', '2026-02-28', 'x');
  `);
  return db;
}

describe('migration 20, on raw rows', () => {
  it('adds the access requests, the dossiers given and the erasures, and leaves every earlier row as it was', () => {
    const db = vaultBefore20();
    const rows = () => ({
      cases: db.prepare('SELECT * FROM cases').all(),
      reporters: db.prepare('SELECT * FROM case_reporters').all(),
      followUps: db.prepare('SELECT * FROM follow_ups').all(),
    });
    const earlier = rows();
    migrate(db, MIGRATIONS.filter((migration) => migration.version <= 20));
    expect(schemaVersion(db)).toBe(20);
    expect(rows()).toEqual(earlier);
    expect(columns(db, 'access_requests')).toEqual(['id INTEGER pk 1', 'case_id INTEGER NOT NULL', 'requested_on TEXT NOT NULL', 'follow_up_id INTEGER', 'created_at TEXT NOT NULL']);
    expect(columns(db, 'access_dossiers')).toEqual(['id INTEGER pk 1', 'request_id INTEGER NOT NULL', 'given_at TEXT NOT NULL']);
    expect(columns(db, 'reporter_erasures')).toEqual(['id INTEGER pk 1', 'case_id INTEGER NOT NULL', 'first_contact_at TEXT NOT NULL', 'erased_at TEXT NOT NULL']);
  });

  it('keeps dates only, goes with its case, outlives its follow-up, and keeps an erasure after its case is gone', () => {
    const db = vaultBefore20();
    migrate(db, MIGRATIONS.filter((migration) => migration.version <= 20));
    expect(() => db.prepare("INSERT INTO access_requests (case_id, requested_on, follow_up_id, created_at) VALUES (7, '31-01-2026', 3, 'x')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO access_requests (case_id, requested_on, follow_up_id, created_at) VALUES (8, '2026-01-31', NULL, 'x')").run()).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO access_requests (id, case_id, requested_on, follow_up_id, created_at) VALUES (1, 7, '2026-01-31', 3, 'x')").run();
    db.prepare("INSERT INTO access_dossiers (request_id, given_at) VALUES (1, '2026-02-10T14:30:05')").run();
    db.prepare("INSERT INTO reporter_erasures (case_id, first_contact_at, erased_at) VALUES (7, '2026-01-05T10:00', '2026-03-01T09:00:00')").run();

    db.prepare('DELETE FROM follow_ups WHERE id = 3').run();
    expect(db.prepare('SELECT follow_up_id FROM access_requests WHERE id = 1').pluck().get()).toBeNull();
    db.prepare('DELETE FROM cases WHERE id = 7').run();
    expect(db.prepare('SELECT count(*) FROM access_requests').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM access_dossiers').pluck().get()).toBe(0);
    expect(db.prepare('SELECT case_id, first_contact_at FROM reporter_erasures').raw().all()).toEqual([[7, '2026-01-05T10:00']]);
  });
});
