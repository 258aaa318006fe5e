import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface VaultFiles {
  directory: string;
  database: string;
  header: string;
  /** The header for a data key being rotated in, written before the file is re-encrypted. */
  nextHeader: string;
  /** Failed unlock attempts, so the delay survives a restart. Holds no secret. */
  attempts: string;
  /** Failed recovery-key attempts: their own count, so a passphrase lockout never blocks recovery. */
  recoveryAttempts: string;
  /** What retention destroyed, encrypted under the data key: outlives a damaged database, goes into backups. */
  destructions: string;
}

export function vaultFilesIn(directory: string): VaultFiles {
  return {
    directory,
    database: join(directory, 'vault.db'),
    header: join(directory, 'vault.header.json'),
    nextHeader: join(directory, 'vault.header.next.json'),
    attempts: join(directory, 'unlock-attempts.json'),
    recoveryAttempts: join(directory, 'recovery-attempts.json'),
    destructions: join(directory, 'vault.destructions.json'),
  };
}

/** Either file present means a vault is there, even a damaged one: creation must never overwrite it. */
export function vaultExists(files: VaultFiles): boolean {
  return existsSync(files.header) || existsSync(files.database);
}
