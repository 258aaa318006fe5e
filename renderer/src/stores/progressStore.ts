import { create } from 'zustand';
import type { ProgressEvent } from '../../../shared/events';

interface ProgressState {
  /** The long operation under way and its phase; null when none runs. */
  current: ProgressEvent | null;
  report(event: ProgressEvent): void;
}

export const useProgressStore = create<ProgressState>()((set) => ({
  current: null,
  report(event) {
    set({ current: event.done ? null : event });
  },
}));
