import { afterAll, beforeAll, describe, it } from 'vitest';
import { lock } from '../e2e/steps';
import { temporaryDirectory } from '../support/temporaryDirectory';
import { createCaseAndConversation, lockAndUnlock, lockWhenIdle, type WalkedApp } from './adviserWalk';
import { installedApp, NO_INSTALLED_APP_MESSAGE } from './installedApp';
import { launchInstalled, prepareFolders, screenshotter } from './launch';
import { expectSandboxedRenderers } from './linuxSandbox';

/**
 * The app as users install it: the .deb's binary in /opt on Linux (with the kernel's restriction
 * on user namespaces left on), the built .app on macOS (fuses flipped, ad-hoc signature reset),
 * the packaged .exe on Windows, started without any switch that weakens it. The release workflow
 * names it in CONFIDANT_INSTALLED_APP after building the installers.
 */
const executable = installedApp();

describe.skipIf(!executable)(`the installed app (${executable ?? NO_INSTALLED_APP_MESSAGE})`, () => {
  let folder: ReturnType<typeof temporaryDirectory>;
  let running: Awaited<ReturnType<typeof launchInstalled>>;
  let walked: WalkedApp;

  beforeAll(async () => {
    folder = temporaryDirectory();
    running = await launchInstalled(executable!, prepareFolders(folder.path));
    walked = { page: running.page, screenshot: screenshotter(running.page, 'installed') };
  }, 120_000);

  afterAll(async () => {
    await running?.close();
    folder?.remove();
  });

  it('creates a vault, a case and a conversation in its packaged core and addon', async () => {
    await createCaseAndConversation(walked);
  });

  it.runIf(process.platform === 'linux')('runs its renderers in Chromium’s sandbox, with the kernel’s user-namespace restriction as Ubuntu ships it', () => {
    expectSandboxedRenderers(running.pid);
  });

  it('locks from the window and unlocks', async () => {
    await lockAndUnlock(walked, () => lock(walked.page));
  });

  it('locks after an idle minute', async () => {
    await lockWhenIdle(walked);
  });
});
