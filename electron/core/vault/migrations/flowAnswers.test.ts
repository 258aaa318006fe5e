import { databaseAt } from '../../../../test/support/migratedDatabase';
import { describe, expect, it } from 'vitest';
import type { Db } from '../database';

const insert = (db: Db, row: [number, string, string, number, number, string]) =>
  db.prepare('INSERT INTO team_flow_answers (report_year, from_code, to_code, made, received, answer) VALUES (?, ?, ?, ?, ?, ?)').run(...row);

describe('migration 17: the merging member’s answers to disagreeing flows', () => {
  it('keeps one answer per year and flow, with the counts it answered, and refuses rows that are no answer to a question', () => {
    const db = databaseAt(17);
    const tablesBefore = databaseAt(16).prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all()).toEqual([...tablesBefore, 'team_flow_answers']);

    insert(db, [2026, 'concerns_point', 'confidential_adviser', 2, 1, 'recorded_as_direct']);
    insert(db, [2025, 'concerns_point', 'confidential_adviser', 3, 0, 'did_not_arrive']);
    expect(() => insert(db, [2026, 'concerns_point', 'confidential_adviser', 4, 1, 'did_not_arrive'])).toThrow(/UNIQUE/);
    for (const bad of [
      [2026, 'ombudsperson', 'faculty_adviser', 1, 1, 'did_not_arrive'],
      [2026, 'ombudsperson', 'faculty_adviser', 1, 2, 'did_not_arrive'],
      [2026, 'hr_adviser', 'ombudsperson', 2, 1, 'did_not_arrive'],
      [2026, 'ombudsperson', 'police', 2, 1, 'did_not_arrive'],
      [2026, 'ombudsperson', 'faculty_adviser', 2, 1, 'both'],
    ] as [number, string, string, number, number, string][]) {
      expect(() => insert(db, bad), JSON.stringify(bad)).toThrow(/CHECK|cannot store/);
    }
    expect(db.prepare('SELECT report_year, made, received, answer FROM team_flow_answers ORDER BY 1').all()).toEqual([
      { report_year: 2025, made: 3, received: 0, answer: 'did_not_arrive' },
      { report_year: 2026, made: 2, received: 1, answer: 'recorded_as_direct' },
    ]);
  });
});
