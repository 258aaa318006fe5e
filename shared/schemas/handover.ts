import { z } from 'zod';
import { VAULT_FUNCTIONS } from '../taxonomy';
import { CaseRecord } from './cases';
import { FOLLOW_UP_KINDS, FOLLOW_UP_TEXT_MAX, LocalTime } from './followUps';
import { Id, LocalDate } from './primitives';
import { AgeRecipient } from './team';

/**
 * Handing open cases to a successor. The successor's vault makes a receiving key (an age X25519
 * identity kept in that vault) and hands out its public half in a key file; the leaving adviser
 * adds it only after both read its code to each other by phone. The package is sealed to that key
 * alone (never to the team) and signed with the leaving vault's key; the successor's confirmation
 * is signed with the successor vault's key, which the key file carried.
 */
const Uuid = z.string().uuid();
const Base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/).max(4096);
const VaultFunction = z.enum(VAULT_FUNCTIONS);

/** A key file, a confirmation: public keys and ids, a few hundred bytes. */
export const HANDOVER_NOTE_FILE_MAX = 100_000;
/** A sealed package holds whole cases with every note: far larger than an export. */
export const HANDOVER_PACKAGE_MAX = 64_000_000;

export const HandoverKeyFile = z
  .object({
    format: z.literal('confidant-handover-key'),
    version: z.literal(1),
    keyId: Uuid,
    recipient: AgeRecipient,
    adviserId: Uuid,
    function: VaultFunction,
    /** The successor vault's Ed25519 key (SPKI DER): what its confirmation is checked with. */
    signingKey: Base64,
    createdOn: LocalDate,
    /** Over everything above, with that key: proof that the file comes from the vault holding it. */
    signature: Base64,
  })
  .strict();
export type HandoverKeyFile = z.infer<typeof HandoverKeyFile>;

/** A follow-up of a handed case as the leaving vault kept it; its conversation named by its place in the case's list. */
export const HandedFollowUp = z
  .object({
    conversationIndex: z.number().int().min(0).max(1_000_000).nullable(),
    kind: z.enum(FOLLOW_UP_KINDS),
    text: z.string().max(FOLLOW_UP_TEXT_MAX),
    dueDate: LocalDate,
    dueTime: LocalTime.nullable(),
    doneOn: LocalDate.nullable(),
    createdAt: z.string().max(40),
  })
  .strict();
export type HandedFollowUp = z.infer<typeof HandedFollowUp>;

/** A reporter's access request; its deadline named by its place in the case's follow-ups, and when dossiers answered it. */
export const HandedAccessRequest = z
  .object({
    requestedOn: LocalDate,
    followUpIndex: z.number().int().min(0).max(10_000).nullable(),
    createdAt: z.string().max(40),
    dossiersGivenAt: z.array(z.string().max(40)).max(1000),
  })
  .strict();
export type HandedAccessRequest = z.infer<typeof HandedAccessRequest>;

export const HandedCase = z
  .object({
    /** The number the case had in the leaving vault, kept as its reference. */
    previousNumber: z.string().max(20),
    handoverConsentOn: LocalDate,
    record: CaseRecord,
    followUps: z.array(HandedFollowUp).max(10_000),
    /** Handled under the whistleblower procedure: the day its report was received; its deadlines are among the follow-ups. */
    procedureReceivedOn: LocalDate.nullable(),
    accessRequests: z.array(HandedAccessRequest).max(1000),
  })
  .strict();
export type HandedCase = z.infer<typeof HandedCase>;

export const HandoverPackage = z
  .object({
    format: z.literal('confidant-handover-package'),
    version: z.literal(1),
    packageId: Uuid,
    /** The successor's receiving key it is sealed to. */
    keyId: Uuid,
    from: z.object({ adviserId: Uuid, function: VaultFunction, external: z.boolean() }).strict(),
    handedOn: LocalDate,
    /** The end of the leaving adviser's export saved before the handover: what it counted is theirs. */
    countedThrough: LocalDate,
    cases: z.array(HandedCase).min(1).max(10_000),
  })
  .strict();
export type HandoverPackage = z.infer<typeof HandoverPackage>;

/** Inside the age seal: the package's bytes, the leaving vault's public key and its signature over them. */
export const SignedHandover = z
  .object({
    format: z.literal('confidant-signed-handover'),
    version: z.literal(1),
    keyId: Uuid,
    payload: z.string().max(HANDOVER_PACKAGE_MAX),
    signingKey: Base64,
    signature: Base64,
  })
  .strict();
