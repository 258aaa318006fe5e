import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '.';
import released from './hashes.json';

const MIGRATION_FILE = /^\d{3}-[a-z0-9-]+\.ts$/;
const files = readdirSync(__dirname)
  .filter((name) => MIGRATION_FILE.test(name))
  .sort();
const sha256 = (name: string) => createHash('sha256').update(readFileSync(join(__dirname, name))).digest('hex');

describe('released migrations', () => {
  it('are never edited or removed', () => {
    for (const [name, hash] of Object.entries(released)) {
      expect(files, `${name} is in hashes.json but gone: a released migration is never removed.`).toContain(name);
      expect(sha256(name), `${name} changed after its release: put it back and make the change a new migration.`).toBe(hash);
    }
  });

  it('are each in hashes.json, added there on purpose', () => {
    for (const name of files) expect(Object.keys(released), `${name} is not in hashes.json. Once it is final, add "${name}": "${sha256(name)}".`).toContain(name);
  });

  it('are the migration list, one file per version, numbered by it', async () => {
    const exported = await Promise.all(files.map(async (name) => Object.values((await import(join(__dirname, name))) as object)));
    expect(files.map((name) => Number(name.slice(0, 3))), 'The migration files and MIGRATIONS in index.ts list other versions.').toEqual(MIGRATIONS.map((migration) => migration.version));
    exported.forEach((values, index) => {
      expect(values, files[index]).toHaveLength(1);
      expect(values[0], `${files[index]} is not MIGRATIONS[${index}]`).toBe(MIGRATIONS[index]);
    });
  });
});
