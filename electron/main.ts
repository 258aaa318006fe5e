import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, protocol, session, utilityProcess } from 'electron';
import { DEFAULT_SETTINGS, isChannel, type Settings } from '../shared/contract';
import type { Result } from '../shared/errors';
import { EVENT_CHANNEL } from '../shared/events';
import { askBeforeClosingDirtyForms } from './closeQuestion';
import { CoreClient } from './coreProcess/coreClient';
import { coreProcessEnvironment } from './coreProcess/freedMemory';
import { PRINT_ROUTE, type CoreProcessHandle, type ShellMethod } from './coreProcess/protocol';
import { moveDataFolderOnce } from './dataFolderMove';
import {
  CHART_CAPTURE_FUNCTION,
  PRINT_FOOTER_TEMPLATE,
  PRINT_HEADER_TEMPLATE,
  PRINT_MARGINS_MM,
  PRINT_STATE_ATTRIBUTE,
} from '../shared/publication/printLayout';
import { watchLinuxScreenLock } from './linuxScreenLock';
import { installLockTriggers } from './lockTriggers';
import { electronNativeBinding } from './nativeBinding';
import {
  APP_ENTRY,
  APP_SCHEME,
  isAllowedRequestUrl,
  isAppUrl,
  resolveAppFile,
  responseHeaders,
  webPreferences,
} from './security';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);
app.enableSandbox();

/**
 * Windows: the app's data in local app data, never the roaming profile, which folder redirection
 * puts on a network share (README, "Where the vault lives"); a --user-data-dir given is kept. Set
 * before the single-instance lock and Chromium's profile, which live in the same folder.
 */
const roamingDataFolder = process.platform === 'win32' && process.env.LOCALAPPDATA && !app.commandLine.hasSwitch('user-data-dir') ? app.getPath('userData') : null;
if (roamingDataFolder) app.setPath('userData', join(process.env.LOCALAPPDATA!, app.getName()));

let mainWindow: BrowserWindow | null = null;
/** The off-screen windows the report document is rendered in, while publications are saved. */
const printWindows = new Set<Electron.WebContents>();
const SHOW_ANYWAY_AFTER_MS = 5_000;
const PRINT_READY_TIMEOUT_MS = 30_000;
const PRELOAD = () => join(__dirname, '../preload/preload.js');

function serveRenderer(rendererDirectory: string) {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(rendererDirectory, request.url);
    if (!file) return new Response(null, { status: 404 });
    try {
      return new Response(await readFile(file), { headers: responseHeaders(file) });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}

function hardenSession() {
  const defaultSession = session.defaultSession;
  defaultSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequestUrl(details.url) }));
  defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  defaultSession.setPermissionCheckHandler(() => false);
  defaultSession.setSpellCheckerEnabled(false);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

function routeIpc(core: CoreClient) {
  // The core process parses every request against the contract before any handler runs; main
  // refuses what did not come from the app's own page or names no channel at all.
  ipcMain.handle('vault', (event, channel: unknown, request: unknown): Promise<Result<unknown>> | Result<never> => {
    if (!isAppUrl(event.senderFrame?.url) || !isChannel(channel)) return { ok: false, error: { code: 'UNKNOWN_CHANNEL' } };
    // The print window only reads the document it prints: the annual report or an access dossier.
    if (printWindows.has(event.sender) && channel !== 'team.document' && channel !== 'access.printedDossier') return { ok: false, error: { code: 'UNKNOWN_CHANNEL' } };
    return core.invoke(channel, request);
  });
  core.onEvent((event) => mainWindow?.webContents.send(EVENT_CHANNEL, event));
}

function createWindow(core: CoreClient) {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Confidant',
    webPreferences: webPreferences(PRELOAD(), app.isPackaged),
  });
  const protect = (settings: Settings | null) => window.setContentProtection((settings ?? DEFAULT_SETTINGS).contentProtection);
  protect(core.settings);
  core.onSettings(protect);
  window.once('ready-to-show', () => window.show());
  // A renderer that never signals ready must not leave the adviser without a window.
  setTimeout(() => {
    if (!window.isDestroyed() && !window.isVisible()) window.show();
  }, SHOW_ANYWAY_AFTER_MS);
  // Windows ends the session (log-off, shutdown) without a quit event the app can wait for.
  window.on('session-end', () => void core.requestLock('sessionEnd'));
  askBeforeClosingDirtyForms(window, dialog, () => (core.settings ?? DEFAULT_SETTINGS).language, () => core.requestLock('windowClosing'));
  window.on('closed', () => {
    mainWindow = null;
  });
  recoverRenderer(window, core);
  void window.loadURL(APP_ENTRY);
  return window;
}

/** A renderer that keeps dying is left dead rather than reloaded in a loop. */
const RELOAD_PAUSE_MS = 10_000;

/**
 * A dead renderer cannot save or be told anything: the vault locks at once, as for a closed
 * window, and only then does the page load again, so it opens on the unlock screen. A page that
 * loads again while the core has stopped for good (the window's restart offer reloads it) starts
 * a fresh core.
 */
function recoverRenderer(window: BrowserWindow, core: CoreClient) {
  let reloadedAt = -Infinity;
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || Date.now() - reloadedAt < RELOAD_PAUSE_MS) return;
    reloadedAt = Date.now();
    void core.requestLock('windowClosed').then(() => {
      if (!window.isDestroyed()) void window.loadURL(APP_ENTRY);
    });
  });
  window.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) core.restartAfterStop();
  });
}

const LOCK_LABEL = { nl: { menu: 'Kluis', lock: 'Vergrendelen' }, en: { menu: 'Vault', lock: 'Lock' } } as const;

