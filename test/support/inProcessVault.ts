import { createCore, type Core } from '../../electron/core/core';
import { createLogger } from '../../electron/core/log';
import type { VaultEvent } from '../../shared/events';
import { temporaryDirectory } from './temporaryDirectory';
import { testShell } from './testShell';

/**
 * For renderer tests under jsdom: installs `window.vault` (the jsdom global) wired to a real core on a real vault in
 * a temp folder, passing requests through a JSON round trip as the IPC boundary would.
 */
export function installInProcessVault(): { core: Core; dataDirectory: string; saved: string[]; nextFolder: (folder: string | null) => void; remove: () => void } {
  const folder = temporaryDirectory();
  // Save dialogs answer with a file in the same temp folder, so a test can read what was written.
  const dialogs = testShell(folder.path);
  const core = createCore({ dataDirectory: folder.path, log: createLogger(() => undefined), shell: dialogs.shell });
  Object.defineProperty(globalThis, 'vault', {
    configurable: true,
    value: {
      invoke: async (channel: unknown, request: unknown) =>
        JSON.parse(JSON.stringify(await core.router.handle(channel, JSON.parse(JSON.stringify(request ?? null))))),
      onEvent: (listener: (event: VaultEvent) => void) => core.events.on((event) => listener(JSON.parse(JSON.stringify(event)))),
    },
  });
  return {
    core,
    dataDirectory: folder.path,
    saved: dialogs.saved,
    /** The folder the next folder dialog answers with (a backup folder, say). */
    nextFolder: (chosen) => dialogs.nextFolder(chosen),
    remove: () => {
      core.vault.lock();
      folder.remove();
    },
  };
}
