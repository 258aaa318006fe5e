import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { expect, it } from 'vitest';
import { nodeAddonPath } from '../sqliteAddon';
import { migrate, schemaVersion } from '.';

const SNAPSHOT = join(__dirname, 'schema.snapshot.sql');
const REGENERATE = 'UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run --project core electron/core/vault/migrations/schema.test.ts';

/** sqlite_schema of a freshly migrated vault, one entry per object, in an order that diffs well. */
function freshSchema(): string {
  const db = new Database(':memory:', { nativeBinding: nodeAddonPath() });
  migrate(db);
  const rows = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').all() as { type: string; name: string; tbl_name: string; sql: string | null }[];
  const header = [`-- sqlite_schema of a freshly migrated vault (user_version ${schemaVersion(db)}), by type and name.`, `-- Written by schema.test.ts: after a new migration, run ${REGENERATE}`];
  const entries = rows.map((row) => `-- ${row.type} ${row.name} on ${row.tbl_name}\n${row.sql === null ? '-- (made by SQLite, no SQL)' : `${row.sql};`}`);
  return `${[header.join('\n'), ...entries].join('\n\n')}\n`;
}

it('of a freshly migrated vault is the one in schema.snapshot.sql', () => {
  const actual = freshSchema();
  if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') writeFileSync(SNAPSHOT, actual);
  const expected = existsSync(SNAPSHOT) ? readFileSync(SNAPSHOT, 'utf8').replace(/\r\n/g, '\n') : '(no schema.snapshot.sql)';
  expect(actual, `The migrated schema is not the one in migrations/schema.snapshot.sql. If a new migration means it to change, run ${REGENERATE} and review the diff.`).toBe(expected);
});
