import { z } from 'zod';
import { IDLE_LOCK_MAX_MINUTES, IDLE_LOCK_MIN_MINUTES, PASSPHRASE_MAX_LENGTH, PASSPHRASE_MIN_LENGTH } from './limits';
import {
  CaseCapture,
  CaseInput,
  IncompleteCaseInput,
  CaseListRequest,
  CaseListResponse,
  CaseRecord,
  ComparableCase,
  UpdateCaseRequest,
} from './schemas/cases';
import { ConversationInput } from './schemas/conversations';
import { Mediation } from './schemas/mediation';
import { CaseFollowUps, CompleteFollowUpRequest, CompleteOpenFollowUpsRequest, DueFollowUps, FollowUpInput, MoveFollowUpRequest } from './schemas/followUps';
import { ExportPreview, ExportRequest } from './schemas/export';
import { Activity, ActivityInput, BoardAdvice, BoardAdviceInput, Signal, SignalInput, SignalSearchRequest, SignalSearchResponse } from './schemas/outreach';
import { Groupings } from './schemas/groupings';
import { AnswerFlowRequest, ExportPreviewTables, ImportOutcome, ReportRequest, TeamReport } from './schemas/teamReport';
import { Id, Language, Year } from './schemas/primitives';
import { DocumentRequest, PublicationDocument, ReportTexts, SavePublicationRequest, EDITABLE_TEXTS, MAX_TEXT_LENGTH } from './schemas/publication';
import { AcceptanceSummary, CreateTeamRequest, InvitationSummary, TeamInfo } from './schemas/team';
import {
  AddSuccessorRequest,
  HandoverConfirmationRequest,
  HandoverConfirmed,
  HandoverConsentRequest,
  HandoverExportSaveRequest,
  HandoverKeyRequest,
  HandoverKeySummary,
  HandoverNoteFileRequest,
  HandoverPackageRequest,
  HandoverPackageSummary,
  HandoverReceived,
  HandoverSendRequest,
  HandoverStatus,
  ReceiveHandoverRequest,
} from './schemas/handover';
import { Draft, DraftDiscard, DraftInput, FormSave, type FormSaveChannel } from './schemas/drafts';
import { CaseProcedure, CompleteDeadlineRequest, MarkProcedureRequest } from './schemas/procedure';
import {
  AccessDossier,
  AccessRequest,
  DossierPreview,
  DossierRequest,
  EraseReporterRequest,
  ErasurePreview,
  ErasureRequest,
  PrintedDossierRequest,
  RecordAccessRequest,
  SaveDossierRequest,
} from './schemas/access';
import type { VaultEvent } from './events';
import { VAULT_FUNCTIONS } from './taxonomy';
import { passphraseVerdict } from './passphraseRule';

export { Language, LocalDate, LocalDateTime } from './schemas/primitives';
export * from './schemas/cases';
export * from './schemas/conversations';
export * from './schemas/mediation';
export * from './schemas/followUps';
export * from './schemas/outreach';
export * from './schemas/export';
export * from './schemas/teamReport';
export * from './schemas/groupings';
export * from './schemas/team';
export * from './schemas/publication';
export * from './schemas/drafts';
export * from './schemas/handover';
export * from './schemas/procedure';
export * from './schemas/access';

/**
 * The IPC contract: every channel, with a runtime schema for its request and its response.
 * The core validates requests (and its own responses) against it; the renderer's client is
 * typed from it. Objects are strict so an unexpected field is an error, not silently carried.
 */

const Empty = z.object({}).strict();
const ById = z.object({ id: Id }).strict();
const Created = z.object({ id: Id }).strict();
/** Only the file's name travels back: the folder stays with the adviser's dialog. */
const Saved = z.object({ fileName: z.string() }).strict();
/** An export file is a few kilobytes; anything far larger is not one. */
const EXPORT_FILE_MAX = 2_000_000;
/** An invitation or acceptance: public keys, an organisation and its unit list. */
const TEAM_FILE_MAX = 100_000;

