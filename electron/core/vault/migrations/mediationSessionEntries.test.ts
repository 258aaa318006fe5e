import { databaseAt } from '../../../../test/support/migratedDatabase';
import { describe, expect, it } from 'vitest';
import type { Db } from '../database';
import { MIGRATIONS, migrate, schemaVersion } from '.';

const columns = (db: Db, table: string) =>
  (db.pragma(`table_info(${table})`) as { name: string; type: string; notnull: number; pk: number }[]).map(
    (column) => `${column.name} ${column.type}${column.notnull ? ' NOT NULL' : ''}${column.pk ? ` pk ${column.pk}` : ''}`,
  );

/** Every row of every ordinary table but the ones the migration rewrites, by table. */
function rowsOutside(db: Db, rewritten: string[]): Record<string, unknown[]> {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE TABLE%' AND name NOT LIKE 'case_index%'").pluck().all() as string[];
  const rows = (table: string) => db.prepare(`SELECT * FROM "${table}"`).all().map((row) => JSON.stringify(row)).sort();
  return Object.fromEntries(tables.filter((table) => !rewritten.includes(table)).map((table) => [table, rows(table)]));
}

const find = (db: Db, word: string) => db.prepare('SELECT rowid FROM case_index WHERE case_index MATCH ? ORDER BY rowid').pluck().all(`"${word}"*`);

/**
 * The vault of an ombudsperson before migration 16: two cases, one with a mediation and its
 * sessions. Its rows are written at version 14 and brought to 15 by migration 15 itself, so this
 * test holds whatever that migration does.
 */
function vaultBefore16(): Db {
  const db = databaseAt(14);
  db.exec(`
    INSERT INTO cases (id, label, first_contact_at, intake_route, created_at, updated_at, number_year, number_seq, other_party_description) VALUES
      (7, 'Herplaatsing lab', '2026-01-05T10:00', 'direct', 'x', 'x', 2026, 1, 'Dekker, afdelingshoofd'),
      (8, 'Tweede', '2026-01-06T10:00', 'direct', 'x', 'x', 2026, 2, '');
    INSERT INTO case_reporters (case_id, position, name, staff_category, age_band, unit, role) VALUES
      (7, 0, 'Sanne de Boer', 'academic_staff', 'age_35_44', 'Faculteit Rechten', 'directly_affected');
    INSERT INTO conversations (id, case_id, held_at, duration_minutes, mode, participants, notes) VALUES
      (1, 7, '2026-01-05T10:00', 30, 'phone', 'bedrijfsarts', 'Jansen belde'),
      (2, 7, '2026-01-06T10:00', 45, 'in_person', '', 'reorganisatie besproken'),
      (3, 8, '2026-01-06T11:00', 60, 'video', '', 'los gesprek');
    INSERT INTO mediations (case_id, other_party_consent, other_party_consent_on, hearing_held_on, hearing_notes, outcome) VALUES
      (7, 1, '2026-01-07', '2026-01-08', 'wederhoorwoord', 'agreement');
    INSERT INTO mediation_parties (case_id, role, description) VALUES (7, 'other_party', 'teamleider Visser');
    INSERT INTO mediation_sessions (id, case_id, held_at, attendees, notes) VALUES
      (1, 7, '2026-01-12T14:00', 'beide partijen', 'eerste sessiewoord'),
      (2, 7, '2026-01-19T14:00', '', 'tweede sessiewoord');
    INSERT INTO mediation_agreements (case_id, agreed_on, text) VALUES (7, '2026-01-19', 'afspraakwoord wekelijks');
  `);
  migrate(db, MIGRATIONS.filter((migration) => migration.version <= 15));
  return db;
}

