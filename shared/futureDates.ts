import type { CaseInput } from './schemas/cases';
import type { ConversationInput } from './schemas/conversations';
import type { Mediation } from './schemas/mediation';
import type { BoardAdviceInput, SignalInput } from './schemas/outreach';
import { localMinute } from './time';

/**
 * Paths of fields that lie in the future but record something that already happened.
 * The form and the core share this, so the adviser sees the same rule the core enforces.
 * (A destruction date and planned activities may lie ahead, so they are not checked.)
 */
type Path = (string | number)[];

function collect(now: Date, entries: [Path, string | null][]): Path[] {
  const minute = localMinute(now);
  const day = minute.slice(0, 10);
  return entries
    .filter(([, value]) => value !== null && value > (value.length === 10 ? day : minute))
    .map(([path]) => path);
}

export function futureCaseFields(input: Pick<CaseInput, 'firstContactAt' | 'firstResponseAt' | 'closedOn' | 'referrals' | 'consents'>, now: Date): Path[] {
  return collect(now, [
    [['firstContactAt'], input.firstContactAt],
    [['firstResponseAt'], input.firstResponseAt],
    [['closedOn'], input.closedOn],
    ...input.referrals.map((referral, index): [Path, string] => [['referrals', index, 'referredOn'], referral.referredOn]),
    ...input.consents.flatMap((consent, index): [Path, string | null][] => [
      [['consents', index, 'givenOn'], consent.givenOn],
      [['consents', index, 'withdrawnOn'], consent.withdrawnOn],
    ]),
  ]);
}

export function futureConversationFields(input: ConversationInput, now: Date): Path[] {
  return collect(now, [[['heldAt'], input.heldAt]]);
}

export function futureMediationFields(input: Mediation, now: Date): Path[] {
  return collect(now, [
    [['otherPartyConsentOn'], input.otherPartyConsentOn],
    [['hearingHeldOn'], input.hearingHeldOn],
    ...input.agreements.map((agreement, index): [Path, string] => [['agreements', index, 'agreedOn'], agreement.agreedOn]),
  ]);
}

export function futureSignalFields(input: Pick<SignalInput, 'notedOn'>, now: Date): Path[] {
  return collect(now, [[['notedOn'], input.notedOn]]);
}


export function futureBoardAdviceFields(input: BoardAdviceInput, now: Date): Path[] {
  return collect(now, [[['givenOn'], input.givenOn]]);
}
