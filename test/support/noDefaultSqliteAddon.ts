import Module from 'node:module';

/**
 * Makes better-sqlite3's default addon location unloadable in every test process, as it is in
 * the packaged app (which ships the addon elsewhere) and wrong under `npm start` (a Node build,
 * not Electron's). A database opened anywhere without the explicit addon path then fails in
 * `npm test` instead of only in the shipped app, which is how backups once failed in Electron.
 */
type Loader = (request: string, parent: { filename?: string } | null | undefined, isMain: boolean) => unknown;
const moduleLoader = Module as unknown as { _load: Loader };
const load = moduleLoader._load;
moduleLoader._load = function (request, parent, isMain) {
  if (request === 'bindings' && parent?.filename?.includes('better-sqlite3-multiple-ciphers')) {
    throw new Error('The SQLite addon was looked up at its default location: open databases through openEncryptedDatabase with the addon path.');
  }
  return load.call(this, request, parent, isMain);
};
