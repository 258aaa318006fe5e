import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../electron/core/core';
import { createLogger } from '../../electron/core/log';
import { VaultRecords } from '../../electron/core/restore/vaultRecord';
import { madeAtOf } from '../../electron/core/vault/backup';
import { openEncryptedDatabase } from '../../electron/core/vault/database';
import { readHeader } from '../../electron/core/vault/header';
import { readRecordFile } from '../../electron/core/vault/recordFile';
import { nodeAddonPath } from '../../electron/core/vault/sqliteAddon';
import { dataKeyOf } from '../support/vaultKey';
import { CHEAP_KDF, lifecyclePaths, PASSPHRASES, type Step } from './lifecycleSteps';

/** A vault as the app promised it: it opens with this passphrase, holds these cases and not those, and its record counts this many exports. */
interface VaultPromise {
  passphrase: string;
  labels: string[];
  gone: string[];
  savedExports: number;
}
type BackupPromise = VaultPromise & { name: string };

/** What a folder holding a vault's files turned out to be. */
type Opened = { passphrase: string; labels: string[]; savedExports: number; whole: boolean } | { failure: string };

/**
 * Everything the lifecycle writer was told had succeeded, followed line by line, and checked against
 * the files a power cut would leave. While a step is under way the vault may be as before it or as
 * the step makes it (a passphrase change, a restore, the creation), never anything else.
 */
export class LifecyclePromises {
  private vault: VaultPromise | null = null;
  private backupFolder = false;
  private autoBackup = false;
  private readonly backups: BackupPromise[] = [];
  private readonly exports: { json: string; jsonSha: string; csvSha: string }[] = [];
  private kept: VaultPromise | null = null;
  private inFlight: Step | null = null;
  private lastAcknowledged: Step | null = null;
  private readonly keys = new Map<string, Buffer | null>();
  private readonly paths: ReturnType<typeof lifecyclePaths>;

  constructor(root: string) {
    this.paths = lifecyclePaths(root);
  }

  /** The step under way, or the last one acknowledged, for failure messages. */
  get moment(): string {
    return this.inFlight ? `during ${JSON.stringify(this.inFlight)}` : `after ${JSON.stringify(this.lastAcknowledged)}`;
  }

  hear(line: string): 'ack' | null {
    const said = /^(begin|ack) (.*)$/.exec(line);
    if (!said) return null;
    const step = JSON.parse(said[2]!) as Step;
    if (said[1] === 'begin') {
      this.inFlight = step;
      return null;
    }
    this.acknowledge(step);
    this.inFlight = null;
    this.lastAcknowledged = step;
    return 'ack';
  }

  private acknowledge(step: Step): void {
    const vault = this.vault!;
    switch (step.step) {
      case 'create':
        this.vault = { passphrase: PASSPHRASES.first, labels: [], gone: [], savedExports: 0 };
        break;
      case 'backupFolder':
        this.backupFolder = true;
        break;
      case 'autoBackup':
        this.autoBackup = true;
        break;
      case 'case':
        vault.labels.push(step.label);
        break;
      case 'export':
        this.exports.push({ json: step.json!, jsonSha: step.jsonSha!, csvSha: step.csvSha! });
        vault.savedExports++;
        break;
      case 'passphrase':
        vault.passphrase = step.next;
        break;
      case 'backup':
      case 'lockBackup':
        if (!step.name) throw new Error(`${step.step} acknowledged without a backup to show for it`);
        this.backups.push({ ...vault, labels: [...vault.labels], gone: [], name: step.name });
        break;
      case 'restore':
        this.kept = { ...vault, labels: [...vault.labels] };
        // No export number the replaced vault spent is spent again.
        this.vault = { ...this.restored(step.name), savedExports: vault.savedExports };
        break;
    }
  }

