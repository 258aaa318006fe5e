import type { Profile, ProfileUpdate } from '../../../shared/contract';
import { invoke } from '../api/client';
import { createResettableStore } from './resettable';

interface ProfileState {
  profile: Profile | null;
  load(): Promise<void>;
  update(profile: ProfileUpdate): Promise<void>;
}

export const useProfileStore = createResettableStore<ProfileState>((set) => ({
  profile: null,
  async load() {
    set({ profile: await invoke('profile.get', {}) });
  },
  async update(profile) {
    set({ profile: await invoke('profile.update', profile) });
  },
}));
