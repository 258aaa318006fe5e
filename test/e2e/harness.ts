import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createCore, type Core } from '../../electron/core/core';
import { createLogger } from '../../electron/core/log';
import type { ShellServices } from '../../electron/core/shell';
import type { VaultEvent } from '../../shared/events';
import { resolveBuildPath, responseHeaders } from '../../electron/security';
import {
  CHART_CAPTURE_FUNCTION,
  PRINT_FOOTER_TEMPLATE,
  PRINT_HEADER_TEMPLATE,
  PRINT_MARGINS_MM,
  PRINT_STATE_ATTRIBUTE,
} from '../../shared/publication/printLayout';
import { temporaryDirectory } from '../support/temporaryDirectory';

const RENDERER_BUILD = resolve(__dirname, '../../out/renderer');
/**
 * Chromium only lets Playwright answer http(s) requests, so the harness stands in for the shell's
 * app:// origin with a fixed https origin that never reaches a network: every request is answered here.
 */
export const HARNESS_ORIGIN = 'https://confidant.test';
/**
 * What the preload exposes, as page script: `window.vault.invoke` forwarding to the binding. Kept
 * as source text because tools that rewrite functions (tsx names them) would break a serialised one.
 */
const BRIDGE_SCRIPT = `(() => {
  const invoke = globalThis.__confidantInvoke;
  const listeners = new Set();
  Object.defineProperty(globalThis, '__confidantEvent', { value: (event) => { for (const listener of listeners) listener(event); } });
  Object.defineProperty(globalThis, 'vault', {
    value: Object.freeze({
      invoke: (channel, request) => invoke(channel, request),
      onEvent: (listener) => { listeners.add(listener); return () => listeners.delete(listener); },
    }),
  });
})();`;

export const SCREENSHOTS = resolve(__dirname, '../../test-results/screenshots');

/** Debian's Chromium unless CHROMIUM_PATH names another; a missing browser fails loudly, never skips. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error('No Chromium found: install Debian\'s "chromium" package or set CHROMIUM_PATH.');
  return found;
}

export interface RunningApp {
  page: Page;
  core: Core;
  dataDirectory: string;
  logLines: string[];
  /** Every path the shell's save dialog handed out, in order. */
  savedFiles: string[];
  /** What the next folder dialog answers (null: the adviser cancels). */
  answerNextFolderDialog(folder: string | null): void;
  /**
   * The core dies without a lock and main starts a new one on the same data folder, telling the
   * window "locked" (electron/coreProcess/coreClient.ts); `core` is the new one from then on.
   */
  replaceCore(): void;
  /** Opens the app again on the same data folder, as a restart would. */
  reopen(): Promise<void>;
  /** Moves the core's clock, fixed by `now` at launch, to another moment: days pass for the core, not for the page. */
  moveClock(to: Date): void;
  screenshot(name: string): Promise<void>;
  /** The renderer's print route in a page of its own, as the shell renders it off-screen; rendered when it resolves. */
  openPrintRoute(route: string): Promise<Page>;
  close(): Promise<void>;
}

/** A folder for backups beside the app's data folder, made empty and ready for the folder dialog to answer with. */
export function backupFolderBeside(app: RunningApp): string {
  const folder = join(app.dataDirectory, '..', `${basename(app.dataDirectory)}-backups`);
  mkdirSync(folder, { recursive: true });
  return folder;
}

let browser: Browser | null = null;

const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function sharedBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({ executablePath: chromiumPath(), args: BROWSER_ARGS });
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = null;
}

/**
 * The built renderer in real Chromium, with the same `window.vault` bridge the preload exposes,
 * wired through exposeBinding straight to the real core on a real vault in a temp folder.
 * Files come from the build under the shell's own origin and CSP; every other request is refused.
 */
/**
 * `now` fixes the core's clock (the day a period is over, the export date); the page keeps the
 * real clock unless `clock` installs Playwright's.
 */
/**
 * `profileDirectory` keeps Chromium's profile on disk there (cache, storage, session), as the
 * Electron app keeps its own, so a test can read every byte the window left behind.
 */
