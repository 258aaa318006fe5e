import type { Settings } from '../../shared/contract';
import type { ErrorCode, Result } from '../../shared/errors';
import { LOCK_DEADLINE_MS, type LockReason, type VaultEvent } from '../../shared/events';
import { REQUEST_MAX_BYTES } from '../../shared/limits';
import { Deadlines, deadlineOf } from './deadlines';
import type { CoreProcessHandle, CoreToMain, ShellMethod } from './protocol';
import { exceedsSize } from './requestSize';

export interface CoreClientOptions {
  /** Starts a fresh core process. */
  fork: () => CoreProcessHandle;
  dataDirectory: string;
  nativeBinding: string;
  /** Answers the core's requests for a dialog or the rendered report. */
  shell: (method: ShellMethod, argument: string | null) => Promise<unknown>;
  /** How long a lock may go unconfirmed before the core process is stopped; the window's deadline plus a margin. */
  lockTimeoutMs?: number;
  /** How long the core may work on a request on a channel, from when it starts it (./deadlines.ts). */
  deadlineOf?: (channel: unknown) => number;
}

/**
 * The core answers one request at a time, so a lock asked for during a long backup, retention
 * run or rotation waits until that ends. The window gets its deadline to save drafts; past that
 * and this margin, the core process is stopped: the key dies with it, and the restart announces
 * "locked". Every file the core writes survives a kill at any point (the crash suite kills a
 * writer; a rotation writes the next header before re-keying and unlock tries both headers).
 */
export const LOCK_TIMEOUT_MS = LOCK_DEADLINE_MS + 2_000;
/** How soon an overdue lock or request looks again while a restore swaps the vault's folder (never killed mid-swap). */
const SWAP_RECHECK_MS = 250;

/** More exits than this within the window means the core cannot run: stop restarting it. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;

const fail = (code: ErrorCode): Result<never> => ({ ok: false, error: { code } });

/**
 * Main's side of the core process: forwards requests, answers the core's shell calls, relays its
 * events and keeps a copy of the settings the shell itself needs (language, idle minutes, screen
 * capture). If the core process dies, the key died with it: the window hears "locked", open
 * requests fail, and a fresh core starts. A request the core works on past its deadline stops
 * the process the same way, after the window is told why.
 */
export class CoreClient {
  private child!: CoreProcessHandle;
  private nextId = 1;
  private readonly waiting = new Map<number, { channel: unknown; resolve: (result: Result<unknown>) => void }>();
  private readonly eventListeners = new Set<(event: VaultEvent) => void>();
  private readonly settingsListeners = new Set<(settings: Settings) => void>();
  private latestSettings: Settings | null = null;
  private exits: number[] = [];
  private stopping = false;
  private gaveUp = false;
  /** The process is being stopped for working past its deadlines: what it still says is not heard. */
  private stoppedAsStuck = false;
  private readonly deadlines: Deadlines;
  /**
   * A restore's 'copy' phase renames the current vault folder aside and the restored one into
   * place: a kill between the two renames would leave no vault folder, so an overdue lock or
   * request waits for that phase to end instead.
   */
  private swappingVaultFolder = false;

  constructor(private readonly options: CoreClientOptions) {
    this.deadlines = new Deadlines(options.deadlineOf ?? deadlineOf, () => this.stuck());
    this.start();
  }

  get settings(): Settings | null {
    return this.latestSettings;
  }

  invoke(channel: unknown, request: unknown): Promise<Result<unknown>> {
    if (this.gaveUp) return Promise.resolve(fail('CORE_STOPPED'));
    // Larger than any the contract allows: the core never has to carry or read it.
    if (exceedsSize(request, REQUEST_MAX_BYTES)) return Promise.resolve(fail('INVALID_INPUT'));
    return this.call(channel, (id) => ({ type: 'request', id, channel, request }));
  }

