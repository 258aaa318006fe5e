import Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../../electron/core/vault/database';
import { MIGRATIONS, migrate } from '../../electron/core/vault/migrations';
import { nodeAddonPath } from '../../electron/core/vault/sqliteAddon';

/** A plain in-memory database brought to `version` by the vault's own migrations, foreign keys on as in a vault: raw rows to test a migration on. */
export function databaseAt(version: number): Db {
  const db = new Database(':memory:', { nativeBinding: nodeAddonPath() });
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.filter((migration) => migration.version <= version));
  return db;
}