describe('migration 16', () => {
  it('moves every mediation session of a version-15 vault into its case’s entries, and changes nothing else', () => {
    const db = vaultBefore16();
    const before = rowsOutside(db, ['conversations', 'mediation_sessions']);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['cases', 'case_reporters', 'mediations', 'mediation_parties', 'mediation_agreements', 'drafts']));
    const sessionsBefore = db.prepare('SELECT case_id, count(*) AS n FROM mediation_sessions GROUP BY case_id').all();

    migrate(db, MIGRATIONS.filter((migration) => migration.version <= 16));
    expect(schemaVersion(db)).toBe(16);

    expect(columns(db, 'conversations')).toEqual([
      'id INTEGER pk 1',
      'case_id INTEGER NOT NULL',
      'kind TEXT NOT NULL',
      'held_at TEXT NOT NULL',
      'duration_minutes INTEGER',
      'mode TEXT',
      'participants TEXT NOT NULL',
      'notes TEXT NOT NULL',
    ]);
    expect(db.prepare('SELECT * FROM conversations ORDER BY id').all()).toEqual([
      { id: 1, case_id: 7, kind: 'conversation', held_at: '2026-01-05T10:00', duration_minutes: 30, mode: 'phone', participants: 'bedrijfsarts', notes: 'Jansen belde' },
      { id: 2, case_id: 7, kind: 'conversation', held_at: '2026-01-06T10:00', duration_minutes: 45, mode: 'in_person', participants: '', notes: 'reorganisatie besproken' },
      { id: 3, case_id: 8, kind: 'conversation', held_at: '2026-01-06T11:00', duration_minutes: 60, mode: 'video', participants: '', notes: 'los gesprek' },
      // No mode or duration was ever asked of a session: none is made up.
      { id: 4, case_id: 7, kind: 'mediation_session', held_at: '2026-01-12T14:00', duration_minutes: null, mode: null, participants: 'beide partijen', notes: 'eerste sessiewoord' },
      { id: 5, case_id: 7, kind: 'mediation_session', held_at: '2026-01-19T14:00', duration_minutes: null, mode: null, participants: '', notes: 'tweede sessiewoord' },
    ]);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'mediation_sessions'").pluck().get()).toBe(0);
    // Every other row as it was, the cases' conversation counts (which leave sessions out) included.
    expect(rowsOutside(db, ['conversations'])).toEqual(before);
    expect(db.prepare("SELECT case_id, count(*) AS n FROM conversations WHERE kind = 'mediation_session' GROUP BY case_id").all()).toEqual(sessionsBefore);
  });

  it('keeps the conversation counts without sessions, and lets only a session go without mode and duration', () => {
    const db = vaultBefore16();
    migrate(db, MIGRATIONS.filter((migration) => migration.version <= 16));
    const counted = () => db.prepare('SELECT conversation_count FROM cases ORDER BY id').pluck().all();
    expect(counted()).toEqual([2, 1]);
    db.prepare("INSERT INTO conversations (case_id, kind, held_at, participants, notes) VALUES (7, 'mediation_session', '2026-01-26T14:00', '', '')").run();
    expect(counted()).toEqual([2, 1]);
    db.prepare("UPDATE conversations SET kind = 'conversation', duration_minutes = 30, mode = 'phone' WHERE id = 4").run();
    expect(counted()).toEqual([3, 1]);
    db.prepare("UPDATE conversations SET case_id = 8 WHERE id = 4").run();
    expect(counted()).toEqual([2, 2]);
    db.prepare('DELETE FROM conversations WHERE id = 3').run();
    expect(counted()).toEqual([2, 1]);
    expect(() => db.prepare("INSERT INTO conversations (case_id, held_at, participants, notes) VALUES (7, '2026-01-26T14:00', '', '')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE conversations SET kind = 'conversation' WHERE id = 5").run()).toThrow(/CHECK/);
  });

  it('rewrites every case’s search document with everything typed about it, and keeps it current on every change', () => {
    const db = vaultBefore16();
    migrate(db, MIGRATIONS.filter((migration) => migration.version <= 16));
    // No search trigger of before is left: each one reads the view now.
    const triggers = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%search%' ORDER BY name").all() as { name: string; sql: string }[];
    expect(triggers.filter((trigger) => !trigger.sql.includes('case_search_documents') && trigger.name !== 'cases_search_delete')).toEqual([]);
    expect(triggers.map((trigger) => trigger.name)).toEqual(
      [
        ...['case_reporters', 'conversations', 'mediation_agreements', 'mediation_parties', 'mediations'].flatMap((table) => ['delete', 'insert', 'update'].map((change) => `${table}_search_${change}`)),
        'cases_search_delete',
        'cases_search_insert',
        'cases_search_update',
      ].sort(),
    );
    for (const word of ['herplaatsing', 'dekker', 'sanne', 'boer', 'rechten', 'jansen', 'bedrijfsarts', 'beide', 'sessiewoord', 'wederhoorwoord', 'visser', 'afspraakwoord']) expect(find(db, word), word).toEqual([7]);
    expect(find(db, 'los')).toEqual([8]);

    const changes: [string, string, number[]][] = [
      ["UPDATE cases SET other_party_description = 'onbekend' WHERE id = 7", 'dekker', []],
      ["UPDATE cases SET label = 'Ander kenmerk' WHERE id = 7", 'herplaatsing', []],
      ["UPDATE case_reporters SET name = 'Anoniem', unit = 'Bibliotheek' WHERE case_id = 7", 'sanne', []],
      ["INSERT INTO case_reporters (case_id, position, name, staff_category, age_band, unit, role) VALUES (8, 0, 'Sanne Smit', 'phd_candidate', 'under_25', 'Rechten', 'bystander')", 'sanne', [8]],
      ['DELETE FROM case_reporters WHERE case_id = 8', 'smit', []],
      ["UPDATE conversations SET notes = 'anders' WHERE id = 1", 'jansen', []],
      ["UPDATE conversations SET participants = 'Jansen' WHERE id = 3", 'jansen', [8]],
      ['DELETE FROM conversations WHERE id = 3', 'jansen', []],
      ["UPDATE conversations SET case_id = 8 WHERE id = 5", 'tweede', [8]],
      ["UPDATE mediations SET hearing_notes = '' WHERE case_id = 7", 'wederhoorwoord', []],
      ["UPDATE mediation_parties SET description = 'Bakker' WHERE case_id = 7", 'visser', []],
      ["INSERT INTO mediation_parties (case_id, role, description) VALUES (7, 'manager', 'Mulder')", 'mulder', [7]],
      ['DELETE FROM mediation_agreements', 'afspraakwoord', []],
      ['DELETE FROM mediation_parties', 'bakker', []],
    ];
    for (const [change, word, found] of changes) {
      db.prepare(change).run();
      expect(find(db, word), change).toEqual(found);
    }
    expect(find(db, 'kenmerk')).toEqual([7]);
    expect(find(db, 'sessiewoord')).toEqual([7, 8]);
    db.prepare('DELETE FROM cases WHERE id = 7').run();
    expect(db.prepare('SELECT rowid FROM case_index ORDER BY rowid').pluck().all()).toEqual([8]);
    // What is indexed is exactly what the view says, for every case left.
    expect(db.prepare('SELECT rowid AS case_id, body FROM case_index ORDER BY rowid').all()).toEqual(db.prepare('SELECT case_id, body FROM case_search_documents ORDER BY case_id').all());
  });
});
