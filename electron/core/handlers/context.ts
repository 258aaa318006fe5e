import type { Clock } from '../clock';
import type { CoreEvents } from '../events';
import type { Logger } from '../log';
import type { VaultRecords } from '../restore/vaultRecord';
import type { SettingsStore } from '../settings/settingsStore';
import type { ShellServices } from '../shell';
import type { Db } from '../vault/database';
import type { LockCoordinator } from '../vault/lockCoordinator';
import type { VaultSession } from '../vault/vaultSession';

/** What every domain's handlers may use; core.ts makes one per core. */
export interface CoreContext {
  vault: VaultSession;
  /** The open database; throws VAULT_LOCKED when the vault is locked. */
  db: () => Db;
  records: VaultRecords;
  settings: SettingsStore;
  clock: Clock;
  /** Today's local date (YYYY-MM-DD). */
  today: () => string;
  shell: ShellServices;
  log: Logger;
  events: CoreEvents;
  locks: LockCoordinator;
}

/** The empty answer of a request that only acts. */
export const done = {};
