import { z } from 'zod';
import { MAX_REPORTERS, SHORT_TEXT_MAX } from '../limits';
import { CONVERSATION_KINDS } from '../taxonomy';
import { Id, Language, LocalDate, LocalDateTime, uniqueList } from './primitives';

/**
 * A reporter's access request (GDPR art. 15) and its erasure request, one reporter of a case at a
 * time. A reporter is named by their place in the case's list as the case page shows it: the vault
 * keeps no identity of a reporter apart from the case record.
 */
export const ReporterPosition = z.number().int().min(0).max(MAX_REPORTERS - 1);

export const RecordAccessRequest = z.object({ caseId: Id, requestedOn: LocalDate }).strict();

/** A request with the deadline it set (a follow-up, one month later) and every dossier given for it. */
export const AccessRequest = z
  .object({
    id: Id,
    requestedOn: LocalDate,
    /** The follow-up's due date; null once the follow-up went (it never goes before its case). */
    dueOn: LocalDate.nullable(),
    doneOn: LocalDate.nullable(),
    dossiersGivenAt: z.array(z.string().max(40)).max(1000),
  })
  .strict();
export type AccessRequest = z.infer<typeof AccessRequest>;

export const DossierRequest = z.object({ caseId: Id, reporter: ReporterPosition, language: Language }).strict();
export type DossierRequest = z.infer<typeof DossierRequest>;

/** Names one passage of a dossier by where its text is kept: `conversation.12.notes.3`, `case.otherParty`. */
export const PassageId = z
  .string()
  .max(80)
  .regex(/^[a-z][A-Za-z]*(\.[A-Za-z0-9]+)*$/);
/** The passage of a dossier that tells one access request and its dates. */
export const requestPassageId = (requestId: number) => `request.${requestId}`;

/** More than any dossier holds: every line of fifty notes. */
export const MAX_LEFT_OUT = 10_000;

/** What the dossier was when the adviser looked at it: a save of a dossier that changed since is refused. */
const DossierVersion = z.string().regex(/^[a-f0-9]{64}$/);

export const SaveDossierRequest = DossierRequest.extend({ requestId: Id, version: DossierVersion, leftOut: uniqueList(PassageId, MAX_LEFT_OUT) }).strict();
export type SaveDossierRequest = z.infer<typeof SaveDossierRequest>;

/** A stretch of the adviser's own text, or one access request told whole; a left-out one reads only the dossier's marker. */
export const DossierPassage = z.object({ id: PassageId, text: z.string(), leftOut: z.boolean() }).strict();
export type DossierPassage = z.infer<typeof DossierPassage>;

/** One fact: a coded or dated value in words, or text of the adviser's in passages that can be left out. */
export const DossierLine = z.object({ label: z.string(), value: z.string().nullable(), passages: z.array(DossierPassage) }).strict();
export type DossierLine = z.infer<typeof DossierLine>;

export const DossierEntry = z.object({ heading: z.string().nullable(), lines: z.array(DossierLine) }).strict();
export type DossierEntry = z.infer<typeof DossierEntry>;

export const DOSSIER_SECTIONS = ['case', 'reporter', 'conversations', 'mediation', 'consents', 'referrals', 'followUps', 'requests'] as const;

export const DossierSection = z
  .object({ id: z.enum(DOSSIER_SECTIONS), title: z.string(), entries: z.array(DossierEntry), emptyNote: z.string().nullable() })
  .strict();
export type DossierSection = z.infer<typeof DossierSection>;

/** Everything the vault holds about one reporter, in the adviser's language, as the PDF prints it. */
export const AccessDossier = z
  .object({
    language: Language,
    title: z.string(),
    subject: z.string(),
    madeOn: z.string(),
    intro: z.string(),
    /** "left out: concerns another person", in the dossier's language. */
    leftOutMarker: z.string(),
    sections: z.array(DossierSection),
  })
  .strict();
export type AccessDossier = z.infer<typeof AccessDossier>;

export const DossierPreview = z.object({ dossier: AccessDossier, version: DossierVersion }).strict();
export type DossierPreview = z.infer<typeof DossierPreview>;

/** A dossier the core prepared for its print route: only that window can read it, once. */
export const PrintedDossierRequest = z.object({ token: z.string().regex(/^[a-f0-9]{32}$/) }).strict();

export const ErasureRequest = z.object({ caseId: Id, reporter: ReporterPosition }).strict();

/** Where a kept text is: the case's own fields, an entry's notes, or a consent, mediation or follow-up of the case. */
export const KEPT_TEXT_FIELDS = ['caseLabel', 'otherParty', 'reporterUnit', 'entryNotes', 'consentWithWhom', 'mediationParty', 'mediationHearing', 'mediationAgreement', 'followUp'] as const;

/**
 * A line of text an erasure keeps that still names the reporter as whole words, as who took part
 * names them. The erasure never rewrites the adviser's text: the adviser edits it first.
 */
export const KeptMention = z
  .object({
    field: z.enum(KEPT_TEXT_FIELDS),
    /** The entry it is in or set on; null for a text of the case itself. */
    entry: z.object({ id: Id, kind: z.enum(CONVERSATION_KINDS), heldAt: LocalDateTime }).nullable(),
    /** The consent's, agreement's or follow-up's date; null where the place has none. */
    date: LocalDate.nullable(),
    text: z.string(),
  })
  .strict();
export type KeptMention = z.infer<typeof KeptMention>;

/** What an erasure would destroy and keep, shown before the adviser types the confirmation. */
export const ErasurePreview = z
  .object({
    caseNumber: z.string(),
    /** This is the case's only reporter: the whole case goes, as retention destroys it. */
    wholeCase: z.boolean(),
    entriesDestroyed: z.number().int().min(0),
    entriesKept: z.number().int().min(0),
    reportersKept: z.number().int().min(0),
    draftsDiscarded: z.number().int().min(0),
    keptMentions: z.array(KeptMention),
  })
  .strict();
export type ErasurePreview = z.infer<typeof ErasurePreview>;

/** The adviser types the case's number to confirm: nothing else starts an erasure. */
export const EraseReporterRequest = ErasureRequest.extend({ confirmation: z.string().max(SHORT_TEXT_MAX) }).strict();
