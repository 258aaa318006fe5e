import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../errors';
import { loadSqliteAddon } from './sqliteAddon';

export type Db = Database.Database;

export interface OpenOptions {
  /** The compiled SQLite addon: the Electron shell passes its own ABI build, Node its own. Never left to a default. */
  addon: string;
  create: boolean;
}

const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');
const X = 0x78;
const QUOTE = 0x27;

/**
 * SQLCipher's raw-key literal `x'<64 hex digits>'`, written byte by byte into a Buffer: the key
 * never becomes a JavaScript string (a string cannot be wiped and lingers in the heap). The caller
 * zeroes the Buffer after use. The 32 bytes themselves would be taken as a passphrase.
 */
export function rawKeyLiteral(key: Buffer): Buffer {
  const literal = Buffer.alloc(key.length * 2 + 3);
  literal[0] = X;
  literal[1] = QUOTE;
  for (let index = 0; index < key.length; index++) {
    literal[2 + index * 2] = HEX_DIGITS[key[index]! >> 4]!;
    literal[3 + index * 2] = HEX_DIGITS[key[index]! & 0x0f]!;
  }
  literal[literal.length - 1] = QUOTE;
  return literal;
}

/**
 * Every database the app opens (the vault, a backup being checked) goes through here, with the
 * addon path. Opens the SQLCipher 4 file with the raw 256-bit data key. The key travels to SQLite in a
 * Buffer that is zeroed straight after, never as a JavaScript string that lingers in the heap.
 */
export function openEncryptedDatabase(path: string, dataKey: Buffer, options: OpenOptions): Db {
  const nativeBinding = loadSqliteAddon(options.addon);
  let db: Db;
  try {
    // better-sqlite3 takes an already loaded addon object here; its type declarations only know a path.
    db = new Database(path, { fileMustExist: !options.create, nativeBinding: nativeBinding as unknown as string });
  } catch {
    throw new AppError('CORRUPT_VAULT');
  }
  const rawKey = rawKeyLiteral(dataKey);
  try {
    db.pragma("cipher='sqlcipher'");
    db.pragma('legacy=4');
    db.key(rawKey);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    db.close();
    throw new AppError('CORRUPT_VAULT');
  } finally {
    rawKey.fill(0);
  }
  if (!looksIntact(db, path)) {
    db.close();
    throw new AppError('CORRUPT_VAULT');
  }
  applyPragmas(db);
  return db;
}

/**
 * A check at the door that costs milliseconds, not the seconds a full integrity check takes on a
 * decade of records: no truncated or partial pages, and every table's first page decrypts and
 * parses. Damage deeper in the file surfaces as CORRUPT_VAULT when it is read, and every backup
 * is verified with a full integrity check.
 */
function looksIntact(db: Db, path: string): boolean {
  try {
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const pages = db.pragma('page_count', { simple: true }) as number;
    const size = statSync(path).size;
    const wal = `${path}-wal`;
    const walSize = existsSync(wal) ? statSync(wal).size : 0;
    if (size % pageSize !== 0) return false;
    if (walSize === 0 && size < pages * pageSize) return false;
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    for (const table of tables) db.prepare(`SELECT * FROM "${table.replace(/"/g, '""')}" LIMIT 1`).get();
    return true;
  } catch {
    return false;
  }
}

/** The settings every vault connection runs with (the benchmark's plain copy uses them too). */
export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('secure_delete = ON');
  db.pragma('foreign_keys = ON');
  // Sorts and temporary indexes stay in memory: a temp file would hold plaintext.
  db.pragma('temp_store = MEMORY');
  // 64 MiB of decrypted pages kept in memory, so reads seldom pay for decryption twice.
  db.pragma('cache_size = -65536');
}
