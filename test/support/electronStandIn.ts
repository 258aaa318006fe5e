import { basename, join } from 'node:path';
import type { CoreProcessHandle } from '../../electron/coreProcess/protocol';
import { forkNodeCore } from './nodeCoreProcess';

type Listener = (...args: unknown[]) => unknown;

/** A 1×1 PNG: what the stand-in's print route "draws" for each chart. */
const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/**
 * A recording stand-in for the `electron` module, enough for the built main bundle to start
 * under plain Node: it keeps what the shell registers (IPC handlers, app and power events, window
 * options) and answers the dialogs with folders the test owns. Electron itself cannot be
 * downloaded on the build machines.
 */
export function electronStandIn(folders: { appPath: string; userData: string; documents: string; chosenFolder: () => string; isPackaged?: boolean }) {
  const ipcHandlers = new Map<string, Listener>();
  const appEvents = new Map<string, Listener[]>();
  const windows: BrowserWindow[] = [];
  /** Runs while main waits for a print route to render, with a way to call main as that window. */
  let printWindowProbe: ((window: BrowserWindow) => Promise<void>) | null = null;
  const powerEvents = new Map<string, Listener[]>();
  const windowEvents = new Map<string, Listener[]>();
  const contentsEvents = new Map<string, Listener[]>();
  /** What the next message boxes answer (button index), and every box shown. */
  const messageBoxAnswers: number[] = [];
  const messageBoxes: { buttons: string[]; message: string }[] = [];
  /** What main sent to the window on each channel, in order. */
  const sentToWindow: { channel: string; payload: unknown }[] = [];
  const windowListeners = new Set<(channel: string, payload: unknown) => void>();
  /** Every core process main forked, with how often main asked it to stop. */
  const coreProcesses: { modulePath: string; handle: CoreProcessHandle; pid: number; kills: number }[] = [];
  let quitRequested = 0;
  let menu: unknown = null;
  const on = (events: Map<string, Listener[]>) => (event: string, listener: Listener) => {
    events.set(event, [...(events.get(event) ?? []), listener]);
  };
  const noop = () => undefined;

  class BrowserWindow {
    /** Every URL main loaded, every printToPDF's options, every script it ran in the page. */
    readonly loaded: string[] = [];
    readonly printed: Record<string, unknown>[] = [];
    readonly scripts: string[] = [];
    destroyed = false;
    closeCalls = 0;
    readonly webContents = {
      on: on(contentsEvents),
      printToPDF: async (options: Record<string, unknown>) => {
        this.printed.push(options);
        return Buffer.from('%PDF-1.4\n');
      },
      send: (channel: string, payload: unknown) => {
        sentToWindow.push({ channel, payload });
        for (const listener of windowListeners) listener(channel, payload);
      },
      // The page's answers as the print route gives them: rendered, and its charts as PNG.
      executeJavaScript: async (script: string) => {
        this.scripts.push(script);
        if (script.includes('data-print')) {
          const probe = printWindowProbe;
          printWindowProbe = null;
          await probe?.(this);
          return 'ready';
        }
        if (script.includes('confidantReportCharts')) return [{ id: 'team.reporterProfile', dataUrl: `data:image/png;base64,${ONE_PIXEL_PNG}` }];
        return null;
      },
    };
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
    }
    destroy = () => {
      this.destroyed = true;
    };
    close = () => {
      this.closeCalls++;
    };
    setContentProtection = noop;
    once = noop;
    on = on(windowEvents);
    show = noop;
    isDestroyed = () => false;
    isVisible = () => true;
    focus = noop;
    restore = noop;
    isMinimized = () => false;
    loadURL = async (url: string) => {
      this.loaded.push(url);
    };
  }

  const electron = {
    app: {
      isPackaged: folders.isPackaged ?? false,
      enableSandbox: noop,
      requestSingleInstanceLock: () => true,
      whenReady: () => Promise.resolve(),
      on: on(appEvents),
      quit: () => {
        quitRequested++;
      },
      getAppPath: () => folders.appPath,
      getPath: (name: string) => (name === 'userData' ? folders.userData : folders.documents),
    },
    protocol: { registerSchemesAsPrivileged: noop, handle: noop },
    session: {
      defaultSession: {
        webRequest: { onBeforeRequest: noop },
        setPermissionRequestHandler: noop,
        setPermissionCheckHandler: noop,
        setSpellCheckerEnabled: noop,
      },
    },
    ipcMain: { handle: (channel: string, listener: Listener) => ipcHandlers.set(channel, listener) },
    BrowserWindow,
    dialog: {
      showSaveDialog: async (_window: unknown, options: { defaultPath: string }) => ({ canceled: false, filePath: join(folders.documents, basename(options.defaultPath)) }),
      showOpenDialog: async () => ({ canceled: false, filePaths: [folders.chosenFolder()] }),
      showMessageBoxSync: (_window: unknown, options: { buttons: string[]; message: string }) => {
        messageBoxes.push({ buttons: options.buttons, message: options.message });
        return messageBoxAnswers.shift() ?? options.buttons.length - 1;
      },
    },
    Menu: {
      setApplicationMenu: (template: unknown) => {
        menu = template;
      },
      buildFromTemplate: (template: unknown) => template,
    },
    powerMonitor: { on: on(powerEvents), off: noop, getSystemIdleTime: () => 0 },
    utilityProcess: {
      // Electron's utility process is a Node environment; here it is a real Node child process.
      fork: (modulePath: string) => {
        const handle = forkNodeCore(modulePath);
        const entry = { modulePath, handle, pid: handle.pid, kills: 0 };
        coreProcesses.push(entry);
        return {
          postMessage: (message: never) => handle.postMessage(message),
          on: (event: string, listener: Listener) => (event === 'message' ? handle.onMessage(listener) : handle.onExit(listener)),
          kill: () => {
            entry.kills += 1;
            handle.kill();
          },
        };
      },
    },
  };
  return {
    electron,
    windows,
    /** Calls the shell's `vault` IPC handler as a window's preload would (the adviser's window unless named). */
    async invoke(channel: string, request: unknown, senderUrl: string, sender: BrowserWindow | undefined = windows[0]) {
      const handler = ipcHandlers.get('vault');
      if (!handler) throw new Error('the shell registered no vault handler');
      return (await handler({ senderFrame: { url: senderUrl }, sender: sender?.webContents }, channel, request)) as { ok: boolean; value?: unknown; error?: { code: string } };
    },
    /** What to do, as the print window, while main waits for the next print route to render. */
    whilePrinting(probe: (window: BrowserWindow) => Promise<void>) {
      printWindowProbe = probe;
    },
    /** The system, the window or its page reports an event (`shutdown`, `session-end`, `render-process-gone`, …) as Electron would. */
    emit(source: 'power' | 'window' | 'contents', event: string, ...args: unknown[]) {
      const events = { power: powerEvents, window: windowEvents, contents: contentsEvents }[source];
      for (const listener of events.get(event) ?? []) listener(...args);
    },
    /**
     * The page held its unload back (a dirty form's `beforeunload`) and the adviser answers the
     * shell's question with button `answer`; returns whether the shell let the unload go ahead.
     */
    preventedUnload(answer: number): boolean {
      messageBoxAnswers.push(answer);
      let allowed = false;
      for (const listener of contentsEvents.get('will-prevent-unload') ?? []) listener({ preventDefault: () => (allowed = true) });
      return allowed;
    },
    messageBoxes,
    /** The application menu as last set, as Electron's template objects. */
    menu: () => menu as { label?: string; submenu?: { label?: string; accelerator?: string; click?: () => void }[] }[],
    /** Runs what the shell does when the last window closes: lock, then quit. */
    closeAllWindows() {
      for (const listener of appEvents.get('window-all-closed') ?? []) listener();
    },
    /** The adviser quits (Cmd+Q, the dock): returns whether the shell held the quit back. */
    quit(): boolean {
      let held = false;
      for (const listener of appEvents.get('before-quit') ?? []) listener({ preventDefault: () => (held = true) });
      return held;
    },
    /** How often the shell itself called app.quit(). */
    quitCalls: () => quitRequested,
    sentToWindow,
    /** Acts as the window's preload would on each message main sends it. */
    onWindowMessage(listener: (channel: string, payload: unknown) => void) {
      windowListeners.add(listener);
    },
    coreProcesses,
  };
}
