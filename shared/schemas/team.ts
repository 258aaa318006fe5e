import { z } from 'zod';
import { VAULT_FUNCTIONS } from '../taxonomy';
import { Count, LocalDate, ShortText } from './primitives';

/** An age X25519 recipient: the public half of a merging member's team identity. */
export const AgeRecipient = z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/, 'invalidRecipient');
const TeamId = z.string().uuid();
const AdviserId = z.string().uuid();
const Base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/).max(4096);

/** The smallest count the team publishes as is; below it, a cell is shown as "<k". */
export const PublicationThreshold = z.number().int().min(2).max(50);

/**
 * What the merging member hands to every adviser: who seals to whom. Public by design (it holds
 * only public keys), but checked by phone: the fingerprint over everything here but the date.
 */
export const TeamInvitation = z
  .object({
    format: z.literal('confidant-team-invitation'),
    version: z.literal(1),
    teamId: TeamId,
    organisation: ShortText.min(1),
    recipients: z.array(AgeRecipient).min(1).max(10),
    units: z.array(ShortText.min(1)).max(500),
    k: PublicationThreshold,
    createdOn: LocalDate,
  })
  .strict();
export type TeamInvitation = z.infer<typeof TeamInvitation>;

/**
 * What an adviser hands back after accepting: their vault's signing key, which the merging
 * member's app then trusts for that adviser's exports. Signed with that key (proof of possession).
 */
export const TeamAcceptance = z
  .object({
    format: z.literal('confidant-team-acceptance'),
    version: z.literal(1),
    teamId: TeamId,
    adviserId: AdviserId,
    function: z.enum(VAULT_FUNCTIONS),
    external: z.boolean(),
    signingKey: Base64,
    signature: Base64,
  })
  .strict();
export type TeamAcceptance = z.infer<typeof TeamAcceptance>;

/** Inside the age seal: the export's own bytes and the adviser's signature over them. */
export const SignedExport = z
  .object({
    format: z.literal('confidant-signed-export'),
    version: z.literal(1),
    teamId: TeamId,
    payload: z.string().max(2_000_000),
    signature: Base64.optional(),
  })
  .strict();
export type SignedExport = z.infer<typeof SignedExport>;

export const TeamSigner = z
  .object({ adviserId: AdviserId, function: z.enum(VAULT_FUNCTIONS), external: z.boolean(), keyFingerprint: z.string(), addedOn: LocalDate })
  .strict();
export type TeamSigner = z.infer<typeof TeamSigner>;

/** What the vault knows about its team: nothing, a membership (an adviser), or the team itself (the merging member). */
export const TeamInfo = z
  .object({
    role: z.enum(['none', 'member', 'merger']),
    organisation: z.string().nullable(),
    fingerprint: z.string().nullable(),
    units: z.array(z.string()),
    k: Count(50).nullable(),
    /** The merging member's list of advisers whose exports it trusts. */
    signers: z.array(TeamSigner),
    /** This vault's own signing-key fingerprint, to read out when handing over the acceptance. */
    ownKeyFingerprint: z.string().nullable(),
  })
  .strict();
export type TeamInfo = z.infer<typeof TeamInfo>;

/** Trimmed here, not only in the form: a unit listed as " Rechten" would never match a case's unit, which is trimmed. */
const TeamName = ShortText.trim().min(1);

export const CreateTeamRequest = z
  .object({ organisation: TeamName, units: z.array(TeamName).max(500), k: PublicationThreshold })
  .strict();

/** What an adviser sees of an invitation before accepting it. */
export const InvitationSummary = z.object({ organisation: z.string(), fingerprint: z.string(), units: z.array(z.string()), k: z.number(), merging: z.number() }).strict();
export type InvitationSummary = z.infer<typeof InvitationSummary>;

/**
 * What the merging member sees of an acceptance before adding it: the key code to compare by
 * phone, and whether the adviser is new, known with this key, or known with another key.
 */
export const AcceptanceSummary = z
  .object({
    function: z.enum(VAULT_FUNCTIONS),
    external: z.boolean(),
    keyFingerprint: z.string(),
    known: z.enum(['new', 'same', 'changed']),
    /** The key code the team trusts for this adviser now, when the file carries another. */
    previousKeyFingerprint: z.string().nullable(),
  })
  .strict();
export type AcceptanceSummary = z.infer<typeof AcceptanceSummary>;
