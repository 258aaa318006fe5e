import { z } from 'zod';
import { MAX_LIST_ITEMS } from '../limits';
import { MEDIATION_OUTCOMES, MEDIATION_PARTY_ROLES } from '../taxonomy';
import { LocalDate, Note, ShortText } from './primitives';

export const MediationParty = z.object({ role: z.enum(MEDIATION_PARTY_ROLES), description: ShortText }).strict();
export const MediationAgreement = z.object({ agreedOn: LocalDate, text: Note.refine((text) => text.trim().length > 0, 'required') }).strict();

/**
 * The ombudsperson's mediation. The other party is heard (wederhoor) only with that party's
 * consent, so a hearing without recorded consent, or before it, is refused. Its sessions are
 * entries of the case (a conversation of kind `mediation_session`), written where conversations are.
 */
export const Mediation = z
  .object({
    parties: z.array(MediationParty).max(MAX_LIST_ITEMS),
    otherPartyConsent: z.boolean(),
    otherPartyConsentOn: LocalDate.nullable(),
    hearingHeldOn: LocalDate.nullable(),
    hearingNotes: Note,
    agreements: z.array(MediationAgreement).max(MAX_LIST_ITEMS),
    outcome: z.enum(MEDIATION_OUTCOMES).nullable(),
  })
  .strict()
  .superRefine((mediation, context) => {
    const issue = (path: string[], message: string) => context.addIssue({ code: 'custom', path, message });
    if (mediation.otherPartyConsent !== (mediation.otherPartyConsentOn !== null)) issue(['otherPartyConsentOn'], 'consentNeedsDate');
    if (mediation.hearingHeldOn !== null) {
      if (!mediation.otherPartyConsent) issue(['hearingHeldOn'], 'hearingNeedsConsent');
      else if (mediation.otherPartyConsentOn !== null && mediation.hearingHeldOn < mediation.otherPartyConsentOn) {
        issue(['hearingHeldOn'], 'hearingBeforeConsent');
      }
    }
  });
export type Mediation = z.infer<typeof Mediation>;
