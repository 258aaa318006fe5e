import type { Settings } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import type { LockReason, VaultEvent } from '../../shared/events';
import type { CoreProcessHandle, CoreToMain, ShellMethod } from './protocol';

export interface CoreClientOptions {
  /** Starts a fresh core process. */
  fork: () => CoreProcessHandle;
  dataDirectory: string;
  nativeBinding: string;
  /** Answers the core's requests for a dialog or the rendered report. */
  shell: (method: ShellMethod, argument: string | null) => Promise<unknown>;
}

/** More exits than this within the window means the core cannot run: stop restarting it. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;

const stopped: Result<never> = { ok: false, error: { code: 'INTERNAL' } };
const broken: Result<never> = { ok: false, error: { code: 'APP_DAMAGED' } };

/**
 * Main's side of the core process: forwards requests, answers the core's shell calls, relays its
 * events and keeps a copy of the settings the shell itself needs (language, idle minutes, screen
 * capture). If the core process dies, the key died with it: the window hears "locked", open
 * requests fail, and a fresh core starts.
 */
export class CoreClient {
  private child!: CoreProcessHandle;
  private nextId = 1;
  private readonly waiting = new Map<number, (result: Result<unknown>) => void>();
  private readonly eventListeners = new Set<(event: VaultEvent) => void>();
  private readonly settingsListeners = new Set<(settings: Settings) => void>();
  private latestSettings: Settings | null = null;
  private exits: number[] = [];
  private stopping = false;
  private gaveUp = false;

  constructor(private readonly options: CoreClientOptions) {
    this.start();
  }

  get settings(): Settings | null {
    return this.latestSettings;
  }

  invoke(channel: unknown, request: unknown): Promise<Result<unknown>> {
    if (this.gaveUp) return Promise.resolve(broken);
    return this.call((id) => ({ type: 'request', id, channel, request }));
  }

  /** The shell's lock triggers; resolves once the vault is locked. */
  async requestLock(reason: LockReason): Promise<void> {
    if (!this.gaveUp) await this.call((id) => ({ type: 'lock', id, reason }));
  }

  onEvent(listener: (event: VaultEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onSettings(listener: (settings: Settings) => void): () => void {
    this.settingsListeners.add(listener);
    return () => this.settingsListeners.delete(listener);
  }

  /** Ends the core process for good (quit): the key goes with it. */
  stop(): void {
    this.stopping = true;
    this.child.kill();
  }

  private call(message: (id: number) => Parameters<CoreProcessHandle['postMessage']>[0]): Promise<Result<unknown>> {
    if (this.stopping) return Promise.resolve(stopped);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.child.postMessage(message(id));
    });
  }

  private start(): void {
    const child = this.options.fork();
    this.child = child;
    child.onMessage((message) => this.receive(child, message));
    child.onExit(() => this.exited(child));
    child.postMessage({ type: 'start', dataDirectory: this.options.dataDirectory, nativeBinding: this.options.nativeBinding });
  }

  private receive(child: CoreProcessHandle, message: CoreToMain): void {
    switch (message.type) {
      case 'response': {
        const resolve = this.waiting.get(message.id);
        this.waiting.delete(message.id);
        resolve?.(message.result);
        return;
      }
      case 'event':
        this.emit(message.event);
        return;
      case 'settings':
        this.latestSettings = message.settings;
        for (const listener of this.settingsListeners) listener(message.settings);
        return;
      case 'shell':
        this.options.shell(message.method, message.argument).then(
          (value) => child.postMessage({ type: 'shellAnswer', id: message.id, value, failed: false }),
          () => child.postMessage({ type: 'shellAnswer', id: message.id, value: null, failed: true }),
        );
        return;
    }
  }

  private exited(child: CoreProcessHandle): void {
    if (child !== this.child) return;
    for (const resolve of this.waiting.values()) resolve(stopped);
    this.waiting.clear();
    if (this.stopping) return;
    this.emit({ type: 'locked', reason: 'internal' });
    const now = Date.now();
    this.exits = [...this.exits.filter((at) => now - at < RESTART_WINDOW_MS), now];
    if (this.exits.length > MAX_RESTARTS) {
      this.gaveUp = true;
      this.emit({ type: 'damage', code: 'APP_DAMAGED' });
      return;
    }
    this.start();
  }

  private emit(event: VaultEvent): void {
    for (const listener of this.eventListeners) listener(event);
  }
}
