import { describe, expect, it } from 'vitest';
import type { CaseRecord, Conversation } from '../../../shared/contract';
import type { FollowUp } from '../../../shared/schemas/followUps';
import { keptMentionsOf } from './keptMentions';

const entry = (id: number, participants: string, notes: string) => ({ id, kind: 'mediation_session', heldAt: '2026-03-04T10:00', participants, notes }) as Conversation;

/** A joint case of Jan and Janneke, with a mediation: every free text of the case that is kept. */
const record = {
  label: 'Afdeling X',
  otherParty: { description: 'chef' },
  reporters: [{ name: 'Jan', unit: '' }, { name: 'Janneke', unit: 'team van JAN' }],
  conversations: [entry(1, 'Jan', 'Jan alleen.'), entry(2, 'Jan, Janneke', 'Janneke sprak.\nJan zweeg.')],
  consents: [],
  mediation: {
    parties: [{ role: 'reporter', description: 'Jan' }, { role: 'other_party', description: 'Janneke' }],
    hearingNotes: 'Wederhoor zonder namen.\nDe chef over jan:',
    hearingHeldOn: '2026-03-10',
    agreements: [{ agreedOn: '2026-03-12', text: 'Jan en de chef spreken elkaar.' }],
  },
} as unknown as CaseRecord;

describe('the kept lines that still name an erased reporter', () => {
  it('are every kept line naming them as whole words, never their own destroyed entry, another name that begins the same or a step on a destroyed entry', () => {
    const steps = [
      { conversationId: 1, dueDate: '2026-03-20', text: 'Jan bellen' },
      { conversationId: 2, dueDate: '2026-03-21', text: 'Jan mailen' },
    ] as FollowUp[];
    expect(keptMentionsOf(record, 0, [record.conversations[0]!], steps)).toEqual([
      { field: 'reporterUnit', entry: null, date: null, text: 'team van JAN' },
      { field: 'entryNotes', entry: { id: 2, kind: 'mediation_session', heldAt: '2026-03-04T10:00' }, date: null, text: 'Jan zweeg.' },
      { field: 'mediationParty', entry: null, date: null, text: 'Jan' },
      { field: 'mediationHearing', entry: null, date: '2026-03-10', text: 'De chef over jan:' },
      { field: 'mediationAgreement', entry: null, date: '2026-03-12', text: 'Jan en de chef spreken elkaar.' },
      { field: 'followUp', entry: { id: 2, kind: 'mediation_session', heldAt: '2026-03-04T10:00' }, date: '2026-03-21', text: 'Jan mailen' },
    ]);
  });
});