  /** After the core kept exiting, the adviser asked for a fresh start: earlier exits are forgotten. Otherwise nothing. */
  restartAfterStop(): void {
    if (!this.gaveUp || this.stopping) return;
    this.gaveUp = false;
    this.exits = [];
    this.start();
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
      await this.call(null, (id) => ({ type: 'lock', id, reason }));
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

  private call(channel: unknown, message: (id: number) => Parameters<CoreProcessHandle['postMessage']>[0]): Promise<Result<unknown>> {
    if (this.stopping) return Promise.resolve(fail('INTERNAL'));
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, { channel, resolve });
      this.child.postMessage(message(id));
    });
  }

  private start(): void {
    this.stoppedAsStuck = false;
    const child = this.options.fork();
    this.child = child;
    child.onMessage((message) => this.receive(child, message));
    child.onExit(() => this.exited(child));
    child.postMessage({ type: 'start', dataDirectory: this.options.dataDirectory, nativeBinding: this.options.nativeBinding });
  }

  private receive(child: CoreProcessHandle, message: CoreToMain): void {
    if (child !== this.child || this.stoppedAsStuck) return;
    switch (message.type) {
      case 'started': {
        const request = this.waiting.get(message.id);
        if (request) this.deadlines.started(message.id, request.channel);
        return;
      }
      case 'response': {
        const request = this.waiting.get(message.id);
        this.waiting.delete(message.id);
        this.deadlines.finished(message.id);
        request?.resolve(message.result);
        return;
      }
      case 'event':
        if (message.event.type === 'progress') {
          if (message.event.operation === 'restore') this.swappingVaultFolder = message.event.phase === 'copy' && !message.event.done;
          this.deadlines.progressed();
        }
        this.emit(message.event);
        return;
      case 'settings':
        this.latestSettings = message.settings;
        for (const listener of this.settingsListeners) listener(message.settings);
        return;
      case 'shell': {
        // The adviser's dialog takes as long as it takes: no deadline runs meanwhile.
        this.deadlines.shellCalled();
        const answer = (value: unknown, failed: boolean) => {
          if (child !== this.child) return;
          this.deadlines.shellAnswered();
          child.postMessage({ type: 'shellAnswer', id: message.id, value, failed });
        };
        this.options.shell(message.method, message.argument).then(
          (value) => answer(value, false),
          () => answer(null, true),
        );
        return;
      }
    }
  }

  /** Every request the core started is past its deadline: the window hears why, then the process is stopped. */
  private stuck(): void {
    if (this.swappingVaultFolder) {
      this.deadlines.askAgainIn(SWAP_RECHECK_MS);
      return;
    }
    this.stoppedAsStuck = true;
    this.emit({ type: 'coreFailed', code: 'CORE_TIMEOUT' });
    this.answerAll();
    // As with an overdue lock: the key dies with the process, and exited() starts a fresh one.
    this.child.kill();
  }

  /** Open requests end with the process: CORE_TIMEOUT when it was stuck, else INTERNAL. */
  private answerAll(): void {
    const result = fail(this.stoppedAsStuck ? 'CORE_TIMEOUT' : 'INTERNAL');
    for (const { resolve } of this.waiting.values()) resolve(result);
    this.waiting.clear();
    this.deadlines.clear();
  }

  private exited(child: CoreProcessHandle): void {
    if (child !== this.child) return;
    this.swappingVaultFolder = false;
    this.answerAll();
    if (this.stopping) return;
    this.emit({ type: 'locked', reason: 'internal' });
    const now = Date.now();
    this.exits = [...this.exits.filter((at) => now - at < RESTART_WINDOW_MS), now];
    if (this.exits.length > MAX_RESTARTS) {
      // Not APP_DAMAGED: the app's files load, the process just keeps ending; a restart may help.
      this.gaveUp = true;
      this.emit({ type: 'coreFailed', code: 'CORE_STOPPED' });
      return;
    }
    this.start();
  }

  private emit(event: VaultEvent): void {
    for (const listener of this.eventListeners) listener(event);
  }
}
