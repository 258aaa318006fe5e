import type { Profile, ProfileUpdate } from '../../../shared/contract';
import type { VaultFunction } from '../../../shared/taxonomy';
import { AppError } from '../errors';
import type { Db } from './database';

const meta = (db: Db, key: string) => db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
const setMeta = (db: Db, key: string, value: string) =>
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);

/** The vault's function and adviser id live inside the vault: they describe this adviser's registrations. */
export function getProfile(db: Db): Profile {
  return { function: meta(db, 'function') as VaultFunction, external: meta(db, 'external') === '1', adviserId: meta(db, 'adviser_id')! };
}

/**
 * Every case was registered under the vault's function (and, for a faculty adviser, as external or
 * not), and its exports are counted under it; a change would re-label them, so it is allowed only
 * while the vault has no cases.
 */
export function setProfile(db: Db, profile: ProfileUpdate): Profile {
  return db.transaction(() => {
    const hasCases = db.prepare('SELECT 1 FROM cases LIMIT 1').get() !== undefined;
    const current = getProfile(db);
    if (hasCases && (current.function !== profile.function || current.external !== profile.external)) throw new AppError('FUNCTION_LOCKED');
    setMeta(db, 'function', profile.function);
    setMeta(db, 'external', profile.external ? '1' : '0');
    return getProfile(db);
  })();
}