  /** The vault a restore of this backup puts in place: the backup's cases, none written after it. */
  private restored(name: string): VaultPromise {
    const backup = this.backups.find((made) => made.name === name)!;
    return { ...backup, labels: [...backup.labels], gone: this.vault!.labels.filter((label) => !backup.labels.includes(label)) };
  }

  /** The vaults acceptable now: the one promised, or the one the step under way makes; null is no vault at all. */
  private acceptableVaults(): (VaultPromise | null)[] {
    const step = this.inFlight;
    if (step?.step === 'create') return [null, { passphrase: PASSPHRASES.first, labels: [], gone: [], savedExports: 0 }];
    if (step?.step === 'passphrase') return [this.vault, { ...this.vault!, passphrase: step.next }];
    if (step?.step === 'restore') return [this.vault, this.restored(step.name)];
    return [this.vault];
  }

  /** Checks the rebuilt files against every promise made so far; returns what failed. */
  async check(): Promise<string[]> {
    const failures: string[] = [];
    const core = createCore({ dataDirectory: this.paths.data, log: createLogger(() => undefined), kdfCost: CHEAP_KDF });
    try {
      failures.push(...(await this.checkVault(core)));
      const settings = core.settings.get();
      if (this.backupFolder && settings.backupFolder !== this.paths.backups) failures.push(`the backup folder setting is ${settings.backupFolder}`);
      if (this.autoBackup && !settings.autoBackupOnLock) failures.push('the backup at lock is off again');
      const status = await core.router.handle('backup.status', {});
      const lastVerifiedAt = status.ok ? (status.value as { lastVerifiedAt: string | null }).lastVerifiedAt : null;
      failures.push(...(await this.checkBackups(lastVerifiedAt)), ...(await this.checkKept()), ...this.checkExports());
    } finally {
      core.vault.lock();
    }
    return failures;
  }

  private async checkVault(core: ReturnType<typeof createCore>): Promise<string[]> {
    const acceptable = this.acceptableVaults();
    const status = await core.router.handle('vault.status', {});
    if (status.ok && !(status.value as { exists: boolean }).exists) return acceptable.includes(null) ? [] : ['the vault is gone'];
    const promised = acceptable.filter((vault): vault is VaultPromise => vault !== null);
    const tried: string[] = [];
    for (const passphrase of new Set(promised.map((vault) => vault.passphrase))) {
      const unlocked = await core.router.handle('vault.unlock', { passphrase });
      if (!unlocked.ok) {
        tried.push(unlocked.error.code);
        continue;
      }
      const db = core.vault.database();
      const labels = db.prepare('SELECT label FROM cases').pluck().all() as string[];
      const whole = db.pragma('integrity_check', { simple: true }) === 'ok';
      const savedExports = new VaultRecords(core.vault).beside()?.savedExports ?? 0;
      const found = { passphrase, labels, savedExports, whole };
      if (promised.some((vault) => matches(found, vault))) return [];
      return [`the vault is not as promised: ${JSON.stringify(found)}, promised one of ${JSON.stringify(promised)}`];
    }
    return [`the vault does not open as promised (${tried.join(', ')})`];
  }

  /**
   * Every folder under a backup's final name opens and verifies; each acknowledged backup is there,
   * counted by the app, holds what the vault held, and carries the record beside it.
   */
  private async checkBackups(lastVerifiedAt: string | null): Promise<string[]> {
    if (!existsSync(this.paths.backups)) return this.backups.length > 0 ? ['the backup folder is gone'] : [];
    const failures: string[] = [];
    const named = readdirSync(this.paths.backups).filter((name) => name.startsWith('confidant-backup-') && !name.includes('-replaced'));
    for (const name of named) {
      const opened = await this.open(join(this.paths.backups, name), Object.values(PASSPHRASES));
      if ('failure' in opened || !opened.whole) failures.push(`${name} is named a backup but ${'failure' in opened ? opened.failure : 'does not verify'}`);
    }
    for (const backup of this.backups) {
      if (!named.includes(backup.name)) {
        failures.push(`the backup ${backup.name} reported made is gone`);
        continue;
      }
      const opened = await this.open(join(this.paths.backups, backup.name), [backup.passphrase]);
      if ('failure' in opened || !matches(opened, backup)) failures.push(`the backup ${backup.name} is not what was backed up: ${JSON.stringify(opened)}`);
      if (!lastVerifiedAt || new Date(lastVerifiedAt) < madeAtOf(backup.name)!) failures.push(`the app does not count ${backup.name} (last verified: ${lastVerifiedAt})`);
    }
    return failures;
  }

