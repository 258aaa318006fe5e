import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Every file the core writes itself goes through here (the key header, the record, settings, the
 * unlock counts, and what the adviser saves: exports, publications, the recovery sheet). The content
 * goes to a new temporary file beside the target, 0600 and created exclusively (nothing already
 * there is written through), is synced, renamed over the target, and the folder is synced. A crash
 * or power cut leaves the old version or the new one, never half of one; and the renamed file
 * brings its own mode, where writing into an existing file would keep that file's 0644.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    // A leftover of a crash of an earlier process with this id is replaced, never written into.
    rmSync(temporary, { force: true });
    writeFileSync(temporary, content, { mode: 0o600, flag: 'wx' });
    syncFile(temporary);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  syncDirectory(dirname(path));
}

/** Forces a file's content to the disk, past the operating system's cache. */
export function syncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Forces a folder's entries (a file created or renamed in it) to the disk. */
export function syncDirectory(directory: string): void {
  // Windows cannot open a directory for fsync; its rename is already durable enough there.
  if (process.platform === 'win32') return;
  const fd = openSync(directory, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Makes a folder (0700) and any missing folders above it, and syncs the folder holding each one
 * it made: a new folder whose own name is lost to a power cut takes everything written in it along.
 */
export function makeDirectory(path: string): void {
  const first = mkdirSync(path, { recursive: true, mode: 0o700 });
  if (!first) return;
  for (let made = resolve(path); ; made = dirname(made)) {
    syncDirectory(dirname(made));
    if (made === resolve(first) || dirname(made) === made) return;
  }
}
