import { recoverySheetPdf } from './vault/recoverySheet';
import { rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { functionRecordsMediation } from '../../shared/taxonomy';
import { localMinute } from '../../shared/time';
import { caseYears, comparableCases, listCases } from './cases/caseList';
import { highestIssued, raiseIssuedNumbers } from './cases/caseNumbers';
import { createCase, deleteCase, getCase, updateCase } from './cases/caseRecords';
import { addConversation, deleteConversation, updateConversation } from './cases/conversations';
import { deleteMediation, saveMediation } from './cases/mediation';
import { saveDraft, takeDrafts } from './drafts/drafts';
import { destroyCases, dueCases, reapplyDestructions } from './cases/retention';
import { systemClock, type Clock } from './clock';
import { AppError } from './errors';
import { ExportService } from './export/exportService';
import { raiseSavedExports } from './export/exportSequence';
import { getGroupings, saveGroupings } from './export/groupings';
import { headcountOf, importExport, importYears, importedExports, importsToRedo, removeImport, replacementsOf, setHeadcount } from './export/teamImports';
import { buildTeamReport } from './export/teamReport';
import { PublicationService } from './publication/publicationService';
import { saveText, textsOf } from './publication/publications';
import { listBoardAdvices, saveBoardAdvice } from './outreach/boardAdvices';
import type { ReportRequest } from '../../shared/contract';
import type { LockReason } from '../../shared/events';
import { CoreEvents } from './events';
import { previewTables } from './export/previewTables';
import { acceptanceOf, acceptInvitation, addMerger, createTeam, joinAsMerger, membership, importAcceptance, invitationText, readAcceptance, readInvitation, teamInfo } from './team/team';
import { importablePayload } from './team/importablePayload';
import { createRouter, type Handlers, type Router } from './ipc/router';
import { createLogger, type Logger } from './log';
import { deleteRow, listActivities, listSignals, saveActivity, saveSignal } from './outreach/outreach';
import { SettingsStore } from './settings/settingsStore';
import { noShell, type ShellServices } from './shell';
import { backupsHoldingDestroyed, createBackup, lastVerifiedBackup, openBackup, pruneBackups, restoreBackup } from './vault/backup';
import { destructionsIn, type VaultRecord } from './vault/destructionRecord';
import type { Db } from './vault/database';
import { getProfile, setProfile } from './vault/profile';
import { LockCoordinator } from './vault/lockCoordinator';
import { VaultSession, type VaultSessionOptions } from './vault/vaultSession';
import { vaultFilesIn } from './vault/vaultFiles';

export interface CoreOptions extends VaultSessionOptions {
  /** Where the vault and the settings live: Electron's userData folder, or a temp dir in tests. */
  dataDirectory: string;
  clock?: Clock;
  log?: Logger;
  shell?: ShellServices;
  /** How long a window may take to save before a lock; tests shorten it. */
  lockDeadlineMs?: number;
}

export interface Core {
  router: Router;
  vault: VaultSession;
  settings: SettingsStore;
  events: CoreEvents;
  /** The one lock path: every trigger, in the shell or the window, ends here. */
  requestLock(reason: LockReason): Promise<void>;
}

const done = {};

/** Mediation belongs to the ombudsperson; other functions cannot record one. */
function mediationDb(db: Db): Db {
  if (!functionRecordsMediation(getProfile(db).function)) throw new AppError('NOT_FOR_THIS_FUNCTION');
  return db;
}

/** Wires the whole core together; the Electron shell, the tests and the browser harness all start here. */
export function createCore(options: CoreOptions): Core {
  // Every file and folder the core makes (the database and its WAL, backups, exports, the
  // publication) is the adviser's alone: 0600 and 0700, whatever SQLite or a library would choose.
  process.umask(0o077);
  const clock = options.clock ?? systemClock;
  const vault = new VaultSession(vaultFilesIn(join(options.dataDirectory, 'vault')), options, clock);
  const settings = new SettingsStore(join(options.dataDirectory, 'settings.json'));
  const db = () => vault.database();
  const shell = options.shell ?? noShell;
  const log = options.log ?? createLogger();
  const events = new CoreEvents();
  const locks = new LockCoordinator(vault, events, options.lockDeadlineMs);
  const exports = new ExportService(shell, clock, () => vault.saveDestructionRecord());
  vault.onClose(() => exports.forget());
  vault.beforeLock(() => {
    const { autoBackupOnLock, backupFolder, keepBackups } = settings.get();
    if (!autoBackupOnLock || !backupFolder) return;
    try {
      createBackup(vault, backupFolder, clock);
      pruneBackups(backupFolder, keepBackups);
    } catch (error) {
      // The lock goes on regardless, but the adviser must not believe a backup was made.
      log('auto_backup_failed', { code: error instanceof AppError ? error.code : 'INTERNAL' });
      events.emit({ type: 'autoBackupFailed' });
    }
  });

  function teamReport(request: ReportRequest) {
    const database = db();
    return buildTeamReport({
      ...request,
      years: importYears(database),
      files: importedExports(database, request.year),
      groupings: getGroupings(database),
      headcount: headcountOf(database, request.year),
      replacements: replacementsOf(database, request.year),
      importsToRedo: importsToRedo(database),
    });
  }

  const today = () => localMinute(clock()).slice(0, 10);

  async function saveTo(suggestedName: string, content: string | Buffer): Promise<{ fileName: string }> {
    const path = await shell.chooseSavePath(suggestedName);
    if (!path) throw new AppError('CANCELLED');
    writeFileSync(path, content, { mode: 0o600 });
    return { fileName: basename(path) };
  }

  const publications = new PublicationService({ db, report: teamReport, shell, today, saveTo });

  const staleBackups = () => backupsHoldingDestroyed(settings.get().backupFolder, destructionsIn(db()), localMinute);

  const handlers: Handlers = {
    'vault.status': () => vault.status(),
    'vault.create': async ({ passphrase, function: fn, external }) => {
      const recoveryKey = await vault.create(passphrase);
      setProfile(db(), { function: fn, external });
      return { recoveryKey };
    },
    'vault.unlock': async ({ passphrase }) => {
      await vault.unlock(passphrase);
      return done;
    },
    'vault.recover': async ({ recoveryKey, newPassphrase }) => {
      await vault.recover(recoveryKey, newPassphrase);
      return done;
    },
    'vault.lock': async () => {
      await locks.request('renderer');
      return done;
    },
    'vault.lockReady': () => {
      locks.ready();
      return done;
    },
    'vault.changePassphrase': async ({ current, next }) => {
      await vault.changePassphrase(current, next);
      return done;
    },
    'vault.newRecoveryKey': async ({ passphrase }) => ({ recoveryKey: await vault.newRecoveryKey(passphrase) }),
    'vault.saveRecoverySheet': async ({ recoveryKey }) => {
      const { language } = settings.get();
      const pdf = await recoverySheetPdf(recoveryKey, language, today());
      return saveTo(language === 'nl' ? 'Confidant-herstelblad.pdf' : 'Confidant-recovery-sheet.pdf', Buffer.from(pdf));
    },
    'vault.rotateKey': ({ passphrase }) => events.withProgress('rotation', async (report) => ({ recoveryKey: await vault.rotateDataKey(passphrase, report) })),
    'settings.get': () => settings.get(),
    'settings.update': (changes) => settings.update(changes),
    'backup.chooseFolder': async () => {
      const folder = await shell.chooseFolder('backupFolder');
      if (!folder) throw new AppError('CANCELLED');
      return settings.setBackupFolder(folder);
    },
    'backup.now': () => {
      const folder = settings.get().backupFolder;
      if (!folder) throw new AppError('NO_BACKUP_FOLDER');
      return events.withProgress('backup', (report) => {
        const name = createBackup(vault, folder, clock, report);
        report('prune');
        pruneBackups(folder, settings.get().keepBackups);
        return { name };
      });
    },
    'backup.status': () => ({ lastVerifiedAt: lastVerifiedBackup(settings.get().backupFolder)?.toISOString() ?? null }),
    'backup.restore': async ({ passphrase }) => {
      const folder = await shell.chooseFolder('restoreFrom');
      if (!folder) throw new AppError('CANCELLED');
      return events.withProgress('restore', async (report) => {
        const backup = await openBackup(vault, folder, passphrase, report);
        let before: VaultRecord;
        try {
          before = await vault.recordBeforeRestore(passphrase);
        } catch (error) {
          backup.dataKey.fill(0);
          throw error;
        }
        const { madeAt } = await restoreBackup(vault, backup, clock, settings.get().backupFolder, report);
        // Cases destroyed after this backup was made are destroyed again before anyone sees them.
        const reapplied = reapplyDestructions(db(), before.destructions, clock);
        // No case number issued before the restore, here or when the backup was made, is issued again.
        raiseIssuedNumbers(db(), highestIssued(before.caseNumbers, vault.recordBeside()?.caseNumbers ?? []));
        // Nor any export number: the team refuses an export not newer than one it already saw.
        raiseSavedExports(db(), Math.max(before.savedExports, vault.recordBeside()?.savedExports ?? 0));
        vault.saveDestructionRecord();
        const cases = db().prepare('SELECT count(*) FROM cases').pluck().get() as number;
        return { reapplied, madeAt: madeAt.toISOString(), cases };
      });
    },
    'retention.due': () => dueCases(db(), settings.get().retentionYears, clock),
    'retention.destroy': ({ ids }) => {
      // Only what the review listed may go: an id that is not due refuses the whole request.
      const due = new Set(dueCases(db(), settings.get().retentionYears, clock).map((entry) => entry.id));
      if (ids.some((id) => !due.has(id))) throw new AppError('NOT_DUE');
      return events.withProgress('retention', (report) => {
        const destroyed = destroyCases(db(), ids, clock, report);
        vault.saveDestructionRecord();
        return { destroyed };
      });
    },
    'retention.staleBackups': () => ({ count: staleBackups().length }),
    'retention.deleteStaleBackups': () => {
      const stale = staleBackups();
      for (const folder of stale) rmSync(folder, { recursive: true, force: true });
      return { deleted: stale.length };
    },
    'profile.get': () => getProfile(db()),
    'profile.update': (profile) => setProfile(db(), profile),

    'cases.list': (request) => listCases(db(), request, clock),
    'cases.years': () => caseYears(db()),
    'cases.get': ({ id }) => getCase(db(), id),
    'cases.create': (input) => {
      const created = createCase(db(), input, clock);
      // The number just issued goes into the record beside the database too, which survives a restore.
      vault.saveDestructionRecord();
      return created;
    },
    'cases.update': ({ id, record }) => updateCase(db(), id, record, clock),
    'cases.delete': ({ id }) => {
      deleteCase(db(), id);
      return done;
    },
    'cases.comparable': ({ id }) => comparableCases(db(), id),

    'drafts.save': (draft) => {
      saveDraft(db(), draft, clock);
      return done;
    },
    'drafts.take': () => takeDrafts(db()),

    'conversations.add': ({ caseId, conversation }) => addConversation(db(), caseId, conversation, clock),
    'conversations.update': ({ id, conversation }) => updateConversation(db(), id, conversation, clock),
    'conversations.delete': ({ id }) => {
      deleteConversation(db(), id);
      return done;
    },

    'mediation.save': ({ caseId, mediation }) => {
      saveMediation(mediationDb(db()), caseId, mediation, clock);
      return done;
    },
    'mediation.delete': ({ caseId }) => {
      deleteMediation(mediationDb(db()), caseId);
      return done;
    },

    'signals.list': () => listSignals(db()),
    'signals.create': (input) => saveSignal(db(), input, clock),
    'signals.update': ({ id, signal }) => saveSignal(db(), signal, clock, id),
    'signals.delete': ({ id }) => {
      deleteRow(db(), 'signals', id);
      return done;
    },
    'activities.list': () => listActivities(db()),
    'activities.create': (input) => saveActivity(db(), input),
    'activities.update': ({ id, activity }) => saveActivity(db(), activity, id),
    'activities.delete': ({ id }) => {
      deleteRow(db(), 'activities', id);
      return done;
    },

    'boardAdvices.list': () => listBoardAdvices(db()),
    'boardAdvices.create': (input) => saveBoardAdvice(db(), input, clock),
    'boardAdvices.update': ({ id, advice }) => saveBoardAdvice(db(), advice, clock, id),
    'boardAdvices.delete': ({ id }) => {
      deleteRow(db(), 'board_advices', id);
      return done;
    },

    'export.preview': (request) =>
      events.withProgress('export', (report) => {
        const preview = exports.preview(db(), request, report);
        return { ...preview, tables: previewTables(preview.file, membership(db())?.k ?? null) };
      }),
    'export.save': ({ exportId, unsealed }) => exports.save(db, exportId, unsealed),

    'team.info': () => teamInfo(db()),
    'team.create': (request) => createTeam(db(), request, today()),
    'team.saveInvitation': () => saveTo('confidant-team-invitation.json', invitationText(db())),
    'team.readInvitation': ({ content }) => readInvitation(content).summary,
    'team.acceptInvitation': ({ content, fingerprint }) => acceptInvitation(db(), content, fingerprint, today()),
    'team.saveAcceptance': () => saveTo('confidant-team-acceptance.json', `${JSON.stringify(acceptanceOf(db()), null, 2)}\n`),
    'team.readAcceptance': ({ content }) => readAcceptance(db(), content),
    'team.addAdviser': ({ content, replaceKey }) => importAcceptance(db(), content, today(), replaceKey),
    'team.joinAsMerger': ({ content, fingerprint }) => joinAsMerger(db(), content, fingerprint, today()),
    'team.addMerger': ({ content }) => addMerger(db(), content, today()),
    'team.import': ({ content, replace, acceptUnsealed }) =>
      events.withProgress('import', async (report) => importExport(db(), await importablePayload(db(), content, acceptUnsealed), replace, clock(), report)),
    'team.remove': ({ exportId }) => {
      removeImport(db(), exportId);
      return done;
    },
    'team.report': (request) => teamReport(request),
    'team.setHeadcount': ({ year, headcount }) => {
      setHeadcount(db(), year, headcount);
      return done;
    },
    'team.groupings': () => getGroupings(db()),
    'team.saveGroupings': ({ groupings }) => saveGroupings(db(), groupings),
    'team.document': (request) => publications.document(request).document,
    'team.savePublication': (request) => publications.save(request),
    'team.texts': ({ year }) => textsOf(db(), year),
    'team.saveText': ({ year, text, value }) => {
      saveText(db(), year, text, value);
      return done;
    },
  };

  const inner = createRouter(handlers, log);
  const router: Router = {
    async handle(channel, request) {
      const result = await inner.handle(channel, request);
      if (!result.ok && (result.error.code === 'CORRUPT_VAULT' || result.error.code === 'APP_DAMAGED')) {
        // Damage found mid-session closes the vault at once: nothing more is read from or written to it.
        if (result.error.code === 'CORRUPT_VAULT') vault.lock();
        events.emit({ type: 'damage', code: result.error.code });
      }
      return result;
    },
  };
  return { router, vault, settings, events, requestLock: (reason) => locks.request(reason) };
}
