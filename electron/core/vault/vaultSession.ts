import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeDirectory, syncDirectory, syncFile } from '../storage/atomicWrite';
import { systemClock, type Clock } from '../clock';
import type { ReportPhase } from '../events';
import { AppError } from '../errors';
import { openEncryptedDatabase, rawKeyLiteral, type Db } from './database';
import {
  DEFAULT_KDF,
  deriveFromPassphrase,
  deriveFromRecoveryKey,
  formatRecoveryKey,
  newKdfParams,
  newRandomKey,
  parseRecoveryKey,
  unwrapKey,
  wrapKey,
  type KdfParams,
} from './keys';
import { passphraseWrapContext, readHeader, recoveryWrapContext, writeHeader, type VaultHeader } from './header';
import { migrate } from './migrations';
import { nodeAddonPath } from './sqliteAddon';
import { PASSPHRASE_RULE, RECOVERY_RULE, UnlockThrottle } from './unlockThrottle';
import { vaultExists, vaultFilesIn, type VaultFiles } from './vaultFiles';
import { VaultLock } from './vaultLock';

/** A vault being made: renamed into place only when whole. */
const CREATING_PREFIX = '.vault-creating-';

/** Told of a new data key while the rotation still holds the vault, so files kept under the key follow it. */
export type KeyChangeListener = (db: Db, dataKey: Buffer, header: VaultHeader) => void;

export interface VaultSessionOptions {
  kdfCost?: Pick<KdfParams, 'memoryKiB' | 'iterations' | 'parallelism'>;
  /** The SQLite addon for this runtime; Node's own build when not given (tests, benchmark, harness). */
  nativeBinding?: string;
}

/**
 * The one place that holds the data key and the open database while the vault is unlocked.
 * Locking closes the database and zeroes the key; listeners learn of it (to clear caches).
 */
export class VaultSession {
  private db: Db | null = null;
  private dataKey: Buffer | null = null;
  private header: VaultHeader | null = null;
  private pending: Promise<unknown> = Promise.resolve();
  private readonly lockListeners = new Set<() => void>();
  private readonly closeListeners = new Set<() => void>();
  private readonly keyChangeListeners = new Set<KeyChangeListener>();
  readonly throttle: UnlockThrottle;
  private readonly recoveryThrottle: UnlockThrottle;
  /** The addon every database of this session is opened with, backups' checks included. */
  readonly addon: string;
  /** Held while the vault is open and while an operation puts it in place: no other process has it meanwhile. */
  private readonly ownership: VaultLock;

  constructor(
    readonly files: VaultFiles,
    private readonly options: VaultSessionOptions = {},
    clock: Clock = systemClock,
  ) {
    this.throttle = new UnlockThrottle(files.attempts, clock, PASSPHRASE_RULE);
    this.recoveryThrottle = new UnlockThrottle(files.recoveryAttempts, clock, RECOVERY_RULE);
    this.addon = options.nativeBinding ?? nodeAddonPath();
    this.ownership = new VaultLock(files, this.addon);
  }

  status(): { exists: boolean; unlocked: boolean; unlockDelaySeconds: number } {
    return { exists: vaultExists(this.files), unlocked: this.db !== null, unlockDelaySeconds: this.throttle.secondsToWait() };
  }

  get isUnlocked(): boolean {
    return this.db !== null;
  }

  /** The open database; every case operation goes through here and fails cleanly when locked. */
  database(): Db {
    if (!this.db) throw new AppError('VAULT_LOCKED');
    return this.db;
  }

