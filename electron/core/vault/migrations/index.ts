import { AppError } from '../../errors';
import type { Db } from '../database';
import { cases } from './001-cases';
import { caseRecord } from './002-case-record';
import { teamImports } from './003-team-imports';
import { noteIndexRowids } from './004-note-index-rowids';
import { countingModel } from './005-counting-model';
import { teamKeys } from './006-team-keys';
import { annualReport } from './007-annual-report';
import { noteIndexSecureDelete } from './008-note-index-secure-delete';
import { destructions } from './009-destructions';
import { caseNumbers } from './010-case-numbers';
import { drafts } from './011-drafts';
import { caseSearchDocuments } from './012-case-search-documents';
import { seenExports } from './013-seen-exports';
import { caseIndexTerms } from './014-case-index-terms';
import { incompleteCases } from './015-incomplete-cases';
import { mediationSessionEntries } from './016-mediation-session-entries';
import { flowAnswers } from './017-flow-answers';
import { followUps } from './018-follow-ups';
import { procedureReports } from './019-procedure-reports';
import { accessRequests } from './020-access-requests';
import { handover } from './021-handover';

export interface Migration {
  version: number;
  /**
   * Rebuilds a table (SQLite's way to change a column): run with foreign keys off, or dropping
   * the old table would delete every child row, and checked before commit that every reference
   * still holds.
   */
  rebuildsTables?: boolean;
  up(db: Db): void;
}

/**
 * Append only: a released migration is never edited, the next change is a new file and number
 * (hashes.json and a test hold each file to what was released). A file keeps its SQL exactly as
 * it ran, indentation and trailing spaces included: SQLite stores a CREATE statement's text as
 * written, and every vault's schema reads the same whichever version made it.
 */
export const MIGRATIONS: readonly Migration[] = [
  cases,
  caseRecord,
  teamImports,
  noteIndexRowids,
  countingModel,
  teamKeys,
  annualReport,
  noteIndexSecureDelete,
  destructions,
  caseNumbers,
  drafts,
  caseSearchDocuments,
  seenExports,
  caseIndexTerms,
  incompleteCases,
  mediationSessionEntries,
  flowAnswers,
  followUps,
  procedureReports,
  accessRequests,
  handover,
];

/** The schema this app writes: a vault at a higher version was written by a newer app. */
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * A newer app may have added tables, columns or meanings this one does not know: writing to
 * them could lose or misread what it stored. Such a vault, or a backup of one, is refused as it is.
 */
export function assertNotNewerThanApp(db: Db): void {
  if (schemaVersion(db) > LATEST_VERSION) throw new AppError('VAULT_TOO_NEW');
}

/** Each migration and its version bump commit together, so a crash never leaves half a schema. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): void {
  assertNotNewerThanApp(db);
  for (const migration of migrations) {
    if (migration.version <= schemaVersion(db)) continue;
    if (migration.rebuildsTables) withoutForeignKeys(db, () => runMigration(db, migration));
    else runMigration(db, migration);
  }
}

function runMigration(db: Db, migration: Migration): void {
  db.transaction(() => {
    migration.up(db);
    if (migration.rebuildsTables) assertReferencesHold(db);
    db.pragma(`user_version = ${migration.version}`);
  })();
}

/** SQLite ignores the pragma inside a transaction, so it is switched around the migration's one. */
function withoutForeignKeys(db: Db, run: () => void): void {
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    run();
  } finally {
    if (enforced) db.pragma('foreign_keys = ON');
  }
}

/** A rebuild that left a row pointing at nothing rolls back whole instead of committing. */
function assertReferencesHold(db: Db): void {
  if ((db.pragma('foreign_key_check') as unknown[]).length > 0) throw new AppError('CORRUPT_VAULT');
}
