import { join } from 'node:path';
import type { LockReason } from '../../shared/events';
import { localMinute } from '../../shared/time';
import { systemClock, type Clock } from './clock';
import { CoreEvents } from './events';
import { accessHandlers } from './handlers/access';
import { backUpAtLock, backupHandlers } from './handlers/backup';
import { caseHandlers } from './handlers/cases';
import type { CoreContext } from './handlers/context';
import { conversationHandlers } from './handlers/conversations';
import { draftHandlers } from './handlers/drafts';
import { guardHandedOverCases } from './handlers/handedOverGuard';
import { handoverHandlers } from './handlers/handover';
import { exportHandlers } from './handlers/export';
import { followUpHandlers } from './handlers/followUps';
import { mediationHandlers } from './handlers/mediation';
import { outreachHandlers } from './handlers/outreach';
import { procedureHandlers } from './handlers/procedure';
import { publicationHandlers } from './handlers/publication';
import { retentionHandlers } from './handlers/retention';
import { settingsHandlers } from './handlers/settings';
import { teamHandlers } from './handlers/team';
import { vaultLifecycleHandlers } from './handlers/vaultLifecycle';
import { assembleHandlers } from './ipc/assembleHandlers';
import { createRouter, type Handlers, type Router } from './ipc/router';
import { createLogger, type Logger } from './log';
import { VaultRecords } from './restore/vaultRecord';
import { SettingsStore } from './settings/settingsStore';
import { noShell, type ShellServices } from './shell';
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

/** Wires the whole core together; the Electron shell, the tests and the browser harness all start here. */
export function createCore(options: CoreOptions): Core {
  // Every file and folder the core makes (the database and its WAL, backups, exports, the
  // publication) is the adviser's alone: 0600 and 0700, whatever SQLite or a library would choose.
  process.umask(0o077);
  const clock = options.clock ?? systemClock;
  const vault = new VaultSession(vaultFilesIn(join(options.dataDirectory, 'vault')), options, clock);
  const events = new CoreEvents();
  const context: CoreContext = {
    vault,
    db: () => vault.database(),
    records: new VaultRecords(vault),
    settings: new SettingsStore(join(options.dataDirectory, 'settings.json')),
    clock,
    today: () => localMinute(clock()).slice(0, 10),
    shell: options.shell ?? noShell,
    log: options.log ?? createLogger(),
    events,
    locks: new LockCoordinator(vault, events, options.lockDeadlineMs),
  };
  backUpAtLock(context);

  // Drafts' form saves take their save from this same table, so they pass the same guard.
  const handlers: Handlers = guardHandedOverCases(
    assembleHandlers(
      vaultLifecycleHandlers(context),
      settingsHandlers(context),
      backupHandlers(context),
      retentionHandlers(context),
      caseHandlers(context),
      conversationHandlers(context),
      mediationHandlers(context),
      followUpHandlers(context),
      draftHandlers(context, () => handlers),
      outreachHandlers(context),
      exportHandlers(context),
      teamHandlers(context),
      publicationHandlers(context),
      handoverHandlers(context),
      procedureHandlers(context),
      accessHandlers(context),
    ),
    context.db,
  );
  const router = createRouter(handlers, context.log, {
    onFailure(code) {
      if (code !== 'CORRUPT_VAULT' && code !== 'APP_DAMAGED') return;
      // Damage found mid-session closes the vault at once: nothing more is read from or written to it.
      if (code === 'CORRUPT_VAULT') vault.lock();
      events.emit({ type: 'damage', code });
    },
  });
  return { router, vault, settings: context.settings, events, requestLock: (reason) => context.locks.request(reason) };
}