  onLock(listener: () => void): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }

  /** Whenever the open database is closed: on a lock, and when a restore puts other files in its place (caches). */
  onClose(listener: () => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  onKeyChange(listener: KeyChangeListener): () => void {
    this.keyChangeListeners.add(listener);
    return () => this.keyChangeListeners.delete(listener);
  }

  /**
   * A new vault is made whole in a folder of its own beside the vault's place (database, then
   * header, both on disk) and only then renamed into place: a crash at any point leaves either no
   * vault or a complete one, never a database without its header that can be neither opened nor
   * made again. Folders a crash left behind are cleared first.
   */
  create(passphrase: string): Promise<string> {
    return this.exclusive(async () => {
      if (vaultExists(this.files)) throw new AppError('VAULT_EXISTS');
      const parent = dirname(this.files.directory);
      makeDirectory(parent);
      // Before clearing leftovers: another core making a vault here would lose its folder.
      this.ownership.acquire();
      for (const entry of readdirSync(parent)) if (entry.startsWith(CREATING_PREFIX)) rmSync(join(parent, entry), { recursive: true, force: true });
      const staging = join(parent, `${CREATING_PREFIX}${randomUUID()}`);
      const staged = vaultFilesIn(staging);
      mkdirSync(staging, { mode: 0o700 });
      const vaultId = randomUUID();
      const dataKey = newRandomKey();
      try {
        const { header, recoveryKey } = await this.newHeader(vaultId, dataKey, passphrase);
        const db = openEncryptedDatabase(staged.database, dataKey, { addon: this.addon, create: true });
        try {
          migrate(db);
          db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('vault_id', vaultId);
          db.pragma('wal_checkpoint(TRUNCATE)');
        } finally {
          db.close();
        }
        syncFile(staged.database);
        writeHeader(staged.header, header);
        // An empty folder in the vault's place (nothing of a vault in it) gives way to the new one.
        if (existsSync(this.files.directory)) rmdirSync(this.files.directory);
        renameSync(staging, this.files.directory);
        syncDirectory(parent);
        this.db = openEncryptedDatabase(this.files.database, dataKey, { addon: this.addon, create: false });
        this.dataKey = dataKey;
        this.header = header;
        return recoveryKey;
      } catch (error) {
        rmSync(staging, { recursive: true, force: true });
        dataKey.fill(0);
        throw error;
      }
    });
  }

  unlock(passphrase: string): Promise<void> {
    return this.exclusive(async () => {
      if (this.db) return;
      this.requireVault();
      // Before the passphrase is tried: a vault open elsewhere is refused as such, and no attempt counts.
      this.ownership.acquire();
      this.throttle.assertMayTry();
      // A rotation interrupted after re-encrypting leaves the new key only in the next header.
      const candidates = [this.files.header, ...(existsSync(this.files.nextHeader) ? [this.files.nextHeader] : [])];
      let lastError: AppError = new AppError('WRONG_PASSPHRASE');
      for (const path of candidates) {
        const header = readHeader(path);
        const dataKey = await this.unwrapWithPassphrase(header, passphrase);
        if (!dataKey) continue;
        try {
          this.openWith(dataKey, header);
        } catch (error) {
          lastError = error instanceof AppError ? error : new AppError('CORRUPT_VAULT');
          continue;
        }
        if (path === this.files.nextHeader) renameSync(this.files.nextHeader, this.files.header);
        else rmSync(this.files.nextHeader, { force: true });
        this.throttle.recordSuccess();
        return;
      }
      if (lastError.code === 'WRONG_PASSPHRASE') this.throttle.recordFailure();
      throw lastError;
    });
  }

  /**
   * Unlocks with the recovery key and, in one header write, replaces the forgotten passphrase and
   * the recovery key just used, which may have been seen or copied on its way here: the old key no
   * longer opens the vault. Returns the new one.
   */
  recover(recoveryKeyText: string, newPassphrase: string): Promise<string> {
    return this.exclusive(async () => {
      this.requireVault();
      this.ownership.acquire();
      const header = readHeader(this.files.header);
      const dataKey = this.unwrapWithRecoveryKey(header, recoveryKeyText);
      // The recovery key proves more than the passphrase would: the passphrase count starts again too.
      this.throttle.recordSuccess();
      if (this.db) this.lock();
      this.openWith(dataKey, header);
      const { header: renewed, recoveryKey } = await this.newHeader(header.vaultId, dataKey, newPassphrase);
      writeHeader(this.files.header, renewed);
      this.header = renewed;
      return recoveryKey;
    });
  }

  /** The data key a header wraps under this recovery key; counts as a recovery attempt, throttled like one. */
  unwrapWithRecoveryKey(header: VaultHeader, recoveryKeyText: string): Buffer {
    this.recoveryThrottle.assertMayTry();
    const recoveryKey = parseRecoveryKey(recoveryKeyText);
    const recoveryWrappingKey = recoveryKey ? deriveFromRecoveryKey(recoveryKey, header.vaultId) : null;
    recoveryKey?.fill(0);
    const dataKey = recoveryWrappingKey ? unwrapKey(recoveryWrappingKey, header.wrappedKeys.recovery, recoveryWrapContext(header)) : null;
    recoveryWrappingKey?.fill(0);
    if (!dataKey) {
      this.recoveryThrottle.recordFailure();
      throw new AppError('WRONG_RECOVERY_KEY');
    }
    this.recoveryThrottle.recordSuccess();
    return dataKey;
  }

  /** Re-wraps the same data key under a new passphrase: fast, the database is not touched. */
  changePassphrase(current: string, next: string): Promise<void> {
    return this.exclusive(async () => {
      await this.confirmPassphrase(current);
      await this.replacePassphraseWrap(next);
    });
  }

  /** A fresh recovery key for the same data key; the old recovery key stops working. */
  newRecoveryKey(passphrase: string): Promise<string> {
    return this.exclusive(async () => {
      const header = await this.confirmPassphrase(passphrase);
      const recoveryKey = newRandomKey();
      const wrappingKey = deriveFromRecoveryKey(recoveryKey, header.vaultId);
      try {
        const updated: VaultHeader = {
          ...header,
          wrappedKeys: { ...header.wrappedKeys, recovery: wrapKey(wrappingKey, this.dataKey!, recoveryWrapContext(header)) },
        };
        writeHeader(this.files.header, updated);
        this.header = updated;
        return formatRecoveryKey(recoveryKey);
      } finally {
        wrappingKey.fill(0);
        recoveryKey.fill(0);
      }
    });
  }

  /**
   * Re-encrypts the whole file under a new random data key. The new header is written first
   * (as the next header), so a crash at any point leaves a key that opens the file.
   */
  rotateDataKey(passphrase: string, report: ReportPhase<'rotation'> = () => undefined): Promise<string> {
    return this.exclusive(async () => {
      report('confirm');
      const current = await this.confirmPassphrase(passphrase);
      const db = this.database();
      const newKey = newRandomKey();
      const { header, recoveryKey } = await this.newHeader(current.vaultId, newKey, passphrase);
      writeHeader(this.files.nextHeader, header);
      const rawKey = rawKeyLiteral(newKey);
      report('rekey');
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
        // SQLite3 Multiple Ciphers re-keys only outside WAL mode.
        db.pragma('journal_mode = DELETE');
        db.rekey(rawKey);
        db.pragma('journal_mode = WAL');
      } catch (error) {
        rmSync(this.files.nextHeader, { force: true });
        newKey.fill(0);
        throw error;
      } finally {
        rawKey.fill(0);
      }
      report('header');
      renameSync(this.files.nextHeader, this.files.header);
      this.dataKey!.fill(0);
      this.dataKey = newKey;
      this.header = header;
      for (const listener of this.keyChangeListeners) listener(db, newKey, header);
      return recoveryKey;
    });
  }

  /** Hands the open database, its key and header to an operation that copies or verifies files. */
  withKeyMaterial<T>(operation: (db: Db, dataKey: Buffer, header: VaultHeader) => T): T {
    if (!this.db || !this.dataKey || !this.header) throw new AppError('VAULT_LOCKED');
    return operation(this.db, this.dataKey, this.header);
  }

  /**
   * The data key a header wraps under this passphrase: a backup's, or the vault's own while a
   * restore reads what it must carry over. Counts as an unlock attempt: a wrong passphrase is
   * throttled like one, and nothing else happens.
   */
  async unwrapBackupKey(header: VaultHeader, passphrase: string): Promise<Buffer> {
    this.throttle.assertMayTry();
    const dataKey = await this.unwrapWithPassphrase(header, passphrase);
    if (!dataKey) {
      this.throttle.recordFailure();
      throw new AppError('WRONG_PASSPHRASE');
    }
    this.throttle.recordSuccess();
    return dataKey;
  }

  /**
   * Puts other vault files in place (a restore) and opens them with the key already unwrapped
   * from them, with no other vault call in between. The window sees no lock: the vault is open
   * before and after. `install` swaps the files and returns how to swap them back; when the new
   * files do not open, the old ones come back and open again with their own key.
   */
  replaceFiles(install: () => () => void, dataKey: Buffer, header: VaultHeader): Promise<void> {
    return this.exclusive(async () => {
      try {
        // Before the swap, and through it: a restore from the unlock screen holds no lock yet.
        this.ownership.acquire();
      } catch (error) {
        dataKey.fill(0);
        throw error;
      }
      const previous = this.dataKey && this.header ? { dataKey: Buffer.from(this.dataKey), header: this.header } : null;
      this.close();
      let undo: (() => void) | null = null;
      try {
        undo = install();
        this.openWith(dataKey, header);
        previous?.dataKey.fill(0);
      } catch (error) {
        dataKey.fill(0);
        undo?.();
        if (previous) this.reopenAfterFailedReplace(previous.dataKey, previous.header);
        throw error;
      }
    });
  }

  private reopenAfterFailedReplace(dataKey: Buffer, header: VaultHeader): void {
    try {
      this.openWith(dataKey, header);
    } catch {
      // The old files no longer open either: the window learns the vault is locked.
      for (const listener of this.lockListeners) listener();
    }
  }

  /** Runs after every vault operation queued before it, and only while the vault stays locked: an unlock waits for it. */
  whileLocked(task: () => void): Promise<void> {
    return this.exclusive(async () => {
      if (!this.db) task();
    });
  }

  lock(): void {
    const wasOpen = this.db !== null;
    this.close();
    this.ownership.release();
    if (wasOpen) for (const listener of this.lockListeners) listener();
  }

  /** Closes the database and drops the key, telling only the caches. */
  private close(): void {
    const wasOpen = this.db !== null;
    try {
      // Every page goes into the file and the WAL is emptied: no old page image waits there.
      this.db?.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // A checkpoint that cannot run (a reader elsewhere) must never keep the vault open.
    }
    this.db?.close();
    this.db = null;
    this.dataKey?.fill(0);
    this.dataKey = null;
    this.header = null;
    if (wasOpen) for (const listener of this.closeListeners) listener();
  }

  private requireVault(): void {
    if (!vaultExists(this.files)) throw new AppError('VAULT_NOT_FOUND');
  }

  /** The data key a header wraps under this passphrase, or null; not throttled, so only for a check that follows one. */
  async unwrapWithPassphrase(header: VaultHeader, passphrase: string): Promise<Buffer | null> {
    const passphraseKey = await deriveFromPassphrase(passphrase, header.kdf);
    try {
      return unwrapKey(passphraseKey, header.wrappedKeys.passphrase, passphraseWrapContext(header));
    } finally {
      passphraseKey.fill(0);
    }
  }

  /** Sensitive changes ask for the passphrase again, so an unattended unlocked laptop is not enough. */
  private async confirmPassphrase(passphrase: string): Promise<VaultHeader> {
    if (!this.db || !this.header) throw new AppError('VAULT_LOCKED');
    this.throttle.assertMayTry();
    const key = await this.unwrapWithPassphrase(this.header, passphrase);
    if (!key) {
      this.throttle.recordFailure();
      throw new AppError('WRONG_PASSPHRASE');
    }
    key.fill(0);
    this.throttle.recordSuccess();
    return this.header;
  }

  private async replacePassphraseWrap(passphrase: string): Promise<void> {
    const header = this.header!;
    const kdf = newKdfParams(this.options.kdfCost ?? DEFAULT_KDF);
    const passphraseKey = await deriveFromPassphrase(passphrase, kdf);
    try {
      const updated: VaultHeader = {
        ...header,
        kdf,
        wrappedKeys: { ...header.wrappedKeys, passphrase: wrapKey(passphraseKey, this.dataKey!, passphraseWrapContext({ vaultId: header.vaultId, kdf })) },
      };
      writeHeader(this.files.header, updated);
      this.header = updated;
    } finally {
      passphraseKey.fill(0);
    }
  }

  private async newHeader(vaultId: string, dataKey: Buffer, passphrase: string): Promise<{ header: VaultHeader; recoveryKey: string }> {
    const kdf = newKdfParams(this.options.kdfCost ?? DEFAULT_KDF);
    const recoveryKey = newRandomKey();
    const passphraseKey = await deriveFromPassphrase(passphrase, kdf);
    const recoveryWrappingKey = deriveFromRecoveryKey(recoveryKey, vaultId);
    try {
      return {
        header: {
          format: 'confidant-vault-header',
          version: 1,
          vaultId,
          kdf,
          wrappedKeys: {
            passphrase: wrapKey(passphraseKey, dataKey, passphraseWrapContext({ vaultId, kdf })),
            recovery: wrapKey(recoveryWrappingKey, dataKey, recoveryWrapContext({ vaultId })),
          },
        },
        recoveryKey: formatRecoveryKey(recoveryKey),
      };
    } finally {
      passphraseKey.fill(0);
      recoveryWrappingKey.fill(0);
      recoveryKey.fill(0);
    }
  }

  private openWith(dataKey: Buffer, header: VaultHeader): void {
    let db: Db;
    try {
      this.ownership.acquire();
      db = openEncryptedDatabase(this.files.database, dataKey, { addon: this.addon, create: false });
    } catch (error) {
      dataKey.fill(0);
      throw error;
    }
    try {
      const row = db.prepare("SELECT value FROM meta WHERE key = 'vault_id'").get() as { value: string } | undefined;
      // A header copied from another vault unwraps its own key, which cannot open this file;
      // a matching key with a different id means the two files do not belong together.
      if (row?.value !== header.vaultId) throw new AppError('CORRUPT_VAULT');
      migrate(db);
    } catch (error) {
      db.close();
      dataKey.fill(0);
      throw error instanceof AppError ? error : new AppError('CORRUPT_VAULT');
    }
    this.db = db;
    this.dataKey = dataKey;
    this.header = header;
  }

  /**
   * Vault operations never interleave: a second unlock waits for the first to finish. One that
   * leaves the vault closed (a wrong passphrase, a failed restore) gives the vault's lock back.
   */
  private exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.pending.then(operation, operation).finally(() => {
      if (!this.db) this.ownership.release();
    });
    // Settled to nothing: the chain must not keep the last result (a new recovery key) alive.
    const settled = () => undefined;
    this.pending = run.then(settled, settled);
    return run;
  }
}
