import type { Settings } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import type { LockReason, VaultEvent } from '../../shared/events';

/**
 * The messages between the main process and the core's own process. The data key and the open
 * database live only in the core process; main sees requests, results and events, as the window does.
 */
export type MainToCore =
  | { type: 'start'; dataDirectory: string; nativeBinding: string }
  | { type: 'request'; id: number; channel: unknown; request: unknown }
  | { type: 'lock'; id: number; reason: LockReason }
  | { type: 'shellAnswer'; id: number; value: unknown; failed: boolean };

export type ShellMethod = 'chooseSavePath' | 'chooseFolder' | 'renderReport';

/** The only routes main renders off-screen for the core: the report document's print route. */
export const PRINT_ROUTE = /^#\/print\?[A-Za-z0-9=&]+$/;

export type CoreToMain =
  /** The core begins a request: its deadline counts from now. */
  | { type: 'started'; id: number }
  | { type: 'response'; id: number; result: Result<unknown> }
  | { type: 'event'; event: VaultEvent }
  | { type: 'settings'; settings: Settings }
  | { type: 'shell'; id: number; method: ShellMethod; argument: string | null };

/**
 * Both ends of the pipe, as the client sees the child: Electron's UtilityProcess in the app, a
 * Node child process in the tests and the benchmark.
 */
export interface CoreProcessHandle {
  postMessage(message: MainToCore): void;
  onMessage(listener: (message: CoreToMain) => void): void;
  onExit(listener: (code: number) => void): void;
  kill(): void;
}
