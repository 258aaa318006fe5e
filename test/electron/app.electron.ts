import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElectronApplication, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANARY } from '../fixtures/canaries';
import { temporaryDirectory } from '../support/temporaryDirectory';
import { backUpExportAndPublish, createCaseAndConversation, lockAndUnlock, lockWhenIdle, type WalkedApp } from './adviserWalk';
import { launchDevelopment, prepareFolders, screenshotter } from './launch';
import { expectSandboxedRenderers } from './linuxSandbox';

/**
 * The end-to-end steps on the real app in development form: Electron from node_modules, the built
 * main bundle, the core in its utility process, the Electron-ABI addon, Electron's own PDF
 * printing. Main is reachable here, so the native dialogs answer and the menu is clicked; the
 * installed app's run (installed.electron.ts) covers what a user installs.
 */
const folder = temporaryDirectory();
const folders = prepareFolders(folder.path);
let app: ElectronApplication;
let page: Page;
let walked: WalkedApp;

beforeAll(async () => {
  ({ app, page } = await launchDevelopment(folders));
  // The vault must land in the test's folder, never in the adviser's own profile.
  expect(await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))).toBe(folders.userData);
  walked = { page, screenshot: screenshotter(page, 'development') };
}, 120_000);

afterAll(async () => {
  await app?.close();
  folder.remove();
});

/** Vault › Lock, as Ctrl/Cmd+L would: the menu item goes through the core's one lock path. */
async function lockFromMenu(): Promise<void> {
  await app.evaluate(({ Menu }) => {
    const item = Menu.getApplicationMenu()
      ?.items.flatMap((entry) => entry.submenu?.items ?? [])
      .find((candidate) => candidate.accelerator === 'CmdOrCtrl+L');
    item?.click();
  });
}

describe('the real app in Electron, from node_modules', () => {
  it('creates a vault, a case and a conversation', async () => {
    await createCaseAndConversation(walked);
  });

  it.runIf(process.platform === 'linux')('runs its renderers in Chromium’s sandbox, under the restriction on user namespaces', () => {
    expectSandboxedRenderers(app.process().pid!);
  });

  it('locks from the Vault menu and unlocks', async () => {
    await lockAndUnlock(walked, lockFromMenu);
  });

  it('backs up from the core process, exports the year and publishes the report as PDF', async () => {
    await backUpExportAndPublish(walked, folders);
    expect(readFileSync(join(folders.userData, 'vault', 'vault.db')).includes(Buffer.from(CANARY.passphrase))).toBe(false);
  });

  it('locks after an idle minute', async () => {
    await lockWhenIdle(walked);
  });
});
