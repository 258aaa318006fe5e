import { databaseAt } from '../../../../test/support/migratedDatabase';
import { describe, expect, it } from 'vitest';
import type { Db } from '../database';
import { MIGRATIONS, migrate, schemaVersion } from '.';

const upTo15 = (db: Db) => migrate(db, MIGRATIONS.filter((migration) => migration.version <= 15));

const CHILD_TABLES = ['case_reporters', 'case_natures', 'case_handlings', 'case_referrals', 'case_consents', 'conversations', 'mediations', 'mediation_parties', 'mediation_sessions', 'mediation_agreements', 'drafts'];
const rows = (db: Db, table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all();
const everyChildRow = (db: Db) => Object.fromEntries(CHILD_TABLES.map((table) => [table, rows(db, table)]));
/** A table's columns as `name TYPE [NOT NULL] [= default]`. */
const columns = (db: Db, table: string) =>
  (db.pragma(`table_info(${table})`) as { name: string; type: string; notnull: number; dflt_value: string | null }[]).map(
    (column) => `${column.name} ${column.type}${column.notnull ? ' NOT NULL' : ''}${column.dflt_value === null ? '' : ` = ${column.dflt_value}`}`,
  );
const schemaOf = (db: Db, type: 'index' | 'trigger') =>
  Object.fromEntries((db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name").all(type) as { name: string; sql: string }[]).map((row) => [row.name, row.sql]));

/** Two cases with every kind of child row, written as a version-14 vault holds them. */
function fillVersion14(db: Db): void {
  db.exec(`
    INSERT INTO cases (id, first_contact_at, intake_route, created_at, updated_at, label, first_response_at, referred_in_by, reporter_identified,
        other_party_relation, other_party_hierarchical, other_party_description, recency, frequency, people_affected, people_behaving_badly,
        status, closed_on, outcome, destroy_by, statistics_consent, needs_attention, number_year, number_seq) VALUES
      (1, '2026-01-05T10:00', 'via_concerns_point', 'c1', 'u1', 'Herplaatsing lab', '2026-01-05T15:00', 'concerns_point', 1,
        'manager', 1, 'CANARYPARTY', 'recent', 'repeated', 3, 1, 'closed', '2026-02-01', 'resolved', '2031-02-01', 'given', 0, 2026, 1),
      (2, '2026-01-09T09:00', 'direct', 'c2', 'u2', 'Tweede', NULL, NULL, 0, NULL, NULL, '', NULL, NULL, NULL, NULL, 'open', NULL, NULL, NULL, 'not_asked', 1, 2026, 2);
    INSERT INTO case_reporters (case_id, position, name, staff_category, age_band, gender, unit, role, international, employment_status, earlier_period) VALUES
      (1, 0, 'CANARYNAME', 'academic_staff', 'age_35_44', 'woman', 'Lab', 'directly_affected', 0, 'current', 'not_earlier'),
      (1, 1, '', 'phd_candidate', 'under_25', NULL, '', 'bystander', NULL, 'former', 'during_phd');
    INSERT INTO case_natures (case_id, nature) VALUES (1, 'bullying'), (1, 'intimidation');
    INSERT INTO case_handlings (case_id, handling) VALUES (1, 'referral');
    INSERT INTO case_referrals (case_id, target, referred_on) VALUES (1, 'ombudsperson', '2026-01-10');
    INSERT INTO case_consents (case_id, scope, answer, with_whom, given_on, withdrawn_on) VALUES (1, 'count_in_statistics', 'given', '', '2026-01-05', NULL);
    INSERT INTO conversations (case_id, held_at, duration_minutes, mode, participants, notes) VALUES
      (1, '2026-01-05T10:00', 45, 'in_person', 'CANARYPARTICIPANT', 'CANARYNOTE eerste'), (2, '2026-01-09T09:00', 30, 'phone', '', 'tweede gesprek');
    INSERT INTO mediations (case_id, other_party_consent, other_party_consent_on, hearing_held_on, hearing_notes, outcome) VALUES (1, 1, '2026-01-12', '2026-01-15', 'hoorzitting', 'agreement');
    INSERT INTO mediation_parties (case_id, role, description) VALUES (1, 'reporter', 'melder');
    INSERT INTO mediation_sessions (case_id, held_at, attendees, notes) VALUES (1, '2026-01-20T10:00', 'beiden', 'sessie');
    INSERT INTO mediation_agreements (case_id, agreed_on, text) VALUES (1, '2026-01-25', 'afspraak');
    INSERT INTO drafts (key, case_id, view, content, saved_at) VALUES ('case:1', 1, 'case', '{}', 'x'), ('case:2', 2, 'case', '{}', 'x'), ('case:new', NULL, 'case', '{}', 'x');
  `);
}

describe('migration 15 (incomplete cases)', () => {
  it('rebuilds cases and case_reporters keeping every row, child row, index, trigger and search document of a version-14 vault', () => {
    const db = databaseAt(14);
    fillVersion14(db);
    const children = everyChildRow(db);
    const cases = rows(db, 'cases');
    const index = db.prepare('SELECT rowid, body FROM case_index ORDER BY rowid').all();
    const indexes = schemaOf(db, 'index');
    const triggers = schemaOf(db, 'trigger');
    for (const table of CHILD_TABLES) expect(children[table], table).not.toEqual([]);
    expect(index).toHaveLength(2);

    upTo15(db);

    expect(schemaVersion(db)).toBe(15);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(everyChildRow(db)).toEqual(children);
    expect(rows(db, 'cases')).toEqual(cases.map((row) => ({ ...(row as object), statistics_completion: 'complete' })));
    expect(db.prepare('SELECT rowid, body FROM case_index ORDER BY rowid').all()).toEqual(index);
    expect(schemaOf(db, 'index')).toEqual({ ...indexes, cases_incomplete: "CREATE INDEX cases_incomplete ON cases (first_contact_at) WHERE statistics_completion = 'incomplete'" });
    expect(schemaOf(db, 'trigger')).toEqual(triggers);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('lets every statistics answer be NULL, with no default standing in for one', () => {
    const db = databaseAt(15);
    const cases = columns(db, 'cases');
    expect(cases).toContain('intake_route TEXT');
    expect(cases).toContain('reporter_identified INTEGER');
    expect(cases).toContain('statistics_completion TEXT NOT NULL');
    expect(columns(db, 'case_reporters')).toEqual([
      'id INTEGER',
      'case_id INTEGER NOT NULL',
      'position INTEGER NOT NULL',
      'name TEXT NOT NULL',
      'staff_category TEXT',
      'age_band TEXT',
      'gender TEXT',
      'unit TEXT NOT NULL',
      'role TEXT',
      'international INTEGER',
      'employment_status TEXT',
      'earlier_period TEXT',
    ]);
    db.exec(`
      INSERT INTO cases (id, first_contact_at, created_at, updated_at, statistics_completion, number_year, number_seq) VALUES (5, '2026-03-01T10:00', 'x', 'x', 'incomplete', 2026, 1);
      INSERT INTO case_reporters (case_id, position, name, unit) VALUES (5, 0, '', '');
    `);
    expect(db.prepare('SELECT intake_route, reporter_identified FROM cases WHERE id = 5').get()).toEqual({ intake_route: null, reporter_identified: null });
    expect(db.prepare('SELECT staff_category, age_band, role, employment_status, earlier_period FROM case_reporters').get()).toEqual({
      staff_category: null,
      age_band: null,
      role: null,
      employment_status: null,
      earlier_period: null,
    });
    // The reporter summary trigger still runs on the rebuilt table.
    expect(db.prepare('SELECT reporter_count FROM cases WHERE id = 5').pluck().get()).toBe(1);
    // Every save says whether the case is complete: no default decides it.
    expect(() => db.prepare("INSERT INTO cases (first_contact_at, created_at, updated_at, number_year, number_seq) VALUES ('2026-03-01T10:00', 'x', 'x', 2026, 2)").run()).toThrow(/NOT NULL/);
    expect(() => db.prepare("UPDATE cases SET statistics_completion = 'maybe' WHERE id = 5").run()).toThrow(/CHECK/);
  });

  it('keeps child rows cascading with their case after the rebuild', () => {
    const db = databaseAt(14);
    fillVersion14(db);
    upTo15(db);
    db.prepare('DELETE FROM cases WHERE id = 1').run();
    for (const table of CHILD_TABLES) expect(db.prepare(`SELECT count(*) FROM ${table} WHERE case_id = 1`).pluck().get(), table).toBe(0);
    expect(db.prepare('SELECT key FROM drafts ORDER BY key').pluck().all()).toEqual(['case:2', 'case:new']);
    expect(db.prepare('SELECT rowid FROM case_index').pluck().all()).toEqual([2]);
  });

  it('rolls back whole, foreign keys on again, when a row would point at nothing', () => {
    const db = databaseAt(14);
    fillVersion14(db);
    db.pragma('foreign_keys = OFF');
    db.prepare("INSERT INTO case_natures (case_id, nature) VALUES (99, 'bullying')").run();
    db.pragma('foreign_keys = ON');
    const cases = rows(db, 'cases');
    expect(() => upTo15(db)).toThrow(expect.objectContaining({ code: 'CORRUPT_VAULT' }));
    expect(schemaVersion(db)).toBe(14);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(rows(db, 'cases')).toEqual(cases);
    expect(columns(db, 'cases')).toContain('intake_route TEXT NOT NULL');
  });
});
