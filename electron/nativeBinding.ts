import { join } from 'node:path';

export const ADDON_FILE = 'better_sqlite3.node';

/**
 * The SQLite addon compiled for Electron's ABI, kept apart from the Node build that tests use.
 * Development: built by build/native-electron.mjs into .native/. Packaged: shipped by
 * electron-builder as an extra resource, outside the asar.
 */
export function electronNativeBinding(options: { isPackaged: boolean; appPath: string; resourcesPath: string; arch: string }): string {
  if (options.isPackaged) return join(options.resourcesPath, 'native', ADDON_FILE);
  return join(options.appPath, '.native', `electron-${options.arch}`, 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', ADDON_FILE);
}
