import Module, { createRequire } from 'node:module';
import { APP_ENTRY } from '../../electron/security';
import type { VaultEvent } from '../../shared/events';
import type { electronStandIn } from './electronStandIn';

type ModuleLoader = { _load: (request: string, ...rest: unknown[]) => unknown };
type StandIn = ReturnType<typeof electronStandIn>;

/**
 * Loads a built main bundle under Node with the stand-in answering `require('electron')`, and
 * plays the window's part of the lock path (its preload hears "locking" and answers once saved).
 * Returns what a test calls through the shell's `vault` handler, and the unload.
 */
export function loadShell(bundle: string, standIn: StandIn) {
  const loader = Module as unknown as ModuleLoader;
  const load = loader._load;
  loader._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? standIn.electron : load.call(this, request, ...rest);
  };
  createRequire(__filename)(bundle);
  standIn.onWindowMessage((channel, payload) => {
    if (channel === 'vault-event' && (payload as VaultEvent).type === 'locking') void standIn.invoke('vault.lockReady', {}, APP_ENTRY);
  });
  return {
    async ok<T = unknown>(channel: string, request: unknown): Promise<T> {
      const result = await standIn.invoke(channel, request, APP_ENTRY);
      if (!result.ok) throw new Error(`${channel} failed with ${result.error?.code}`);
      return result.value as T;
    },
    unload() {
      standIn.closeAllWindows();
      for (const { handle } of standIn.coreProcesses) handle.kill();
      loader._load = load;
    },
  };
}
