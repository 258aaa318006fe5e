import { createCore, type Core } from '../../electron/core/core';
import { createLogger } from '../../electron/core/log';
import { temporaryDirectory } from './temporaryDirectory';

/**
 * For renderer tests under jsdom: installs `window.vault` (the jsdom global) wired to a real core on a real vault in
 * a temp folder, passing requests through a JSON round trip as the IPC boundary would.
 */
export function installInProcessVault(): { core: Core; dataDirectory: string; remove: () => void } {
  const folder = temporaryDirectory();
  const core = createCore({ dataDirectory: folder.path, log: createLogger(() => undefined) });
  Object.defineProperty(globalThis, 'vault', {
    configurable: true,
    value: {
      invoke: async (channel: unknown, request: unknown) =>
        JSON.parse(JSON.stringify(await core.router.handle(channel, JSON.parse(JSON.stringify(request ?? null))))),
    },
  });
  return {
    core,
    dataDirectory: folder.path,
    remove: () => {
      core.vault.lock();
      folder.remove();
    },
  };
}