const Passphrase = z.string().min(PASSPHRASE_MIN_LENGTH).max(PASSPHRASE_MAX_LENGTH);
/** A passphrase being chosen; how strong it is, is checked on the whole request (`withStrongPassphrase`). */
const NewPassphrase = z.string().max(PASSPHRASE_MAX_LENGTH);

/**
 * The rule the window's meter shows, so the core refuses a new passphrase it calls weak. zxcvbn is
 * the one costly check in any request (tens of milliseconds for an ordinary passphrase; for a
 * pasted page seconds, or a stack overflow), so it runs last, only on a request that passed every
 * other check, its length included.
 */
function withStrongPassphrase<K extends string, T extends z.ZodType<{ [key in K]: string }>>(request: T, field: K) {
  return request.refine((value) => passphraseVerdict(value[field]) === 'strong', {
    message: 'weakPassphrase',
    path: [field],
    when: (payload) => payload.issues.length === 0,
  });
}

/**
 * The recovery key as the adviser types it: letters, digits, dashes and spaces, nothing else.
 * Length ends the check (`abort`), so the pattern never reads a pasted megabyte.
 */
const RecoveryKeyInput = z
  .string()
  .max(200, { abort: true })
  .regex(/^[0-9A-Za-z\s-]+$/);


/** What the adviser may change directly. The backup folder is set only through the shell's dialog. */
export const SettingsUpdate = z
  .object({
    language: Language,
    idleLockMinutes: z.number().int().min(IDLE_LOCK_MIN_MINUTES).max(IDLE_LOCK_MAX_MINUTES),
    contentProtection: z.boolean(),
    autoBackupOnLock: z.boolean(),
    keepBackups: z.number().int().min(1).max(100),
    /** Years after closing before a case is due for destruction; 0 means at closing. */
    retentionYears: z.number().int().min(0).max(30),
    /** The adviser answered the first-run backup proposal (set it up or skipped it): it is not asked again. */
    backupProposalAnswered: z.boolean(),
    /** The functions that receive reports under the organisation's whistleblower procedure: only they mark a case as one. */
    procedureFunctions: z.array(z.enum(VAULT_FUNCTIONS)).max(VAULT_FUNCTIONS.length).refine((functions) => new Set(functions).size === functions.length, 'duplicate'),
  })
  .strict();

export type SettingsUpdate = z.infer<typeof SettingsUpdate>;

export const Settings = SettingsUpdate.extend({ backupFolder: z.string().max(4096).nullable() }).strict();
export type Settings = z.infer<typeof Settings>;

/** Also what the shell assumes until the core process has reported the stored settings. */
export const DEFAULT_SETTINGS: Settings = {
  language: 'nl',
  idleLockMinutes: 10,
  contentProtection: true,
  autoBackupOnLock: false,
  keepBackups: 10,
  retentionYears: 1,
  backupProposalAnswered: false,
  procedureFunctions: ['concerns_point_coordinator', 'ombudsperson'],
  backupFolder: null,
};

export const DueCase = z
  .object({ id: Id, number: z.string(), label: z.string(), firstContactAt: z.string(), closedOn: z.string().nullable(), destroyBy: z.string().nullable() })
  .strict();
export type DueCase = z.infer<typeof DueCase>;

const RecoveryKeyResponse = z.object({ recoveryKey: z.string() }).strict();

export const VaultStatus = z
  .object({ exists: z.boolean(), unlocked: z.boolean(), unlockDelaySeconds: z.number().int().min(0) })
  .strict();
export type VaultStatus = z.infer<typeof VaultStatus>;

/** The function and, for a faculty adviser, whether they come from outside the organisation. */
export const ProfileUpdate = z
  .object({ function: z.enum(VAULT_FUNCTIONS), external: z.boolean() })
  .strict()
  .refine((profile) => !profile.external || profile.function === 'faculty_confidential_adviser', { message: 'externalOnlyFaculty', path: ['external'] });
export type ProfileUpdate = z.infer<typeof ProfileUpdate>;

