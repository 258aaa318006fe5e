import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import type { Db } from '../database';
import { nodeAddonPath } from '../sqliteAddon';
import { MIGRATIONS, migrate, schemaVersion } from '.';
import { handover as HANDOVER } from './021-handover';

/** Migration 21 from the version before it, on raw rows and schema only (as migrationSteps.test.ts). */
function vaultBefore(): Db {
  const db = new Database(':memory:', { nativeBinding: nodeAddonPath() });
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.filter((migration) => migration.version < HANDOVER.version));
  db.exec(`
    INSERT INTO cases (id, label, first_contact_at, intake_route, created_at, updated_at, number_year, number_seq, statistics_completion, statistics_consent) VALUES
      (3, 'Overdracht', '2026-03-02T09:00', 'direct', 'x', 'x', 2026, 3, 'complete', 'given'),
      (4, 'Blijft', '2026-04-02T09:00', 'direct', 'x', 'x', 2026, 4, 'complete', 'given');
    INSERT INTO conversations (case_id, held_at, duration_minutes, mode, participants, notes) VALUES (3, '2026-03-03T10:00', 30, 'phone', '', 'notitiewoord');
  `);
  return db;
}

const rows = (db: Db, table: string) => db.prepare(`SELECT * FROM "${table}" ORDER BY 1`).all();
const columns = (db: Db, table: string) => (db.pragma(`table_info(${table})`) as { name: string; notnull: number; pk: number }[]).map((column) => `${column.name}${column.notnull ? ' NOT NULL' : ''}${column.pk ? ' pk' : ''}`);

describe('migration 21 (handover)', () => {
  it('adds the handover tables to a vault with cases, and leaves every case row as it was', () => {
    const db = vaultBefore();
    const before = { cases: rows(db, 'cases'), conversations: rows(db, 'conversations') };
    migrate(db, MIGRATIONS.filter((migration) => migration.version <= HANDOVER.version));
    expect(schemaVersion(db)).toBe(HANDOVER.version);
    expect({ cases: rows(db, 'cases'), conversations: rows(db, 'conversations') }).toEqual(before);
    expect(columns(db, 'received_cases')).toEqual(['case_id pk', 'package_id NOT NULL', 'previous_number NOT NULL', 'counted_through NOT NULL', 'received_on NOT NULL']);
    expect(columns(db, 'handover_sent_cases')).toEqual(['package_id NOT NULL pk', 'case_id NOT NULL pk', 'first_contact_at NOT NULL']);
    for (const table of ['handover_receiving_keys', 'handover_successors', 'handover_consents', 'handover_leaving_exports', 'handovers_sent', 'handovers_received']) expect(rows(db, table)).toEqual([]);
  });

  it('keeps a received case’s reference with its case, and a received package after its cases are gone', () => {
    const db = vaultBefore();
    migrate(db, MIGRATIONS.filter((migration) => migration.version <= HANDOVER.version));
    db.exec(`
      INSERT INTO handover_receiving_keys (key_id, age_identity, recipient, created_on) VALUES ('k', 'AGE-SECRET-KEY-1X', 'age1x', '2026-12-01');
      INSERT INTO handovers_received (package_id, key_id, from_adviser_id, from_function, handed_on, received_on, confirmation) VALUES ('p', 'k', 'a', 'ombudsperson', '2026-12-05', '2026-12-05', '{}');
      INSERT INTO received_cases (case_id, package_id, previous_number, counted_through, received_on) VALUES (3, 'p', '2026-014', '2026-11-30', '2026-12-05');
      INSERT INTO handover_consents (case_id, given_on) VALUES (4, '2026-12-01');
    `);
    // A received case names its package, and a consent its case: nothing points at nothing.
    expect(() => db.prepare("INSERT INTO received_cases (case_id, package_id, previous_number, counted_through, received_on) VALUES (4, 'other', '1', '2026-11-30', '2026-12-05')").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO handover_consents (case_id, given_on) VALUES (99, '2026-12-01')").run()).toThrow(/FOREIGN KEY/);
    db.exec('DELETE FROM cases');
    expect(rows(db, 'received_cases')).toEqual([]);
    expect(rows(db, 'handover_consents')).toEqual([]);
    expect(rows(db, 'handovers_received')).toHaveLength(1);
  });
});
