import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

const CHUNK = 16 * 1024 * 1024;

/** A string as V8 may hold it: one byte a character, or two. */
export const asStored = (text: string): Buffer[] => [Buffer.from(text, 'latin1'), Buffer.from(text, 'utf16le')];

/**
 * How often each needle occurs in a live process's writable memory, read through
 * `/proc/<pid>/mem` (Linux; needs ptrace rights over the process: its parent, or root). Read-only
 * mappings (code, the binaries' constants) cannot have received a secret and are skipped.
 */
export function countInMemory(pid: number, needles: Record<string, Buffer[]>): Record<string, number> {
  const counts = Object.fromEntries(Object.keys(needles).map((name) => [name, 0]));
  const longest = Math.max(...Object.values(needles).flat().map((needle) => needle.length));
  const buffer = Buffer.alloc(CHUNK + longest);
  const memory = openSync(`/proc/${pid}/mem`, 'r');
  try {
    for (const line of readFileSync(`/proc/${pid}/maps`, 'utf8').trim().split('\n')) {
      const [range = '', permissions = '', , , , path = ''] = line.split(/\s+/);
      if (!permissions.startsWith('rw') || path === '[vvar]') continue;
      const [start, end] = range.split('-').map((hex) => Number.parseInt(hex, 16)) as [number, number];
      // Each chunk is read with the needle's length more, so a needle across the boundary is seen once.
      for (let at = start; at < end; at += CHUNK) {
        const read = readSync(memory, buffer, 0, Math.min(CHUNK + longest, end - at), at);
        const view = buffer.subarray(0, read);
        for (const [name, variants] of Object.entries(needles)) {
          for (const needle of variants) {
            for (let found = view.indexOf(needle); found >= 0 && found < CHUNK; found = view.indexOf(needle, found + 1)) counts[name]!++;
          }
        }
      }
    }
  } finally {
    closeSync(memory);
  }
  return counts;
}
