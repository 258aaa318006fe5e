import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppError } from '../errors';

const MODULE = 'better-sqlite3-multiple-ciphers';

/** Where npm built the SQLite addon for Node: what the tests, the benchmark and the browser harness load. */
export function nodeAddonPath(): string {
  return join(dirname(createRequire(__filename).resolve(`${MODULE}/package.json`)), 'build', 'Release', 'better_sqlite3.node');
}

const loaded = new Map<string, object>();

/**
 * Loads the compiled SQLite addon from an explicit path, once per path. better-sqlite3 would
 * otherwise look in its own build folder, which the packaged app does not ship and which under
 * `npm start` holds a build for Node's ABI, not Electron's. A path that does not load means the
 * installation is damaged, never the vault: that is its own error, APP_DAMAGED.
 */
export function loadSqliteAddon(path: string): object {
  const cached = loaded.get(path);
  if (cached) return cached;
  const module = { exports: {} as object };
  try {
    process.dlopen(module, path);
  } catch {
    throw new AppError('APP_DAMAGED');
  }
  loaded.set(path, module.exports);
  return module.exports;
}
