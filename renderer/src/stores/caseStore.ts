import type { CaseInput, CaseRecord, ComparableCase, ConversationInput, IncompleteCaseInput, Mediation, OpenStepsChoice } from '../../../shared/contract';
import { invoke } from '../api/client';
import { createResettableStore } from './resettable';

interface CaseState {
  record: CaseRecord | null;
  comparable: ComparableCase[];
  load(id: number): Promise<void>;
  create(input: CaseInput): Promise<number>;
  /** `openFollowUps`: on a save that closes the case, whether its own open steps are done today, in the same request. */
  update(id: number, input: CaseInput, openFollowUps?: OpenStepsChoice): Promise<void>;
  createIncomplete(input: IncompleteCaseInput): Promise<number>;
  updateIncomplete(id: number, input: IncompleteCaseInput): Promise<void>;
  /** An incomplete case left out of the statistics on purpose, or taken back. */
  leaveOutOfStatistics(id: number, leaveOut: boolean): Promise<void>;
  remove(id: number): Promise<void>;
  addConversation(caseId: number, conversation: ConversationInput): Promise<void>;
  updateConversation(caseId: number, id: number, conversation: ConversationInput): Promise<void>;
  removeConversation(caseId: number, id: number): Promise<void>;
  saveMediation(caseId: number, mediation: Mediation): Promise<void>;
  removeMediation(caseId: number): Promise<void>;
}

/** The case on screen. Every change goes to the core first, then the record is read back from it. */
export const useCaseStore = createResettableStore<CaseState>((set, get) => ({
  record: null,
  comparable: [],
  async load(id) {
    const [record, comparable] = await Promise.all([invoke('cases.get', { id }), invoke('cases.comparable', { id })]);
    set({ record, comparable });
  },
  async create(input) {
    const { id } = await invoke('cases.create', input);
    return id;
  },
  async update(id, input, openFollowUps) {
    await invoke('cases.update', { id, record: input, ...(openFollowUps && { openFollowUps }) });
  },
  async createIncomplete(input) {
    const { id } = await invoke('cases.createIncomplete', input);
    return id;
  },
  async updateIncomplete(id, input) {
    await invoke('cases.updateIncomplete', { id, record: input });
  },
  async leaveOutOfStatistics(id, leaveOut) {
    await invoke('cases.leaveOutOfStatistics', { id, leaveOut });
    await get().load(id);
  },
  async remove(id) {
    await invoke('cases.delete', { id });
    set({ record: null, comparable: [] });
  },
  async addConversation(caseId, conversation) {
    await invoke('conversations.add', { caseId, conversation });
    await get().load(caseId);
  },
  async updateConversation(caseId, id, conversation) {
    await invoke('conversations.update', { id, conversation });
    await get().load(caseId);
  },
  async removeConversation(caseId, id) {
    await invoke('conversations.delete', { id });
    await get().load(caseId);
  },
  async saveMediation(caseId, mediation) {
    await invoke('mediation.save', { caseId, mediation });
    await get().load(caseId);
  },
  async removeMediation(caseId) {
    await invoke('mediation.delete', { caseId });
    await get().load(caseId);
  },
}));
