import type { Activity, ActivityInput, Signal, SignalInput } from '../../../shared/contract';
import { invoke } from '../api/client';
import { createResettableStore } from './resettable';

interface OutreachState {
  signals: Signal[];
  activities: Activity[];
  load(): Promise<void>;
  addSignal(input: SignalInput): Promise<void>;
  updateSignal(id: number, input: SignalInput): Promise<void>;
  removeSignal(id: number): Promise<void>;
  addActivity(input: ActivityInput): Promise<void>;
  updateActivity(id: number, input: ActivityInput): Promise<void>;
  removeActivity(id: number): Promise<void>;
}

export const useOutreachStore = createResettableStore<OutreachState>((set, get) => ({
  signals: [],
  activities: [],
  async load() {
    const [signals, activities] = await Promise.all([invoke('signals.list', {}), invoke('activities.list', {})]);
    set({ signals, activities });
  },
  async addSignal(input) {
    await invoke('signals.create', input);
    await get().load();
  },
  async updateSignal(id, signal) {
    await invoke('signals.update', { id, signal });
    await get().load();
  },
  async removeSignal(id) {
    await invoke('signals.delete', { id });
    await get().load();
  },
  async addActivity(input) {
    await invoke('activities.create', input);
    await get().load();
  },
  async updateActivity(id, activity) {
    await invoke('activities.update', { id, activity });
    await get().load();
  },
  async removeActivity(id) {
    await invoke('activities.delete', { id });
    await get().load();
  },
}));
