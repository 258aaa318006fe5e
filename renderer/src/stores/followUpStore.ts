import type { FollowUp } from '../../../shared/contract';
import { invoke } from '../api/client';
import { createResettableStore } from './resettable';

interface FollowUpState {
  /** The case whose follow-ups are held, the core's date, and the follow-ups as the core last answered. */
  caseId: number | null;
  today: string;
  ofCase: FollowUp[];
  /** A case just closed through its form: its page asks what becomes of its open steps. */
  closedWithoutAnswer: number | null;
  load(caseId: number): Promise<void>;
}

/** The case page's follow-ups: its panel and its conversations' forms read and change the same list. */
export const useFollowUpStore = createResettableStore<FollowUpState>((set) => ({
  caseId: null,
  today: '',
  ofCase: [],
  closedWithoutAnswer: null,
  async load(caseId) {
    const { today, followUps } = await invoke('followUps.ofCase', { caseId });
    set({ caseId, today, ofCase: followUps });
  },
}));
