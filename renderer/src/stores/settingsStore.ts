import { create } from 'zustand';
import type { Settings, SettingsUpdate } from '../../../shared/contract';
import { invoke } from '../api/client';
import { i18n } from '../i18n/i18n';

interface SettingsState {
  settings: Settings | null;
  load(): Promise<void>;
  update(changes: Partial<SettingsUpdate>): Promise<void>;
  /** Takes settings the core already saved (after a folder dialog, say). */
  replace(settings: Settings): void;
}

/** Preferences, not case data: they survive a lock, like the settings file they mirror. */
export const useSettingsStore = create<SettingsState>()((set) => ({
  settings: null,
  async load() {
    const settings = await invoke('settings.get', {});
    await i18n.changeLanguage(settings.language);
    set({ settings });
  },
  async update(changes) {
    const settings = await invoke('settings.update', changes);
    await i18n.changeLanguage(settings.language);
    set({ settings });
  },
  replace(settings) {
    set({ settings });
  },
}));
