import { join } from 'node:path';
import { CANARY } from '../fixtures/canaries';

/**
 * What the lifecycle writer says, one JSON line per step: `begin` before the step and `ack` once the
 * app reported it done, with what the test needs to check the app's promise.
 */
export type Step =
  | { step: 'create' }
  | { step: 'backupFolder' }
  | { step: 'autoBackup' }
  | { step: 'case'; label: string }
  | { step: 'export'; json?: string; jsonSha?: string; csvSha?: string }
  | { step: 'passphrase'; next: string }
  | { step: 'backup'; name?: string }
  | { step: 'restore'; name: string }
  | { step: 'lockBackup'; name?: string };

export const PASSPHRASES = { first: CANARY.passphrase, second: CANARY.otherPassphrase } as const;
/** Cheap Argon2, so the writer and every check of a rebuilt tree unlock in milliseconds. */
export const CHEAP_KDF = { memoryKiB: 8192, iterations: 1, parallelism: 1 };

/** Where the app keeps its data, where the adviser chose to keep backups, and where exports are saved. */
export function lifecyclePaths(root: string) {
  return { data: join(root, 'data'), backups: join(root, 'backups'), saved: join(root, 'saved') };
}
