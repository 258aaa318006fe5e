/**
 * Every failure that crosses the IPC boundary is one of these codes and nothing else:
 * no message, no stack, no data, so nothing confidential can ride along with an error.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'VAULT_LOCKED',
  'VAULT_EXISTS',
  'VAULT_NOT_FOUND',
  'WRONG_PASSPHRASE',
  /** A new passphrase the shared rule calls too short or too easy to guess. */
  'WEAK_PASSPHRASE',
  'WRONG_RECOVERY_KEY',
  'CORRUPT_VAULT',
  /** The vault or backup was written by a newer version of the app: refused, nothing changed. */
  'VAULT_TOO_NEW',
  /** The app's own files (the SQLite addon) do not load: reinstall; the vault is untouched. */
  'APP_DAMAGED',
  'NOT_FOUND',
  'NOT_FOR_THIS_FUNCTION',
  'TOO_MANY_ATTEMPTS',
  'BACKUP_FAILED',
  'NOT_A_BACKUP',
  'NO_BACKUP_FOLDER',
  /** A restore could read nothing of the vault it would replace: it needs the current passphrase or recovery key first. */
  'RESTORE_NEEDS_CURRENT_KEY',
  /** A backup made before a reporter of a joint case was erased, which still holds them: refused, nothing changed. */
  'BACKUP_PREDATES_ERASURE',
  'CANCELLED',
  'INVALID_EXPORT',
  'TAMPERED_EXPORT',
  'DUPLICATE_EXPORT',
  'OVERLAPPING_PERIOD',
  'OLDER_EXPORT',
  /** An export of an earlier format, which counted dated acts in the year of first contact: to be exported again. */
  'EXPORT_FROM_OLDER_VERSION',
  'FUNCTION_LOCKED',
  'CONTRADICTORY_HANDLING',
  'NATURE_REQUIRED',
  /** A mediation session added to a case that has no mediation. */
  'SESSION_NEEDS_MEDIATION',
  /** A legal deadline asked to be removed or moved by hand: it is only completed with the date it was met. */
  'FOLLOW_UP_IS_LEGAL_DEADLINE',
  /** Team and sealed exports. */
  'NO_TEAM',
  'TEAM_EXISTS',
  'NOT_AN_INVITATION',
  'NOT_AN_ACCEPTANCE',
  'FINGERPRINT_MISMATCH',
  'OTHER_TEAM',
  'UNSIGNED_EXPORT',
  'UNKNOWN_SIGNER',
  'BAD_SIGNATURE',
  'UNSEALED_EXPORT',
  /** An acceptance with another key for an adviser the team already trusts, not confirmed as a replacement. */
  'SIGNER_KEY_CHANGED',
  /** A signed export naming another function or external flag than its adviser's acceptance did. */
  'SIGNER_PROFILE_MISMATCH',
  /** Handing cases to a successor: a file that is no handover file, or one meant for another vault. */
  'NOT_A_HANDOVER_FILE',
  'HANDOVER_NOT_ADDRESSED',
  'TAMPERED_HANDOVER',
  /** Signed by another key than the one whose code was compared by phone. */
  'HANDOVER_WRONG_SIGNER',
  'HANDOVER_ALREADY_RECEIVED',
  'HANDOVER_ALREADY_CONFIRMED',
  /** A case chosen for a handover without its reporter's consent recorded. */
  'HANDOVER_CONSENT_MISSING',
  /** A package asked for before the leaving adviser's export of the months before it was saved. */
  'HANDOVER_EXPORT_MISSING',
  /** A case already in a package that awaits its confirmation. */
  'HANDOVER_PENDING',
  /** A key file naming one of the team's recipients: a handover is never sealed to the team. */
  'HANDOVER_TO_TEAM_KEY',
  /** A write to a case in a sent package whose confirmation has not come back: the confirmation would destroy it. */
  'CASE_HANDED_OVER',
  /** A case chosen for a handover with unsaved work (a draft): it would not travel, and the confirmation would destroy it. */
  'HANDOVER_DRAFT_OPEN',
  /** An export counting a unit that is not on the merging member's team list. */
  'UNKNOWN_UNIT',
  'PERIOD_NOT_ENDED',
  /** Publishing again after imports were removed, without reading the differencing warning. */
  'DIFFERENCING_RISK',
  /** A referral flow whose sender counted more than its receiver is not answered yet: a report could be counted twice. */
  'FLOW_UNANSWERED',
  /** An answer was given for a flow whose two sides agree, or whose receiver counted more. */
  'FLOW_NOT_IN_QUESTION',
  /** A case asked to be destroyed that is not past its retention. */
  'NOT_DUE',
  /** A whistleblower procedure's deadline done, or its confirmation sent, before the report was received: nothing changed. */
  'DATE_BEFORE_RECEIPT',
  /** An access dossier saved after its case changed since the adviser's preview: to be looked at again. */
  'DOSSIER_CHANGED',
  /** The erasure's typed confirmation is not the case's number: nothing erased. */
  'CONFIRMATION_MISMATCH',
  /** The vault is open in another Confidant process: one process per vault. */
  'VAULT_IN_USE',
  /** The core did not answer within its deadline: it was restarted, the vault is locked and unchanged. */
  'CORE_TIMEOUT',
  /** The core process stopped again and again: the app must be restarted (not reinstalled). */
  'CORE_STOPPED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode } };
