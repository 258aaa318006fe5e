import type { Profile } from '../../../shared/contract';
import type { VaultFunction } from '../../../shared/taxonomy';
import type { Db } from './database';

/** The vault's function lives inside the vault: it describes this adviser's registrations. */
export function getProfile(db: Db): Profile {
  const value = db.prepare("SELECT value FROM meta WHERE key = 'function'").pluck().get() as VaultFunction;
  return { function: value };
}

export function setProfile(db: Db, profile: Profile): Profile {
  db.prepare("INSERT INTO meta (key, value) VALUES ('function', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(profile.function);
  return getProfile(db);
}
