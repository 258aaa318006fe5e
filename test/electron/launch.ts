import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { _electron, chromium, type ElectronApplication, type Page } from 'playwright-core';
import { SCREENSHOTS } from '../e2e/harness';
import { electronBinary } from './electronBinary';

const root = resolve(__dirname, '../..');
const START_TIMEOUT_MS = 60_000;

export interface Folders {
  userData: string;
  backups: string;
  documents: string;
}

/**
 * A fresh data folder for the app. A runner nobody touches has been idle since it booted, so the
 * main process's system-idle trigger would lock the vault in the middle of a step at the default
 * ten minutes: the settings start at the maximum, and the idle step sets one minute itself.
 */
export function prepareFolders(base: string): Folders {
  const folders = { userData: join(base, 'userData'), backups: join(base, 'backups'), documents: join(base, 'documents') };
  for (const path of Object.values(folders)) mkdirSync(path, { recursive: true });
  writeFileSync(join(folders.userData, 'settings.json'), JSON.stringify({ idleLockMinutes: 240 }));
  return folders;
}

export function screenshotter(page: Page, run: string): (name: string) => Promise<void> {
  const folder = join(SCREENSHOTS, `electron-${run}-${process.platform}-${process.arch}`);
  return async (name) => {
    mkdirSync(folder, { recursive: true });
    await page.screenshot({ path: join(folder, `${name}.png`) });
  };
}

/**
 * Electron from node_modules running the built bundle, with Playwright in the main process: the
 * shell's native dialogs answer with the test's folders (a test cannot click them) and the menu
 * can be clicked. A packaged app cannot be driven so: its fuses refuse the inspector Playwright
 * attaches to the main process with.
 */
export async function launchDevelopment(folders: Folders): Promise<{ app: ElectronApplication; page: Page }> {
  // Playwright would add --no-sandbox on Linux unless told the sandbox stays.
  const app = await _electron.launch({
    executablePath: electronBinary(),
    args: [root, `--user-data-dir=${folders.userData}`],
    env: { ...process.env, LANG: 'nl_NL.UTF-8' },
    chromiumSandbox: true,
  });
  await app.evaluate(
    ({ dialog }, answers) => {
      dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [answers.backups] })) as typeof dialog.showOpenDialog;
      dialog.showSaveDialog = (async (_window: unknown, options: { defaultPath?: string }) => ({
        canceled: false,
        filePath: `${answers.documents}/${(options?.defaultPath ?? 'export.json').split(/[\\/]/).pop()}`,
      })) as unknown as typeof dialog.showSaveDialog;
    },
    { backups: folders.backups, documents: folders.documents },
  );
  return { app, page: await app.firstWindow() };
}

async function poll<T>(what: string, probe: () => T | null | undefined | Promise<T | null | undefined>, failed: () => string | null): Promise<T> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const failure = failed();
    if (failure) throw new Error(failure);
    const found = await probe();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

/**
 * The app as a user installed it (its fused, packaged binary), started as a user starts it, with
 * its sandbox and no test switches but a data folder and Chromium's DevTools port, through which
 * Playwright drives the window. Nothing reaches the main process, so native dialogs cannot be
 * answered: the steps that need one run in the development launch.
 */
export async function launchInstalled(executable: string, folders: Folders): Promise<{ page: Page; pid: number; close(): Promise<void> }> {
  if (!existsSync(executable)) throw new Error(`No installed app at ${executable}.`);
  const child = spawn(executable, [`--user-data-dir=${folders.userData}`, '--remote-debugging-port=0'], {
    env: { ...process.env, LANG: 'nl_NL.UTF-8' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = () => (child.exitCode !== null || child.signalCode !== null ? `The installed app exited (${child.exitCode ?? child.signalCode}) before its window opened:\n${output}` : null);
  try {
    // Chromium writes the port it chose into the data folder.
    const portFile = join(folders.userData, 'DevToolsActivePort');
    const port = await poll('the DevTools port', () => (existsSync(portFile) ? readFileSync(portFile, 'utf8').split('\n')[0] : null), exited);
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    const page = await poll('the app window', () => browser.contexts().flatMap((context) => context.pages()).find((candidate) => candidate.url().startsWith('app://')), exited);
    return {
      page,
      pid: child.pid!,
      async close() {
        await browser.close();
        if (child.exitCode !== null) return;
        const gone = new Promise((done) => child.once('exit', done));
        // Quitting locks the vault first; a quit that hangs is ended after a while.
        child.kill();
        const forced = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await gone;
        clearTimeout(forced);
      },
    };
  } catch (error) {
    child.kill();
    throw error;
  }
}
