import type { Handlers } from '../ipc/router';
import { getProfile, setProfile } from '../vault/profile';
import type { CoreContext } from './context';

type SettingsChannel = 'settings.get' | 'settings.update' | 'profile.get' | 'profile.update';

/** The app's settings beside the vault, and the adviser's function inside it. */
export function settingsHandlers({ settings, db }: CoreContext) {
  return {
    'settings.get': () => settings.get(),
    'settings.update': (changes) => settings.update(changes),
    'profile.get': () => getProfile(db()),
    'profile.update': (profile) => setProfile(db(), profile),
  } satisfies Pick<Handlers, SettingsChannel>;
}
