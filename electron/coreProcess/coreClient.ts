import type { Settings } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { LOCK_DEADLINE_MS, type LockReason, type VaultEvent } from '../../shared/events';
import type { CoreProcessHandle, CoreToMain, ShellMethod } from './protocol';

export interface CoreClientOptions {
  /** Starts a fresh core process. */
  fork: () => CoreProcessHandle;
  dataDirectory: string;
  nativeBinding: string;
  /** Answers the core's requests for a dialog or the rendered report. */
  shell: (method: ShellMethod, argument: string | null) => Promise<unknown>;
  /** How long a lock may go unconfirmed before the core process is stopped; the window's deadline plus a margin. */
  lockTimeoutMs?: number;
}

/**
 * The core answers one request at a time, so a lock asked for during a long backup, retention
 * run or rotation waits until that ends. The window gets its deadline to save drafts; past that
 * and this margin, the core process is stopped: the key dies with it, and the restart announces
 * "locked". Every file the core writes survives a kill at any point (the crash suite kills a
 * writer; a rotation writes the next header before re-keying and unlock tries both headers).
 */
export const LOCK_TIMEOUT_MS = LOCK_DEADLINE_MS + 2_000;
/** How soon an overdue lock looks again while a restore swaps the vault's folder (never killed mid-swap). */
const SWAP_RECHECK_MS = 250;

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
  /**
   * A restore's 'copy' phase renames the current vault folder aside and the restored one into
   * place: a kill between the two renames would leave no vault folder, so an overdue lock waits
   * for that phase to end instead.
   */
  private swappingVaultFolder = false;

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
    if (this.gaveUp) return;
    const child = this.child;
    const overdue = () => {
      if (child !== this.child || this.stopping) return;
      if (this.swappingVaultFolder) {
        timer = setTimeout(overdue, SWAP_RECHECK_MS);
        return;
      }
      // Stuck behind a long operation: stopping the process drops the key now; exited() tells the window.
      child.kill();
    };
    let timer = setTimeout(overdue, this.options.lockTimeoutMs ?? LOCK_TIMEOUT_MS);
    try {
      await this.call((id) => ({ type: 'lock', id, reason }));
    } finally {
      clearTimeout(timer);
    }
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
        if (message.event.type === 'progress' && message.event.operation === 'restore') this.swappingVaultFolder = message.event.phase === 'copy' && !message.event.done;
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
    this.swappingVaultFolder = false;
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