function installMenu(core: CoreClient) {
  // Edit commands and Lock: no reload, no DevTools entry, nothing that could leave the app.
  const label = LOCK_LABEL[(core.settings ?? DEFAULT_SETTINGS).language];
  const vaultMenu: Electron.MenuItemConstructorOptions = {
    label: label.menu,
    submenu: [{ label: label.lock, accelerator: 'CmdOrCtrl+L', click: () => void core.requestLock('menu') }],
  };
  const template: Electron.MenuItemConstructorOptions[] =
    process.platform === 'darwin' ? [{ role: 'appMenu' }, vaultMenu, { role: 'editMenu' }, { role: 'windowMenu' }] : [vaultMenu, { role: 'editMenu' }];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

const mm = (value: number) => value / 25.4;

async function printState(window: BrowserWindow): Promise<string> {
  const deadline = Date.now() + PRINT_READY_TIMEOUT_MS;
  for (;;) {
    const state = (await window.webContents.executeJavaScript(`document.documentElement.getAttribute('${PRINT_STATE_ATTRIBUTE}')`)) as string | null;
    if (state) return state;
    if (Date.now() > deadline) return 'timeout';
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const PNG_DATA_URL = 'data:image/png;base64,';

/**
 * The report document on the renderer's print route, in a window that is never shown: printed to
 * PDF with page numbers, and its charts as PNG (for Word). The window can only read the document.
 */
async function renderReport(route: string): Promise<{ pdf: Uint8Array; charts: { id: string; png: Uint8Array }[] }> {
  if (!PRINT_ROUTE.test(route)) throw new Error('not a print route');
  const window = new BrowserWindow({ show: false, width: 1000, height: 1400, webPreferences: webPreferences(PRELOAD(), app.isPackaged) });
  const contents = window.webContents;
  printWindows.add(contents);
  try {
    await window.loadURL(`${APP_ENTRY}${route}`);
    if ((await printState(window)) !== 'ready') throw new Error('the print route did not render');
    const pdf = await window.webContents.printToPDF({
      printBackground: true,
      pageSize: 'A4',
      displayHeaderFooter: true,
      headerTemplate: PRINT_HEADER_TEMPLATE,
      footerTemplate: PRINT_FOOTER_TEMPLATE,
      margins: { top: mm(PRINT_MARGINS_MM.top), bottom: mm(PRINT_MARGINS_MM.bottom), left: mm(PRINT_MARGINS_MM.left), right: mm(PRINT_MARGINS_MM.right) },
    });
    const charts = (await window.webContents.executeJavaScript(`window.${CHART_CAPTURE_FUNCTION}()`)) as { id: string; dataUrl: string }[];
    return {
      pdf: new Uint8Array(pdf),
      charts: charts.filter((chart) => chart.dataUrl.startsWith(PNG_DATA_URL)).map((chart) => ({ id: chart.id, png: new Uint8Array(Buffer.from(chart.dataUrl.slice(PNG_DATA_URL.length), 'base64')) })),
    };
  } finally {
    printWindows.delete(contents);
    window.destroy();
  }
}

/** The adviser's own save dialog and the rendered report: the only ways the core reaches the file system outside its vault. */
async function shellService(method: ShellMethod, argument: string | null): Promise<unknown> {
  if (!mainWindow) return null;
  switch (method) {
    case 'chooseSavePath': {
      const result = await dialog.showSaveDialog(mainWindow, { defaultPath: join(app.getPath('documents'), argument ?? '') });
      return result.canceled || !result.filePath ? null : result.filePath;
    }
    case 'chooseFolder': {
      const result = await dialog.showOpenDialog(mainWindow, {
        properties: argument === 'backupFolder' ? ['openDirectory', 'createDirectory'] : ['openDirectory'],
        defaultPath: app.getPath('documents'),
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    }
    case 'renderReport':
      return renderReport(argument ?? '');
  }
}

function forkCore(): CoreProcessHandle {
  const child = utilityProcess.fork(join(__dirname, 'coreProcess.js'), [], { serviceName: 'Confidant core', env: coreProcessEnvironment(process.env) });
  return {
    postMessage: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', listener),
    kill: () => child.kill(),
  };
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  void app.whenReady().then(() => {
    // Only this instance holds the lock, and the core has not opened anything yet: the vault left in
    // the roaming folder moves now, or stays and is used there until a verified move succeeds.
    const dataDirectory = roamingDataFolder ? moveDataFolderOnce(roamingDataFolder, app.getPath('userData')).folder : app.getPath('userData');
    const core = new CoreClient({
      fork: forkCore,
      dataDirectory,
      nativeBinding: electronNativeBinding({
        isPackaged: app.isPackaged,
        appPath: app.getAppPath(),
        resourcesPath: process.resourcesPath,
        arch: process.arch,
      }),
      shell: shellService,
    });
    hardenSession();
    serveRenderer(join(__dirname, '../renderer'));
    routeIpc(core);
    installMenu(core);
    core.onSettings(() => installMenu(core));
    installLockTriggers(powerMonitor, (reason) => void core.requestLock(reason), () => (core.settings ?? DEFAULT_SETTINGS).idleLockMinutes);
    // Electron reports a locked screen on macOS and Windows only; Linux desktops say it on D-Bus.
    if (process.platform === 'linux') watchLinuxScreenLock(() => void core.requestLock('screenLock'));
    let lockedForQuit = false;
    // Quitting waits for the lock (and its automatic backup) before the core process ends.
    app.on('before-quit', (event) => {
      if (lockedForQuit) return;
      event.preventDefault();
      void core.requestLock('quit').finally(() => {
        lockedForQuit = true;
        core.stop();
        app.quit();
      });
    });
    app.on('window-all-closed', () => {
      void core.requestLock('windowClosed').finally(() => app.quit());
    });
    mainWindow = createWindow(core);
  });
}
