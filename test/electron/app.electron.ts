import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANARY } from '../fixtures/canaries';
import { addCase, createVault, goTo, lock, openCaseList, unlock } from '../e2e/steps';
import { temporaryDirectory } from '../support/temporaryDirectory';
import { electronBinary } from './electronBinary';

/**
 * The browser end-to-end steps on the real app: Electron itself, the built main bundle, the core
 * in its utility process, the Electron-ABI addon. Run with `npm run test:electron` where Electron
 * can be installed (the release workflow does, on Linux under xvfb, Windows and macOS).
 */
const root = resolve(__dirname, '../..');
const folder = temporaryDirectory();
const userData = join(folder.path, 'userData');
const backups = join(folder.path, 'backups');
const documents = join(folder.path, 'documents');
let app: ElectronApplication;
let page: Page;

beforeAll(async () => {
  for (const path of [userData, backups, documents]) mkdirSync(path, { recursive: true });
  app = await _electron.launch({ executablePath: electronBinary(), args: [root, `--user-data-dir=${userData}`], env: { ...process.env, LANG: 'nl_NL.UTF-8' } });
  page = await app.firstWindow();
  // The vault must land in the test's folder, never in the adviser's own profile.
  expect(await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))).toBe(userData);
  // Native dialogs cannot be clicked by a test: the shell's dialogs answer with the test's folders.
  await app.evaluate(
    ({ dialog }, folders) => {
      dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [folders.backups] })) as typeof dialog.showOpenDialog;
      dialog.showSaveDialog = (async (_window: unknown, options: { defaultPath?: string }) => ({
        canceled: false,
        filePath: `${folders.documents}/${(options?.defaultPath ?? 'export.json').split(/[\\/]/).pop()}`,
      })) as unknown as typeof dialog.showSaveDialog;
    },
    { backups, documents },
  );
}, 120_000);

afterAll(async () => {
  await app?.close();
  folder.remove();
});

describe('the real app in Electron', () => {
  it('creates a vault, adds a case, backs up from the core process, locks from the menu and unlocks', async () => {
    await createVault(page, CANARY.passphrase, 'Ombudsfunctionaris');
    await addCase(page, '2026-02-02T10:00', 'Anders');

    await goTo(page, 'Instellingen');
    await page.getByRole('button', { name: 'Map kiezen…' }).click();
    // The folder is saved as soon as it is chosen; the backup button counts only once it is shown.
    await page.getByTestId('backup-folder').filter({ hasText: backups }).waitFor();
    await page.getByRole('button', { name: 'Nu een back-up maken' }).click();
    await page.getByRole('status').filter({ hasText: 'Back-up gemaakt en gecontroleerd' }).waitFor();
    const [backup] = readdirSync(backups);
    expect(readdirSync(join(backups, backup!)).sort()).toEqual(['vault.db', 'vault.destructions.json', 'vault.header.json']);
    expect(readFileSync(join(backups, backup!, 'vault.db')).includes(Buffer.from(CANARY.passphrase))).toBe(false);

    // Vault › Lock, as Ctrl/Cmd+L would: the menu item goes through the core's one lock path.
    await app.evaluate(({ Menu }) => {
      const item = Menu.getApplicationMenu()
        ?.items.flatMap((entry) => entry.submenu?.items ?? [])
        .find((candidate) => candidate.accelerator === 'CmdOrCtrl+L');
      item?.click();
    });
    await page.getByRole('heading', { name: 'Kluis openen' }).waitFor();
    await unlock(page, CANARY.passphrase);
    await openCaseList(page);
    // Case numbers carry the year ("Zaak 2026-001"), as in the browser end-to-end tests.
    await page.getByRole('listitem').filter({ hasText: /Zaak \d{4}-001/ }).waitFor();
    await lock(page);
  });
});