  /** After a restore the replaced vault is kept: in the backup folder, or beside the vault. */
  private async checkKept(): Promise<string[]> {
    if (!this.kept) return [];
    const places = [
      ...(existsSync(this.paths.backups) ? readdirSync(this.paths.backups).filter((name) => name.includes('-replaced')).map((name) => join(this.paths.backups, name)) : []),
      ...(existsSync(this.paths.data) ? readdirSync(this.paths.data).filter((name) => name.startsWith('vault.replaced-')).map((name) => join(this.paths.data, name)) : []),
    ];
    for (const place of places) {
      const opened = await this.open(place, [this.kept.passphrase]);
      if (!('failure' in opened) && matches(opened, this.kept)) return [];
    }
    return [`the vault a restore replaced is gone (looked in ${places.length} places)`];
  }

  private checkExports(): string[] {
    const sha = (path: string) => (existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'missing');
    return this.exports.flatMap((saved) => {
      const found = { json: sha(saved.json), csv: sha(saved.json.replace(/\.json$/, '.csv')) };
      return found.json === saved.jsonSha && found.csv === saved.csvSha ? [] : [`the export ${saved.json} reported saved is ${JSON.stringify(found)}`];
    });
  }

  /** Opens a folder of vault files with the first passphrase its header takes, checks every page, and reads its cases and record. */
  private async open(folder: string, passphrases: string[]): Promise<Opened> {
    const headerPath = join(folder, 'vault.header.json');
    let header;
    try {
      header = readHeader(headerPath);
    } catch {
      return { failure: 'has no readable header' };
    }
    for (const passphrase of passphrases) {
      const key = await this.keyFor(headerPath, passphrase);
      if (!key) continue;
      try {
        const db = openEncryptedDatabase(join(folder, 'vault.db'), key, { addon: nodeAddonPath(), create: false });
        try {
          const whole = db.pragma('integrity_check', { simple: true }) === 'ok' && db.prepare("SELECT value FROM meta WHERE key = 'vault_id'").pluck().get() === header.vaultId;
          const labels = db.prepare('SELECT label FROM cases').pluck().all() as string[];
          const record = readRecordFile(join(folder, 'vault.destructions.json'), key) as { savedExports?: number } | null;
          return { passphrase, labels, savedExports: record?.savedExports ?? 0, whole };
        } finally {
          db.close();
        }
      } catch (error) {
        return { failure: `does not open (${String(error)})` };
      }
    }
    return { failure: 'opens with none of the passphrases' };
  }

  /** The data key a header wraps under a passphrase, derived once per header content. */
  private async keyFor(headerPath: string, passphrase: string): Promise<Buffer | null> {
    const id = `${createHash('sha256').update(readFileSync(headerPath)).digest('hex')}:${passphrase}`;
    if (!this.keys.has(id)) this.keys.set(id, await dataKeyOf(headerPath, passphrase).catch(() => null));
    return this.keys.get(id)!;
  }
}

function matches(found: { passphrase: string; labels: string[]; savedExports: number; whole: boolean }, promised: VaultPromise): boolean {
  return (
    found.whole &&
    found.passphrase === promised.passphrase &&
    promised.labels.every((label) => found.labels.includes(label)) &&
    !promised.gone.some((label) => found.labels.includes(label)) &&
    found.savedExports >= promised.savedExports
  );
}
