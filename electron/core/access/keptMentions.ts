import type { CaseRecord, Conversation } from '../../../shared/contract';
import type { KeptMention } from '../../../shared/schemas/access';
import type { FollowUp } from '../../../shared/schemas/followUps';
import { names } from './reporterEntries';

type Place = Omit<KeptMention, 'text'>;

const entryOf = (entry: Conversation) => ({ id: entry.id, kind: entry.kind, heldAt: entry.heldAt });

/**
 * Every line of the texts an erasure keeps that still names the reporter, with where it is: the
 * erasure takes their name out of who took part and nowhere else, since cutting a name out of a
 * sentence can change what the sentence says. Who took part is not listed: the erasure empties it
 * of their name. Another reporter's own name is theirs, not a mention.
 */
export function keptMentionsOf(record: CaseRecord, position: number, destroyed: readonly Conversation[], followUps: readonly FollowUp[]): KeptMention[] {
  const name = record.reporters[position]!.name;
  const mentions: KeptMention[] = [];
  const look = (place: Place, text: string) => {
    for (const line of text.split(/\r?\n/)) if (names(line, name)) mentions.push({ ...place, text: line.trim() });
  };
  const caseText = (field: KeptMention['field'], date: string | null = null): Place => ({ field, entry: null, date });

  look(caseText('caseLabel'), record.label);
  look(caseText('otherParty'), record.otherParty.description);
  record.reporters.forEach((reporter, index) => {
    if (index !== position) look(caseText('reporterUnit'), reporter.unit);
  });
  const gone = new Set(destroyed.map((entry) => entry.id));
  const kept = record.conversations.filter((entry) => !gone.has(entry.id));
  for (const entry of kept) look({ field: 'entryNotes', entry: entryOf(entry), date: null }, entry.notes);
  for (const consent of record.consents) look(caseText('consentWithWhom', consent.givenOn), consent.withWhom);
  const mediation = record.mediation;
  if (mediation) {
    for (const party of mediation.parties) look(caseText('mediationParty'), party.description);
    look(caseText('mediationHearing', mediation.hearingHeldOn), mediation.hearingNotes);
    for (const agreement of mediation.agreements) look(caseText('mediationAgreement', agreement.agreedOn), agreement.text);
  }
  const keptById = new Map(kept.map((entry) => [entry.id, entry]));
  for (const step of followUps) {
    if (step.conversationId !== null && !keptById.has(step.conversationId)) continue;
    const on = step.conversationId === null ? null : keptById.get(step.conversationId)!;
    look({ field: 'followUp', entry: on ? entryOf(on) : null, date: step.dueDate }, step.text);
  }
  return mentions;
}