export type SignedHandover = z.infer<typeof SignedHandover>;

export const HandoverConfirmation = z
  .object({
    format: z.literal('confidant-handover-confirmation'),
    version: z.literal(1),
    packageId: Uuid,
    keyId: Uuid,
    receivedOn: LocalDate,
    cases: z.number().int().min(1).max(10_000),
    signature: Base64,
  })
  .strict();
export type HandoverConfirmation = z.infer<typeof HandoverConfirmation>;

/** What the leaving adviser compares by phone before adding a successor's key. */
export const HandoverKeySummary = z.object({ keyId: Uuid, fingerprint: z.string(), function: VaultFunction, createdOn: LocalDate }).strict();
export type HandoverKeySummary = z.infer<typeof HandoverKeySummary>;

/** What the successor compares by phone before receiving: the code of the key that signed the package. */
export const HandoverPackageSummary = z
  .object({ packageId: Uuid, signerFingerprint: z.string(), fromFunction: VaultFunction, handedOn: LocalDate, cases: z.number().int().min(1) })
  .strict();
export type HandoverPackageSummary = z.infer<typeof HandoverPackageSummary>;

export const HandoverStatus = z
  .object({
    /** This vault's signing-key code: the leaving adviser reads it out for the successor to compare. */
    ownKeyFingerprint: z.string(),
    receivingKeys: z.array(z.object({ keyId: Uuid, fingerprint: z.string(), createdOn: LocalDate }).strict()),
    successors: z.array(z.object({ keyId: Uuid, fingerprint: z.string(), function: VaultFunction, addedOn: LocalDate }).strict()),
    /** Open cases that may be handed over, with the day the reporter consented (null: not recorded). */
    openCases: z.array(z.object({ id: Id, number: z.string(), label: z.string(), consentOn: LocalDate.nullable(), pending: z.boolean() }).strict()),
    /** The months the leaving export must cover before a package can leave, and whether it was saved. */
    leavingExport: z.object({ from: LocalDate, to: LocalDate, saved: z.boolean() }).strict(),
    sent: z.array(z.object({ packageId: Uuid, handedOn: LocalDate, cases: z.number().int().min(0), confirmedOn: LocalDate.nullable() }).strict()),
    received: z.array(
      z.object({ packageId: Uuid, receivedOn: LocalDate, cases: z.array(z.object({ id: Id, number: z.string(), previousNumber: z.string() }).strict()) }).strict(),
    ),
  })
  .strict();
export type HandoverStatus = z.infer<typeof HandoverStatus>;

export const HandoverReceived = z
  .object({ packageId: Uuid, cases: z.array(z.object({ id: Id, number: z.string(), previousNumber: z.string() }).strict()) })
  .strict();
export type HandoverReceived = z.infer<typeof HandoverReceived>;

export const HandoverSendRequest = z.object({ keyId: Uuid, caseIds: z.array(Id).min(1).max(10_000) }).strict();
export type HandoverSendRequest = z.infer<typeof HandoverSendRequest>;

export const HandoverConsentRequest = z.object({ caseId: Id, givenOn: LocalDate.nullable() }).strict();
export const HandoverKeyRequest = z.object({ keyId: Uuid }).strict();
export const HandoverNoteFileRequest = z.object({ content: z.string().max(HANDOVER_NOTE_FILE_MAX) }).strict();
/** `fingerprint` is the code the leaving adviser compared with the successor: it must be this key file's. */
export const AddSuccessorRequest = z.object({ content: z.string().max(HANDOVER_NOTE_FILE_MAX), fingerprint: z.string().max(40) }).strict();
export const HandoverPackageRequest = z.object({ content: z.string().max(HANDOVER_PACKAGE_MAX) }).strict();
/** `signerFingerprint` is the code the successor compared with the leaving adviser's: it must be the signer's. */
export const ReceiveHandoverRequest = z.object({ content: z.string().max(HANDOVER_PACKAGE_MAX), signerFingerprint: z.string().max(40) }).strict();
export const HandoverConfirmationRequest = z.object({ packageId: Uuid }).strict();
export const HandoverExportSaveRequest = z.object({ exportId: Uuid, unsealed: z.boolean().default(false) }).strict();
export const HandoverConfirmed = z.object({ destroyed: z.number().int().min(0) }).strict();
