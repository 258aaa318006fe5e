import type { CaseInput, CaseRecord } from '../../../../shared/contract';

/** What the adviser can change of a stored case: its fields without id, number, times and children. */
export function editableCase(record: CaseRecord): CaseInput {
  const { id: _id, number: _number, createdAt: _createdAt, updatedAt: _updatedAt, conversations: _conversations, mediation: _mediation, needsAttention: _needsAttention, ...input } = record;
  return input;
}
