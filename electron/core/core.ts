import { join } from 'node:path';
import { createCase, listCases } from './cases/caseRepository';
import { systemClock, type Clock } from './clock';
import { createRouter, type Handlers, type Router } from './ipc/router';
import { createLogger, type Logger } from './log';
import { SettingsStore } from './settings/settingsStore';
import { VaultSession, type VaultSessionOptions } from './vault/vaultSession';
import { vaultFilesIn } from './vault/vaultFiles';

export interface CoreOptions extends VaultSessionOptions {
  /** Where the vault and the settings live: Electron's userData folder, or a temp dir in tests. */
  dataDirectory: string;
  clock?: Clock;
  log?: Logger;
}

export interface Core {
  router: Router;
  vault: VaultSession;
  settings: SettingsStore;
}

/** Wires the whole core together; the Electron shell, the tests and the browser harness all start here. */
export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock;
  const vault = new VaultSession(vaultFilesIn(join(options.dataDirectory, 'vault')), options);
  const settings = new SettingsStore(join(options.dataDirectory, 'settings.json'));
  const empty = {};

  const handlers: Handlers = {
    'vault.status': () => vault.status(),
    'vault.create': async ({ passphrase }) => ({ recoveryKey: await vault.create(passphrase) }),
    'vault.unlock': async ({ passphrase }) => {
      await vault.unlock(passphrase);
      return empty;
    },
    'vault.recover': async ({ recoveryKey, newPassphrase }) => {
      await vault.recover(recoveryKey, newPassphrase);
      return empty;
    },
    'vault.lock': () => {
      vault.lock();
      return empty;
    },
    'settings.get': () => settings.get(),
    'settings.update': (changes) => settings.update(changes),
    'cases.list': () => listCases(vault.database()),
    'cases.create': (input) => createCase(vault.database(), input, clock),
  };

  return { router: createRouter(handlers, options.log ?? createLogger()), vault, settings };
}
