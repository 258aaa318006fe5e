import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Moves the app's own data (the vault folder, the lock file beside it and settings.json) from an old data folder to a new
 * one, once, before anything opens it. On Windows the old folder is in the roaming profile, which
 * folder redirection and roaming profiles put on or sync to a network share, where SQLite's WAL
 * database is not safe; the new one is in local app data. Plain Node: main calls it with paths.
 *
 * The copy goes to a staging folder beside the new place, is synced, and is compared with the
 * original file by file and byte by byte; only then is it renamed into place and the original
 * removed. Anything short of an identical copy removes the staging folder and keeps the original,
 * which the app then goes on using from the old folder: the move is tried again at the next start.
 * Chromium's own files in the old folder are not the app's and stay where they are.
 */
const APP_ENTRIES = ['vault', 'vault.lock', 'settings.json'];
const STAGING = '.moving-in';

export type DataFolderMove =
  | { outcome: 'nothing to move'; folder: string }
  | { outcome: 'moved'; folder: string }
  /** A previous move got as far as the new place; the identical original was left behind and is removed now. */
  | { outcome: 'finished an earlier move'; folder: string }
  /** The new place holds other data (a vault created there): it is used, and the old folder is not touched. */
  | { outcome: 'kept both: the new folder holds other data'; folder: string }
  /** The copy was not identical, or could not be made: the original stays and is used. */
  | { outcome: 'not moved'; folder: string; reason: string };

type CopyFile = (source: string, destination: string) => void;

/** Every file under a path (the path itself if it is a file), relative to `base`, sorted. */
function filesUnder(base: string, entry: string): string[] {
  const path = join(base, entry);
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [entry];
  return readdirSync(path)
    .sort()
    .flatMap((child) => filesUnder(base, join(entry, child)));
}

function appFiles(folder: string): string[] {
  return APP_ENTRIES.flatMap((entry) => filesUnder(folder, entry));
}

function fsyncPath(path: string, directory = false): void {
  // Windows cannot open a folder to sync it; NTFS journals the renames in it.
  if (directory && process.platform === 'win32') return;
  const descriptor = openSync(path, 'r');
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

/** Why two folders do not hold the same app files, or null when every file is there, byte for byte. */
function difference(original: string, copy: string): string | null {
  const expected = appFiles(original);
  const found = appFiles(copy);
  if (expected.join('\n') !== found.join('\n')) return `the copy holds ${found.length} of ${expected.length} files`;
  const differing = expected.find((file) => !readFileSync(join(original, file)).equals(readFileSync(join(copy, file))));
  return differing ? `${differing} differs from its original` : null;
}

export function moveDataFolderOnce(from: string, to: string, copyFile: CopyFile = copyFileSync): DataFolderMove {
  const originals = appFiles(from);
  if (originals.length === 0) return { outcome: 'nothing to move', folder: to };
  if (appFiles(to).length > 0) {
    if (difference(from, to) !== null) return { outcome: 'kept both: the new folder holds other data', folder: to };
    removeOriginals(from);
    return { outcome: 'finished an earlier move', folder: to };
  }

  const staging = join(to, STAGING);
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const file of originals) {
      mkdirSync(join(staging, file, '..'), { recursive: true });
      copyFile(join(from, file), join(staging, file));
      fsyncPath(join(staging, file));
    }
    for (const folder of new Set(originals.map((file) => join(staging, file, '..')))) fsyncPath(folder, true);
    const reason = difference(from, staging);
    if (reason !== null) {
      rmSync(staging, { recursive: true, force: true });
      return { outcome: 'not moved', folder: from, reason };
    }
    for (const entry of APP_ENTRIES) if (existsSync(join(staging, entry))) renameSync(join(staging, entry), join(to, entry));
    fsyncPath(to, true);
    rmSync(staging, { recursive: true, force: true });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    return { outcome: 'not moved', folder: from, reason: (error as Error).message };
  }
  removeOriginals(from);
  return { outcome: 'moved', folder: to };
}

/** Best effort: a file held open elsewhere (a virus scanner) stays, and the next start removes it as an earlier move's leftover. */
function removeOriginals(from: string): void {
  for (const entry of APP_ENTRIES) {
    try {
      rmSync(join(from, entry), { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // The copy in the new folder is complete and verified; the leftover is removed next time.
    }
  }
}
