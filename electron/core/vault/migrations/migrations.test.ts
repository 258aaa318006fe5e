import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { CaseRecord, type CaseInput } from '../../../../shared/contract';
import { listCases } from '../../cases/caseList';
import { getCase, updateCase } from '../../cases/caseRecords';
import { importsToRedo } from '../../report/teamImports';
import { MIGRATIONS, migrate, schemaVersion } from '.';
import { getProfile } from '../profile';
import { nodeAddonPath } from '../sqliteAddon';

function databaseAt(version: number) {
  const db = new Database(':memory:', { nativeBinding: nodeAddonPath() });
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
    migrate(db, MIGRATIONS.filter((migration) => migration.version <= 4));
    expect(db.prepare("SELECT rowid >> 32 FROM note_index WHERE note_index MATCH 'reorganisatie'").pluck().all()).toEqual([7]);
    db.prepare('DELETE FROM conversations').run();
    expect(db.prepare('SELECT count(*) FROM note_index').pluck().get()).toBe(0);
  });

  it('5 upgrades a version-4 vault to the counting model, keeping what each case meant', () => {
    const db = databaseAt(4);
    db.exec(`
      UPDATE meta SET value = 'external_confidential_adviser' WHERE key = 'function';
      INSERT INTO cases (id, first_contact_at, intake_route, referred_in_by, created_at, updated_at) VALUES
        (1, '2026-01-05T10:00', 'via_concerns_point', NULL, 'x', 'x'),
        (2, '2026-01-06T10:00', 'direct', NULL, 'x', 'x'),
        (3, '2026-01-07T10:00', 'direct', NULL, 'x', 'x');
      INSERT INTO case_natures (case_id, nature) VALUES (1, 'intimidation'), (3, 'bullying');
      INSERT INTO case_handlings (case_id, handling) VALUES (1, 'advice_only'), (3, 'advice_only'), (3, 'referral');
      INSERT INTO case_reporters (case_id, position, name, staff_category, age_band, gender, unit, role, reported_afterwards, international) VALUES
        (1, 0, '', 'former_employee', 'age_35_44', NULL, '', 'directly_affected', 1, NULL),
        (2, 0, '', 'seconded_external', 'unknown', NULL, '', 'bystander', 0, NULL),
        (3, 0, '', 'academic_staff', 'unknown', NULL, '', 'directly_affected', 0, NULL);
      INSERT INTO case_consents (case_id, scope, with_whom, given_on, withdrawn_on) VALUES
        (1, 'count_in_statistics', '', '2026-01-05', NULL),
        (2, 'count_in_statistics', '', '2026-01-06', '2026-02-01');
      INSERT INTO team_imports (export_id, function, period_from, period_to, content, imported_at)
        VALUES ('00000000-0000-4000-8000-000000000001', 'ombudsperson', '2025-01-01', '2025-12-31', '{}', 'x');
    `);
    migrate(db);
    const clock = () => new Date(2026, 10, 23);
    const [first, second, third] = [1, 2, 3].map((id) => CaseRecord.parse(getCase(db, id)));
    expect(first!.reporters[0]).toMatchObject({ staffCategory: 'other', employmentStatus: 'former', earlierPeriod: 'other_earlier_period' });
    expect(second!.reporters[0]).toMatchObject({ staffCategory: 'other', employmentStatus: 'seconded', earlierPeriod: 'not_earlier' });
    expect(third!.reporters[0]).toMatchObject({ staffCategory: 'academic_staff', employmentStatus: 'current' });
    expect(first!.consents[0]!.answer).toBe('given');
    // "Via the concerns point" without a source stays counted here, flagged until the adviser names it.
    expect(first!.referredInBy).toBeNull();
    expect([first, second, third].map((record) => record!.needsAttention)).toEqual([true, true, true]);
    const rows = listCases(db, { filter: { status: null, year: null, nature: null, intakeRoute: null, openWithoutResponse: false, search: '' }, sort: 'number_asc', offset: 0, limit: 10 }, clock).rows;
    expect(rows.map((row) => row.statisticsConsent)).toEqual(['given', 'refused', 'not_asked']);
    expect(getProfile(db)).toEqual({ function: 'faculty_confidential_adviser', external: true, adviserId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(db.prepare('SELECT count(*) FROM team_imports').pluck().get()).toBe(0);
    expect(importsToRedo(db)).toBe(1);
    expect(db.prepare('SELECT export_id FROM team_imports_previous_format').pluck().get()).toBe('00000000-0000-4000-8000-000000000001');
    // The export's per-case summaries are filled in for old cases, and kept from then on.
    expect(db.prepare('SELECT nature_set, handling_set, reporter_count, has_bystander FROM cases ORDER BY id').all()).toEqual([
      { nature_set: 'intimidation', handling_set: 'advice_only', reporter_count: 1, has_bystander: 0 },
      { nature_set: null, handling_set: null, reporter_count: 1, has_bystander: 1 },
      { nature_set: 'bullying', handling_set: 'advice_only+referral', reporter_count: 1, has_bystander: 0 },
    ]);
    // A save under today's rules settles the flag; the rules refuse only new saves.
    updateCase(db, 3, { ...third!, handlings: ['referral'] } as CaseInput, clock);
    expect(getCase(db, 3).needsAttention).toBe(false);
    expect(db.prepare('SELECT handling_set FROM cases WHERE id = 3').pluck().get()).toBe('referral');
  });

  it('10 numbers the cases of a version-9 vault per year of creation, in creation order', () => {
    const db = databaseAt(9);
    const created = (date: Date) => date.toISOString();
    db.prepare('INSERT INTO cases (id, first_contact_at, intake_route, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(3, '2025-12-01T10:00', 'direct', created(new Date(2025, 11, 1, 10)), 'x');
    db.prepare('INSERT INTO cases (id, first_contact_at, intake_route, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(1, '2026-01-05T10:00', 'direct', created(new Date(2026, 0, 6, 9)), 'x');
    db.prepare('INSERT INTO cases (id, first_contact_at, intake_route, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(2, '2025-11-03T10:00', 'direct', created(new Date(2026, 0, 5, 9)), 'x');
    db.prepare('INSERT INTO cases (id, first_contact_at, intake_route, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(4, '2024-02-01T10:00', 'direct', 'x', 'x');
    migrate(db);
    expect(db.prepare('SELECT id, number_year, number_seq FROM cases ORDER BY id').all()).toEqual([
      { id: 1, number_year: 2026, number_seq: 2 },
      { id: 2, number_year: 2026, number_seq: 1 },
      { id: 3, number_year: 2025, number_seq: 1 },
      // No readable creation time: the year of first contact.
      { id: 4, number_year: 2024, number_seq: 1 },
    ]);
    expect(db.prepare('SELECT year, last FROM case_numbers ORDER BY year').all()).toEqual([
      { year: 2024, last: 1 },
      { year: 2025, last: 1 },
      { year: 2026, last: 2 },
    ]);
    expect(getCase(db, 1).number).toBe('2026-002');
    expect(() => db.prepare('UPDATE cases SET number_seq = 2 WHERE id = 2').run()).toThrow(/UNIQUE/);
  });

  it('12 gives each case of a version-11 vault one search document with its label and every note, kept current', () => {
    const db = databaseAt(11);
    db.exec(`
      INSERT INTO cases (id, label, first_contact_at, intake_route, created_at, updated_at) VALUES
        (7, 'Herplaatsing lab', '2026-01-05T10:00', 'direct', 'x', 'x'),
        (8, 'Tweede', '2026-01-06T10:00', 'direct', 'x', 'x');
      INSERT INTO conversations (case_id, held_at, duration_minutes, mode, participants, notes) VALUES
        (7, '2026-01-05T10:00', 30, 'phone', 'bedrijfsarts', 'reorganisatie besproken'),
        (7, '2026-01-06T10:00', 30, 'phone', '', 'reorganisatie opnieuw');
      INSERT INTO mediations (case_id, other_party_consent, hearing_notes) VALUES (8, 1, 'wederhoorwoord');
      INSERT INTO mediation_sessions (case_id, held_at, attendees, notes) VALUES (8, '2026-01-07T10:00', '', 'sessiewoord');
      INSERT INTO mediation_agreements (case_id, agreed_on, text) VALUES (8, '2026-01-08', 'afspraakwoord');
    `);
    migrate(db);
    const find = (word: string) => db.prepare('SELECT rowid FROM case_index WHERE case_index MATCH ?').pluck().all(`"${word}"*`);
    for (const word of ['herplaatsing', 'lab', 'bedrijfsarts', 'reorganisatie']) expect(find(word)).toEqual([7]);
    for (const word of ['tweede', 'wederhoorwoord', 'sessiewoord', 'afspraakwoord']) expect(find(word)).toEqual([8]);
    db.prepare("UPDATE cases SET label = 'Nieuw kenmerk' WHERE id = 7").run();
    db.prepare("UPDATE conversations SET notes = 'anders' WHERE case_id = 7").run();
    expect(find('herplaatsing')).toEqual([]);
    expect(find('reorganisatie')).toEqual([]);
    expect(find('kenmerk')).toEqual([7]);
    db.prepare('DELETE FROM mediation_agreements').run();
    expect(find('afspraakwoord')).toEqual([]);
    expect(find('sessiewoord')).toEqual([8]);
    db.pragma('foreign_keys = ON');
    db.prepare('DELETE FROM cases').run();
    expect(db.prepare('SELECT count(*) FROM case_index').pluck().get()).toBe(0);
  });

  it('leave a current vault untouched when run again', () => {
    const db = databaseAt(MIGRATIONS.length);
    migrate(db);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
  });
});