export const Profile = z
  .object({ function: z.enum(VAULT_FUNCTIONS), external: z.boolean(), adviserId: z.string().uuid() })
  .strict();
export type Profile = z.infer<typeof Profile>;

const ReportYear = Year;

/**
 * A form's save is checked as its own channel checks it, so a refusal carries the same code
 * (a nature missing is NATURE_REQUIRED either way); the handler gets the parsed request.
 */
const FormSaveRequest = FormSave.transform((save, context): { draftKey: string; channel: FormSaveChannel; request: unknown } => {
  const inner = contract[save.channel].request.safeParse(save.request);
  if (inner.success) return { ...save, request: inner.data };
  for (const issue of inner.error.issues) context.addIssue({ code: 'custom', message: issue.message, path: ['request', ...issue.path] });
  return z.NEVER;
});

export const contract = {
  'vault.status': { request: Empty, response: VaultStatus },
  'vault.create': {
    request: withStrongPassphrase(
      z
        .object({ passphrase: NewPassphrase, function: z.enum(VAULT_FUNCTIONS), external: z.boolean().default(false) })
        .strict()
        .refine((request) => !request.external || request.function === 'faculty_confidential_adviser', { message: 'externalOnlyFaculty', path: ['external'] }),
      'passphrase',
    ),
    response: RecoveryKeyResponse,
  },
  'vault.unlock': { request: z.object({ passphrase: Passphrase }).strict(), response: Empty },
  /** The recovery key used is replaced too: the response carries the new one, shown like the first. */
  'vault.recover': {
    request: withStrongPassphrase(z.object({ recoveryKey: RecoveryKeyInput, newPassphrase: NewPassphrase }).strict(), 'newPassphrase'),
    response: RecoveryKeyResponse,
  },
  /** Asks for a lock through the core's one lock path: the window is told "locking" first. */
  'vault.lock': { request: Empty, response: Empty },
  /** The window has saved what it must; a pending lock may happen now. */
  'vault.lockReady': { request: Empty, response: Empty },
  'vault.changePassphrase': { request: withStrongPassphrase(z.object({ current: Passphrase, next: NewPassphrase }).strict(), 'next'), response: Empty },
  'vault.newRecoveryKey': { request: z.object({ passphrase: Passphrase }).strict(), response: RecoveryKeyResponse },
  'vault.rotateKey': { request: z.object({ passphrase: Passphrase }).strict(), response: RecoveryKeyResponse },
  /** The recovery key just shown, on a one-page PDF in the adviser's language, saved where they choose. */
  'vault.saveRecoverySheet': { request: z.object({ recoveryKey: RecoveryKeyInput }).strict(), response: Saved },
  'settings.get': { request: Empty, response: Settings },
  'settings.update': { request: SettingsUpdate.partial().strict(), response: Settings },

  'backup.chooseFolder': { request: Empty, response: Settings },
  'backup.now': { request: Empty, response: z.object({ name: z.string() }).strict() },
  /** When the newest backup in the backup folder was made; only verified copies stay there. */
  'backup.status': { request: Empty, response: z.object({ lastVerifiedAt: z.string().nullable() }).strict() },
  /** `reapplied`: cases destroyed after the backup was made, destroyed again in the restored vault. */
  /**
   * `passphrase` opens the backup; `current` is the vault's own passphrase or recovery key, asked for
   * only after RESTORE_NEEDS_CURRENT_KEY, when nothing of the vault being replaced opened without it.
   */
  'backup.restore': {
    request: z
      .object({ passphrase: Passphrase, current: z.union([z.object({ passphrase: Passphrase }).strict(), z.object({ recoveryKey: RecoveryKeyInput }).strict()]).optional() })
      .strict(),
    response: z.object({ reapplied: z.number().int().min(0), madeAt: z.string(), cases: z.number().int().min(0) }).strict(),
  },

  'retention.due': { request: Empty, response: z.array(DueCase) },
  /** Backups in the backup folder still holding a destroyed case; they can only be deleted. */
  'retention.staleBackups': { request: Empty, response: z.object({ count: z.number().int().min(0) }).strict() },
  'retention.deleteStaleBackups': { request: Empty, response: z.object({ deleted: z.number().int().min(0) }).strict() },
  'retention.destroy': { request: z.object({ ids: z.array(Id).min(1).max(100_000) }).strict(), response: z.object({ destroyed: z.number().int() }).strict() },

  /** A reporter's access requests on their case (GDPR art. 15): dates, deadlines and dossiers given. */
  'access.requests': { request: z.object({ caseId: Id }).strict(), response: z.array(AccessRequest) },
  /** Records a request on its date; its answer is due a month later, as a legal follow-up. */
  'access.recordRequest': { request: RecordAccessRequest, response: Created },
  /** Everything the vault holds about one reporter of the case, every passage shown, for the adviser to check. */
  'access.dossierPreview': { request: DossierRequest, response: DossierPreview },
  /** Prints the checked dossier with the left-out passages as the marker, saves it as PDF and records that it was given. */
  'access.saveDossier': { request: SaveDossierRequest, response: Saved },
  /** The print window's only read: the dossier being printed, by its token. */
  'access.printedDossier': { request: PrintedDossierRequest, response: AccessDossier },
  'access.erasurePreview': { request: ErasureRequest, response: ErasurePreview },
  /** Destroys what concerns only this reporter, beyond recovery, once the case's number is typed. */
  'access.erase': { request: EraseReporterRequest, response: z.object({ wholeCase: z.boolean() }).strict() },
  'profile.get': { request: Empty, response: Profile },
  'profile.update': { request: ProfileUpdate, response: Profile },

  'cases.list': { request: CaseListRequest, response: CaseListResponse },
  'cases.years': { request: Empty, response: z.array(z.number().int()) },
  'cases.get': { request: ById, response: CaseRecord },
  'cases.create': { request: CaseInput, response: Created },
  /** A new case from its first conversation and a label; its statistics are completed later. */
  'cases.capture': { request: CaseCapture, response: Created },
  /** Closing with `openFollowUps: 'complete'` does the case's own open steps today in the same transaction. */
  'cases.update': { request: UpdateCaseRequest, response: Created },
  /** Saves with statistics answers still open (NULL): counted nowhere until a complete save. */
  'cases.createIncomplete': { request: IncompleteCaseInput, response: Created },
  'cases.updateIncomplete': { request: z.object({ id: Id, record: IncompleteCaseInput }).strict(), response: Created },
  /** An incomplete case left out of the statistics on purpose (or taken back): no longer listed at the export. */
  'cases.leaveOutOfStatistics': { request: z.object({ id: Id, leaveOut: z.boolean() }).strict(), response: Empty },
  'cases.delete': { request: ById, response: Empty },
  'cases.comparable': { request: ById, response: z.array(ComparableCase) },

  /** Whether the case is a report under the whistleblower procedure, its deadlines, and whether this function may mark one. */
  'procedure.get': { request: z.object({ caseId: Id }).strict(), response: CaseProcedure },
  /** Marks the case with its day of receipt (or corrects that day): the law's two deadlines follow from it. */
  'procedure.mark': { request: MarkProcedureRequest, response: Empty },
  /** Completes a deadline with the day it was done; the confirmation's day moves the feedback's deadline. */
  'procedure.complete': { request: CompleteDeadlineRequest, response: Empty },

  /** Unsaved work, encrypted in the vault: kept while the adviser types and at every lock. */
  'drafts.save': { request: DraftInput, response: Empty },
  /** Every draft, newest first, for the window's forms after an unlock; the vault keeps them until saved or discarded. */
  'drafts.list': { request: Empty, response: z.array(Draft) },
  /** The adviser threw a draft away, or the form holds nothing unsaved any more. */
  'drafts.discard': { request: DraftDiscard, response: Empty },
  /** A form's save with its draft removed in the same transaction; answers what the save's own channel answers. */
  'drafts.saveForm': { request: FormSaveRequest, response: z.unknown() },

  'conversations.add': { request: z.object({ caseId: Id, conversation: ConversationInput }).strict(), response: Created },
  'conversations.update': { request: z.object({ id: Id, conversation: ConversationInput }).strict(), response: Created },
  'conversations.delete': { request: ById, response: Empty },

  'mediation.save': { request: z.object({ caseId: Id, mediation: Mediation }).strict(), response: Empty },
  'mediation.delete': { request: z.object({ caseId: Id }).strict(), response: Empty },

  /** A case's next steps and legal deadlines, open first, with the core's date. */
  'followUps.ofCase': { request: z.object({ caseId: Id }).strict(), response: CaseFollowUps },
  /** Today: what is overdue, due today and due later this week, by the core's date. */
  'followUps.due': { request: Empty, response: DueFollowUps },
  /** The adviser's own next step; legal deadlines are made only by their own procedure. */
  'followUps.add': { request: FollowUpInput, response: Created },
  /** Done on a day that has come; a legal deadline is completed only this way. */
  'followUps.complete': { request: CompleteFollowUpRequest, response: Empty },
  'followUps.move': { request: MoveFollowUpRequest, response: Empty },
  'followUps.remove': { request: ById, response: Empty },
  /** Closing a case: its own open steps done that day, its legal deadlines left open. */
  'followUps.completeOpenOfCase': { request: CompleteOpenFollowUpsRequest, response: z.object({ completed: z.number().int().min(0) }).strict() },

  'signals.list': { request: Empty, response: z.array(Signal) },
  /** Signals whose unit, theme or note holds every typed word, each with a snippet. */
  'signals.search': { request: SignalSearchRequest, response: SignalSearchResponse },
  'signals.create': { request: SignalInput, response: Created },
  'signals.update': { request: z.object({ id: Id, signal: SignalInput }).strict(), response: Created },
  'signals.delete': { request: ById, response: Empty },

  'activities.list': { request: Empty, response: z.array(Activity) },
  'activities.create': { request: ActivityInput, response: Created },
  'activities.update': { request: z.object({ id: Id, activity: ActivityInput }).strict(), response: Created },
  'activities.delete': { request: ById, response: Empty },

  'boardAdvices.list': { request: Empty, response: z.array(BoardAdvice) },
  'boardAdvices.create': { request: BoardAdviceInput, response: Created },
  'boardAdvices.update': { request: z.object({ id: Id, advice: BoardAdviceInput }).strict(), response: Created },
  'boardAdvices.delete': { request: ById, response: Empty },

  'export.preview': { request: ExportRequest, response: ExportPreview.extend({ tables: ExportPreviewTables }).strict() },
  /**
   * Sealed to the team and signed when the vault accepted a team invitation; `unsealed` writes
   * the plain JSON and CSV for the adviser's own use instead, after a warning on screen.
   */
  'export.save': {
    request: z.object({ exportId: z.string().uuid(), unsealed: z.boolean().default(false) }).strict(),
    response: Saved.extend({ sealed: z.boolean() }).strict(),
  },

  'team.info': { request: Empty, response: TeamInfo },
  'team.create': { request: CreateTeamRequest, response: TeamInfo },
  'team.saveInvitation': { request: Empty, response: Saved },
  'team.readInvitation': { request: z.object({ content: z.string().max(TEAM_FILE_MAX) }).strict(), response: InvitationSummary },
  /** `fingerprint` is the one the adviser compared with the merging member: it must be this invitation's. */
  'team.acceptInvitation': { request: z.object({ content: z.string().max(TEAM_FILE_MAX), fingerprint: z.string().max(40) }).strict(), response: TeamInfo },
  'team.saveAcceptance': { request: Empty, response: Saved },
  /** A second merging member joins from the team's invitation, with its code compared. */
  'team.joinAsMerger': { request: z.object({ content: z.string().max(TEAM_FILE_MAX), fingerprint: z.string().max(40) }).strict(), response: TeamInfo },
  /** The first merging member adds the second one's invitation: both then seal-open every export. */
  'team.addMerger': { request: z.object({ content: z.string().max(TEAM_FILE_MAX) }).strict(), response: TeamInfo },
  'team.readAcceptance': { request: z.object({ content: z.string().max(TEAM_FILE_MAX) }).strict(), response: AcceptanceSummary },
  /** `replaceKey` confirms replacing the key of an adviser the team already knows with the file's. */
  'team.addAdviser': { request: z.object({ content: z.string().max(TEAM_FILE_MAX), replaceKey: z.boolean().default(false) }).strict(), response: TeamInfo },

  /**
   * `replace` confirms replacing exactly these earlier imports of the same adviser; an unsealed
   * file is imported only with `acceptUnsealed`, which the merging member ticks for that file.
   */
  'team.import': {
    request: z
      .object({ content: z.string().max(EXPORT_FILE_MAX), replace: z.array(z.string().uuid()).max(100), acceptUnsealed: z.boolean().default(false) })
      .strict(),
    response: ImportOutcome,
  },
  'team.remove': { request: z.object({ exportId: z.string().uuid() }).strict(), response: Empty },
  'team.report': { request: ReportRequest, response: TeamReport },
  /** The merging member's answer to a referral flow whose sender counted more than its receiver (null withdraws it). */
  'team.answerFlow': { request: AnswerFlowRequest, response: Empty },
  'team.setHeadcount': {
    request: z.object({ year: ReportYear, headcount: z.number().int().min(1).max(10_000_000).nullable() }).strict(),
    response: Empty,
  },
  'team.groupings': { request: Empty, response: Groupings },
  'team.saveGroupings': { request: z.object({ groupings: Groupings }).strict(), response: Groupings },
  /** The annual report as a document in one language: what every saved format writes. */
  'team.document': { request: DocumentRequest, response: PublicationDocument },
  /** Writes the document as PDF, Word, Excel or CSV, and keeps its published tables for next time. */
  'team.savePublication': { request: SavePublicationRequest, response: Saved },
  'team.texts': { request: z.object({ year: ReportYear }).strict(), response: ReportTexts },
  'team.saveText': {
    request: z.object({ year: ReportYear, text: z.enum(EDITABLE_TEXTS), value: z.string().max(MAX_TEXT_LENGTH) }).strict(),
    response: Empty,
  },
  /** Handing open cases to a successor: the successor's receiving key, the leaving export, the sealed package, the confirmation. */
  'handover.status': { request: Empty, response: HandoverStatus },
  'handover.createReceivingKey': { request: Empty, response: HandoverStatus },
  'handover.saveReceivingKey': { request: HandoverKeyRequest, response: Saved },
  'handover.readKey': { request: HandoverNoteFileRequest, response: HandoverKeySummary },
  'handover.addSuccessor': { request: AddSuccessorRequest, response: HandoverStatus },
  'handover.setConsent': { request: HandoverConsentRequest, response: HandoverStatus },
  /** The leaving adviser's export of the whole months before the handover, previewed and saved as any export. */
  'handover.previewExport': { request: Empty, response: ExportPreview.extend({ tables: ExportPreviewTables }).strict() },
  'handover.saveExport': { request: HandoverExportSaveRequest, response: Saved.extend({ sealed: z.boolean() }).strict() },
  'handover.send': { request: HandoverSendRequest, response: Saved },
  'handover.readPackage': { request: HandoverPackageRequest, response: HandoverPackageSummary },
  'handover.receive': { request: ReceiveHandoverRequest, response: HandoverReceived },
  'handover.saveConfirmation': { request: HandoverConfirmationRequest, response: Saved },
  /** The successor's confirmation: only now are the handed cases destroyed here, as retention destroys. */
  'handover.confirm': { request: HandoverNoteFileRequest, response: HandoverConfirmed },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}

/** The single bridge the preload exposes and the browser harness mirrors. */
export interface VaultBridge {
  invoke(channel: Channel, request: unknown): Promise<unknown>;
  /** Subscribes to the core's events; returns the unsubscribe. */
  onEvent(listener: (event: VaultEvent) => void): () => void;
}
