import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, protocol, session } from 'electron';
import type { Result } from '../shared/errors';
import { createCore, type Core } from './core/core';
import type { ShellServices } from './core/shell';
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

let mainWindow: BrowserWindow | null = null;
const SHOW_ANYWAY_AFTER_MS = 5_000;

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

function routeIpc(core: Core) {
  ipcMain.handle('vault', (event, channel: unknown, request: unknown): Promise<Result<unknown>> | Result<never> => {
    if (!isAppUrl(event.senderFrame?.url)) return { ok: false, error: { code: 'UNKNOWN_CHANNEL' } };
    return core.router.handle(channel, request);
  });
}

function createWindow(core: Core) {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Confidant',
    webPreferences: webPreferences(join(__dirname, '../preload/preload.js'), app.isPackaged),
  });
  window.setContentProtection(core.settings.get().contentProtection);
  core.settings.onChange((settings) => window.setContentProtection(settings.contentProtection));
  window.once('ready-to-show', () => window.show());
  // A renderer that never signals ready must not leave the adviser without a window.
  setTimeout(() => {
    if (!window.isDestroyed() && !window.isVisible()) window.show();
  }, SHOW_ANYWAY_AFTER_MS);
  // Windows ends the session (log-off, shutdown) without a quit event the app can wait for.
  window.on('session-end', () => core.vault.lock());
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadURL(APP_ENTRY);
  return window;
}

const LOCK_LABEL = { nl: { menu: 'Kluis', lock: 'Vergrendelen' }, en: { menu: 'Vault', lock: 'Lock' } } as const;

function installMenu(core: Core) {
  // Edit commands and Lock: no reload, no DevTools entry, nothing that could leave the app.
  const label = LOCK_LABEL[core.settings.get().language];
  const vaultMenu: Electron.MenuItemConstructorOptions = {
    label: label.menu,
    submenu: [{ label: label.lock, accelerator: 'CmdOrCtrl+L', click: () => core.vault.lock() }],
  };
  const template: Electron.MenuItemConstructorOptions[] =
    process.platform === 'darwin' ? [{ role: 'appMenu' }, vaultMenu, { role: 'editMenu' }, { role: 'windowMenu' }] : [vaultMenu, { role: 'editMenu' }];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** The adviser's own save dialog and the window's PDF: the only ways the core reaches the file system outside its vault. */
const shell: ShellServices = {
  async chooseSavePath(suggestedName) {
    if (!mainWindow) return null;
    const result = await dialog.showSaveDialog(mainWindow, { defaultPath: join(app.getPath('documents'), suggestedName) });
    return result.canceled || !result.filePath ? null : result.filePath;
  },
  async chooseFolder(purpose) {
    if (!mainWindow) return null;
    const result = await dialog.showOpenDialog(mainWindow, {
      properties: purpose === 'backupFolder' ? ['openDirectory', 'createDirectory'] : ['openDirectory'],
      defaultPath: app.getPath('documents'),
    });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
  async printToPdf() {
    if (!mainWindow) throw new Error('no window');
    return mainWindow.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
  },
};

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  void app.whenReady().then(() => {
    const core = createCore({
      dataDirectory: app.getPath('userData'),
      nativeBinding: electronNativeBinding({
        isPackaged: app.isPackaged,
        appPath: app.getAppPath(),
        resourcesPath: process.resourcesPath,
        arch: process.arch,
      }),
      shell,
    });
    hardenSession();
    serveRenderer(join(__dirname, '../renderer'));
    routeIpc(core);
    installMenu(core);
    core.settings.onChange(() => installMenu(core));
    installLockTriggers(powerMonitor, () => core.vault.lock(), () => core.settings.get().idleLockMinutes);
    app.on('before-quit', () => core.vault.lock());
    app.on('window-all-closed', () => {
      core.vault.lock();
      app.quit();
    });
    mainWindow = createWindow(core);
  });
}
