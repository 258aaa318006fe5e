import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, schemaVersion } from './migrations';

function databaseAt(version: number) {
  const db = new Database(':memory:');
  migrate(db, MIGRATIONS.filter((migration) => migration.version <= version));
  return db;
}

describe('schema migrations', () => {
  it('are numbered 1, 2, … without gaps', () => {
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
  });

  it('2 upgrades a version-1 vault, keeping its cases and giving them the new defaults', () => {
    const db = databaseAt(1);
    db.prepare("INSERT INTO cases (first_contact_at, intake_route, created_at, updated_at) VALUES ('2026-01-05T10:00', 'direct', 'x', 'x')").run();
    migrate(db);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT first_contact_at, status, label, reporter_identified, first_response_at FROM cases').get()).toEqual({
      first_contact_at: '2026-01-05T10:00',
      status: 'open',
      label: '',
      reporter_identified: 1,
      first_response_at: null,
    });
    expect(db.prepare("SELECT value FROM meta WHERE key = 'function'").pluck().get()).toBe('central_confidential_adviser');
  });

  it('rolls a failing migration back whole', () => {
    const db = databaseAt(1);
    const broken = [...MIGRATIONS.slice(0, 1), { version: 2, up: (inner: typeof db) => { inner.exec('CREATE TABLE half (x)'); throw new Error('boom'); } }];
    expect(() => migrate(db, broken)).toThrow('boom');
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
  });

  it('3 adds the team imports to a version-2 vault', () => {
    const db = databaseAt(2);
    migrate(db);
    expect(db.prepare('SELECT count(*) FROM team_imports').pluck().get()).toBe(0);
  });

  it('4 re-keys the search index of a version-3 vault so every note stays findable', () => {
    const db = databaseAt(3);
    db.prepare("INSERT INTO cases (id, first_contact_at, intake_route, created_at, updated_at) VALUES (7, '2026-01-05T10:00', 'direct', 'x', 'x')").run();
    db.prepare("INSERT INTO conversations (case_id, held_at, duration_minutes, mode, participants, notes) VALUES (7, '2026-01-05T10:00', 30, 'phone', '', 'reorganisatie besproken')").run();
    migrate(db);
    expect(db.prepare("SELECT rowid >> 32 FROM note_index WHERE note_index MATCH 'reorganisatie'").pluck().all()).toEqual([7]);
    db.prepare('DELETE FROM conversations').run();
    expect(db.prepare('SELECT count(*) FROM note_index').pluck().get()).toBe(0);
  });

  it('leave a current vault untouched when run again', () => {
    const db = databaseAt(MIGRATIONS.length);
    migrate(db);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
  });
});
