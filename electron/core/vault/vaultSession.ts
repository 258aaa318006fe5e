import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { AppError } from '../errors';
import { openEncryptedDatabase, type Db } from './database';
import {
  parseRecoveryKey,
  DEFAULT_KDF,
  deriveFromPassphrase,
  deriveFromRecoveryKey,
  formatRecoveryKey,
  newKdfParams,
  newRandomKey,
  unwrapKey,
  wrapKey,
  type KdfParams,
} from './keys';
import {
  passphraseWrapContext,
  readHeader,
  recoveryWrapContext,
  writeHeader,
  type VaultHeader,
} from './header';
import { migrate } from './migrations';
import { vaultExists, type VaultFiles } from './vaultFiles';

export interface VaultSessionOptions {
  kdfCost?: Pick<KdfParams, 'memoryKiB' | 'iterations' | 'parallelism'>;
  nativeBinding?: string;
}

/**
 * The one place that holds the data key and the open database while the vault is unlocked.
 * Locking closes the database and zeroes the key; listeners learn of it (to clear caches).
 */
export class VaultSession {
  private db: Db | null = null;
  private dataKey: Buffer | null = null;
  private pending: Promise<unknown> = Promise.resolve();
  private readonly lockListeners = new Set<() => void>();

  constructor(
    readonly files: VaultFiles,
    private readonly options: VaultSessionOptions = {},
  ) {}

  status(): { exists: boolean; unlocked: boolean } {
    return { exists: vaultExists(this.files), unlocked: this.db !== null };
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

  create(passphrase: string): Promise<string> {
    return this.exclusive(async () => {
      if (vaultExists(this.files)) throw new AppError('VAULT_EXISTS');
      mkdirSync(this.files.directory, { recursive: true, mode: 0o700 });
      const vaultId = randomUUID();
      const kdf = newKdfParams(this.options.kdfCost ?? DEFAULT_KDF);
      const dataKey = newRandomKey();
      const recoveryKey = newRandomKey();
      const passphraseKey = await deriveFromPassphrase(passphrase, kdf);
      const recoveryWrappingKey = deriveFromRecoveryKey(recoveryKey, vaultId);
      try {
        const header: VaultHeader = {
          format: 'confidant-vault-header',
          version: 1,
          vaultId,
          kdf,
          wrappedKeys: {
            passphrase: wrapKey(passphraseKey, dataKey, passphraseWrapContext({ vaultId, kdf })),
            recovery: wrapKey(recoveryWrappingKey, dataKey, recoveryWrapContext({ vaultId })),
          },
        };
        const db = openEncryptedDatabase(this.files.database, dataKey, { ...this.nativeOption(), create: true });
        migrate(db);
        db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('vault_id', vaultId);
        writeHeader(this.files.header, header);
        this.db = db;
        this.dataKey = dataKey;
        return formatRecoveryKey(recoveryKey);
      } catch (error) {
        dataKey.fill(0);
        throw error;
      } finally {
        passphraseKey.fill(0);
        recoveryWrappingKey.fill(0);
        recoveryKey.fill(0);
      }
    });
  }

  unlock(passphrase: string): Promise<void> {
    return this.exclusive(async () => {
      if (this.db) return;
      const header = this.readExistingHeader();
      const passphraseKey = await deriveFromPassphrase(passphrase, header.kdf);
      try {
        const dataKey = unwrapKey(passphraseKey, header.wrappedKeys.passphrase, passphraseWrapContext(header));
        if (!dataKey) throw new AppError('WRONG_PASSPHRASE');
        this.openWith(dataKey, header);
      } finally {
        passphraseKey.fill(0);
      }
    });
  }

  /** Unlocks with the recovery key and replaces the forgotten passphrase in the same step. */
  recover(recoveryKeyText: string, newPassphrase: string): Promise<void> {
    return this.exclusive(async () => {
      const header = this.readExistingHeader();
      const recoveryKey = parseRecoveryKey(recoveryKeyText);
      if (!recoveryKey) throw new AppError('WRONG_RECOVERY_KEY');
      const recoveryWrappingKey = deriveFromRecoveryKey(recoveryKey, header.vaultId);
      recoveryKey.fill(0);
      const dataKey = unwrapKey(recoveryWrappingKey, header.wrappedKeys.recovery, recoveryWrapContext(header));
      recoveryWrappingKey.fill(0);
      if (!dataKey) throw new AppError('WRONG_RECOVERY_KEY');
      if (this.db) this.lock();
      this.openWith(dataKey, header);
      const kdf = newKdfParams(this.options.kdfCost ?? DEFAULT_KDF);
      const passphraseKey = await deriveFromPassphrase(newPassphrase, kdf);
      try {
        const updated: VaultHeader = {
          ...header,
          kdf,
          wrappedKeys: {
            ...header.wrappedKeys,
            passphrase: wrapKey(passphraseKey, dataKey, passphraseWrapContext({ vaultId: header.vaultId, kdf })),
          },
        };
        writeHeader(this.files.header, updated);
      } finally {
        passphraseKey.fill(0);
      }
    });
  }

  lock(): void {
    const wasOpen = this.db !== null;
    this.db?.close();
    this.db = null;
    this.dataKey?.fill(0);
    this.dataKey = null;
    if (wasOpen) for (const listener of this.lockListeners) listener();
  }

  private readExistingHeader(): VaultHeader {
    if (!vaultExists(this.files)) throw new AppError('VAULT_NOT_FOUND');
    return readHeader(this.files.header);
  }

  private openWith(dataKey: Buffer, header: VaultHeader): void {
    let db: Db;
    try {
      db = openEncryptedDatabase(this.files.database, dataKey, { ...this.nativeOption(), create: false });
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
  }

  private nativeOption(): { nativeBinding?: string } {
    return this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {};
  }

  /** Vault operations never interleave: a second unlock waits for the first to finish. */
  private exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.pending.then(operation, operation);
    this.pending = run.catch(() => undefined);
    return run;
  }
}
