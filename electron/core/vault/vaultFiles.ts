import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface VaultFiles {
  directory: string;
  database: string;
  header: string;
}

export function vaultFilesIn(directory: string): VaultFiles {
  return {
    directory,
    database: join(directory, 'vault.db'),
    header: join(directory, 'vault.header.json'),
  };
}

/** Either file present means a vault is there, even a damaged one: creation must never overwrite it. */
export function vaultExists(files: VaultFiles): boolean {
  return existsSync(files.header) || existsSync(files.database);
}
