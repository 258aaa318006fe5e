import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import type { Db } from '../vault/database';
import { MIGRATIONS, migrate } from '../vault/migrations';
import { nodeAddonPath } from '../vault/sqliteAddon';
import { erasuresIn, erasuresNotIn, recordErasures, type Erasure } from './erasureRecord';

function databaseAt(version: number): Db {
  const db = new Database(':memory:', { nativeBinding: nodeAddonPath() });
  migrate(db, MIGRATIONS.filter((migration) => migration.version <= version));
  return db;
}

const at = (erasedAt: string, caseId = 7): Erasure => ({ caseId, firstContactAt: '2026-01-05T09:00', erasedAt });

describe('which erasures a copy does not hold', () => {
  it('counts two reporters of one case erased in the same second as two: a copy holding one still predates the other', () => {
    const twice = [at('2026-02-10T11:00:00'), at('2026-02-10T11:00:00')];
    expect(erasuresNotIn(twice, [at('2026-02-10T11:00:00')])).toEqual([at('2026-02-10T11:00:00')]);
    expect(erasuresNotIn(twice, twice)).toEqual([]);
  });

  it('tells erasures apart by case, first contact and moment, never by how close their times are', () => {
    const known = [at('2026-02-10T11:00:00')];
    expect(erasuresNotIn([at('2026-02-10T11:00:01'), at('2026-02-10T11:00:00', 8), { ...at('2026-02-10T11:00:00'), firstContactAt: '2026-01-06T09:00' }], known)).toHaveLength(3);
  });
});

describe('erasures in a database, on raw rows', () => {
  it('are none in a copy made before erasures were recorded (no table yet)', () => {
    expect(erasuresIn(databaseAt(19))).toEqual([]);
  });

  it('are carried into a vault once each, keeping the rows it had', () => {
    const db = databaseAt(Math.max(...MIGRATIONS.map((migration) => migration.version)));
    db.prepare("INSERT INTO reporter_erasures (case_id, first_contact_at, erased_at) VALUES (7, '2026-01-05T09:00', '2026-02-10T11:00:00')").run();
    recordErasures(db, [at('2026-02-10T11:00:00'), at('2026-02-10T11:00:00'), at('2026-02-11T09:30:00', 8)]);
    expect(db.prepare('SELECT case_id, erased_at FROM reporter_erasures ORDER BY id').raw().all()).toEqual([
      [7, '2026-02-10T11:00:00'],
      [7, '2026-02-10T11:00:00'],
      [8, '2026-02-11T09:30:00'],
    ]);
    recordErasures(db, erasuresIn(db));
    expect(erasuresIn(db)).toHaveLength(3);
  });
});
