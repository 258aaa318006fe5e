/**
 * Makes better-sqlite3's default addon location unloadable in every test process (and in the
 * core processes the tests fork), as it is in the packaged app (which ships the addon
 * elsewhere) and wrong under `npm start` (a Node build, not Electron's). A database opened
 * anywhere without the explicit addon path then fails in `npm test` instead of only in the
 * shipped app, which is how backups once failed in Electron. Plain CommonJS, so a forked Node
 * process can load it with `--require`.
 */
const Module = require('node:module');

const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'bindings' && parent && parent.filename && parent.filename.includes('better-sqlite3-multiple-ciphers')) {
    throw new Error('The SQLite addon was looked up at its default location: open databases through openEncryptedDatabase with the addon path.');
  }
  return load.call(this, request, parent, isMain);
};
