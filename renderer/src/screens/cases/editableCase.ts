import type { CaseRecord } from '../../../../shared/contract';
import type { CaseDraft } from './caseForm/caseDraft';

/** What the adviser can change of a stored case: its fields without id, number, times, marks and children. */
export function editableCase(record: CaseRecord): CaseDraft {
  const {
    id: _id,
    number: _number,
    createdAt: _createdAt,
    updatedAt: _updatedAt,
    conversations: _conversations,
    mediation: _mediation,
    needsAttention: _needsAttention,
    statisticsCompletion: _statisticsCompletion,
    ...input
  } = record;
  return input;
}