export async function launchApp(
  options: { clock?: boolean; dataDirectory?: string; now?: Date; profileDirectory?: string; viewport?: { width: number; height: number } } = {},
): Promise<RunningApp> {
  if (!existsSync(join(RENDERER_BUILD, 'index.html'))) throw new Error('Build the renderer first: npx electron-vite build');
  const folder = temporaryDirectory();
  const logLines: string[] = [];
  let context: BrowserContext;
  let page!: Page;
  const savedFiles: string[] = [];
  const folderAnswers: (string | null)[] = [];
  // The shell's save dialog answers with a file in the test's folder; its PDF is Chromium's own.
  const shell: ShellServices = {
    async chooseSavePath(suggestedName) {
      const path = join(folder.path, 'saved', suggestedName);
      mkdirSync(dirname(path), { recursive: true });
      savedFiles.push(path);
      return path;
    },
    async chooseFolder() {
      return folderAnswers.shift() ?? null;
    },
    // The same route, page size, footer and chart capture as main's off-screen window, in Chromium's PDF engine.
    async renderReport(route) {
      const printPage = await openPrintRoute(route);
      try {
        const margin = Object.fromEntries(Object.entries(PRINT_MARGINS_MM).map(([side, value]) => [side, `${value}mm`]));
        const pdf = await printPage.pdf({ format: 'A4', printBackground: true, displayHeaderFooter: true, headerTemplate: PRINT_HEADER_TEMPLATE, footerTemplate: PRINT_FOOTER_TEMPLATE, margin });
        const charts = (await printPage.evaluate(`window.${CHART_CAPTURE_FUNCTION}()`)) as { id: string; dataUrl: string }[];
        return { pdf, charts: charts.map((chart) => ({ id: chart.id, png: Buffer.from(chart.dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64') })) };
      } finally {
        await printPage.close();
      }
    },
  };

  async function openPrintRoute(route: string): Promise<Page> {
    const printPage = await context.newPage();
    await printPage.goto(`${HARNESS_ORIGIN}/index.html${route}`);
    await printPage.waitForSelector(`html[${PRINT_STATE_ATTRIBUTE}]`);
    const state = await printPage.getAttribute('html', PRINT_STATE_ATTRIBUTE);
    if (state !== 'ready') throw new Error(`print route ${route} ended ${state}`);
    return printPage;
  }
  // The core's events reach the page as main relays them to the window.
  const tellPage = (event: VaultEvent) => {
    void page.evaluate((sent) => (globalThis as unknown as { __confidantEvent: (event: unknown) => void }).__confidantEvent(sent), event).catch(() => undefined);
  };
  let silenceCore = () => {};
  let now = options.now;
  const startCore = () => {
    const started = createCore({
      dataDirectory: options.dataDirectory ?? folder.path,
      log: createLogger((line) => logLines.push(line)),
      shell,
      ...(now ? { clock: () => now! } : {}),
    });
    const unsubscribe = started.events.on(tellPage);
    silenceCore = () => void unsubscribe();
    return started;
  };
  let core = startCore();

  async function open() {
    const contextOptions = { viewport: options.viewport ?? { width: 1280, height: 800 }, locale: 'nl-NL' };
    context = options.profileDirectory
      ? await chromium.launchPersistentContext(options.profileDirectory, { ...contextOptions, executablePath: chromiumPath(), args: BROWSER_ARGS })
      : await (await sharedBrowser()).newContext(contextOptions);
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      const file = url.origin === HARNESS_ORIGIN ? resolveBuildPath(RENDERER_BUILD, url.pathname) : null;
      if (!file || !existsSync(file)) return route.abort('blockedbyclient');
      return route.fulfill({ status: 200, headers: responseHeaders(file), body: readFileSync(file) });
    });
    await context.exposeBinding('__confidantInvoke', (_source, channel: unknown, request: unknown) => core.router.handle(channel, request));
    await context.addInitScript({ content: BRIDGE_SCRIPT });
    page = context.pages()[0] ?? (await context.newPage());
    if (options.clock) await page.clock.install();
    await page.goto(`${HARNESS_ORIGIN}/index.html`);
  }

  await open();
  return {
    get page() {
      return page;
    },
    get core() {
      return core;
    },
    dataDirectory: options.dataDirectory ?? folder.path,
    logLines,
    savedFiles,
    answerNextFolderDialog(folder) {
      folderAnswers.push(folder);
    },
    replaceCore() {
      // As the operating system ends a killed process: its key and files go, and nothing of the
      // lock path runs (no "locking" to the window, no save before the lock).
      silenceCore();
      core.vault.lock();
      core = startCore();
      tellPage({ type: 'locked', reason: 'internal' });
    },
    async reopen() {
      await context.close();
      await open();
    },
    moveClock(to) {
      if (!now) throw new Error('moveClock needs a core launched with `now`');
      now = to;
    },
    async screenshot(name) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
    openPrintRoute,
    async close() {
      core.vault.lock();
      await context.close();
      folder.remove();
    },
  };
}
