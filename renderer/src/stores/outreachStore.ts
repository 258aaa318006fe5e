import type { Activity, ActivityInput, BoardAdvice, BoardAdviceInput, Signal, SignalInput } from '../../../shared/contract';
import { invoke } from '../api/client';
import { createResettableStore } from './resettable';

interface OutreachState {
  signals: Signal[];
  activities: Activity[];
  boardAdvices: BoardAdvice[];
  load(): Promise<void>;
  addSignal(input: SignalInput): Promise<void>;
  updateSignal(id: number, input: SignalInput): Promise<void>;
  removeSignal(id: number): Promise<void>;
  addActivity(input: ActivityInput): Promise<void>;
  updateActivity(id: number, input: ActivityInput): Promise<void>;
  removeActivity(id: number): Promise<void>;
  addBoardAdvice(input: BoardAdviceInput): Promise<void>;
  updateBoardAdvice(id: number, input: BoardAdviceInput): Promise<void>;
  removeBoardAdvice(id: number): Promise<void>;
}

export const useOutreachStore = createResettableStore<OutreachState>((set, get) => ({
  signals: [],
  activities: [],
  boardAdvices: [],
  async load() {
    const [signals, activities, boardAdvices] = await Promise.all([invoke('signals.list', {}), invoke('activities.list', {}), invoke('boardAdvices.list', {})]);
    set({ signals, activities, boardAdvices });
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
  async addBoardAdvice(input) {
    await invoke('boardAdvices.create', input);
    await get().load();
  },
  async updateBoardAdvice(id, advice) {
    await invoke('boardAdvices.update', { id, advice });
    await get().load();
  },
  async removeBoardAdvice(id) {
    await invoke('boardAdvices.delete', { id });
    await get().load();
  },
}));
