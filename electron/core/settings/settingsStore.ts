import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEFAULT_SETTINGS, Settings, type SettingsUpdate } from '../../../shared/contract';
import { makeDirectory, writeFileAtomic } from '../storage/atomicWrite';

/**
 * Preferences needed before unlock (language, lock timing), so they live outside the vault.
 * They describe the app, never a case: nothing confidential may be added here.
 */
export class SettingsStore {
  private current: Settings;
  private readonly listeners = new Set<(settings: Settings) => void>();

  constructor(private readonly path: string) {
    this.current = this.load();
  }

  get(): Settings {
    return { ...this.current };
  }

  update(changes: Partial<SettingsUpdate>): Settings {
    return this.write(Settings.parse({ ...this.current, ...changes }));
  }

  /** Only from the shell's folder dialog: the renderer never names a path. */
  setBackupFolder(folder: string): Settings {
    return this.write(Settings.parse({ ...this.current, backupFolder: folder }));
  }

  private write(next: Settings): Settings {
    makeDirectory(dirname(this.path));
    writeFileAtomic(this.path, `${JSON.stringify(next, null, 2)}\n`);
    this.current = next;
    for (const listener of this.listeners) listener(this.get());
    return this.get();
  }

  onChange(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A missing or damaged file falls back to safe defaults rather than blocking the adviser. */
  private load(): Settings {
    if (!existsSync(this.path)) return { ...DEFAULT_SETTINGS };
    try {
      const parsed = Settings.partial().safeParse(JSON.parse(readFileSync(this.path, 'utf8')));
      return parsed.success ? { ...DEFAULT_SETTINGS, ...parsed.data } : { ...DEFAULT_SETTINGS };
    } catch {
      return { ...DEFAULT_SETTINGS };
    }
  }
}
