import { fork } from 'node:child_process';
import type { CoreProcessHandle } from '../../electron/coreProcess/protocol';
import { NO_DEFAULT_ADDON_BLOCKER } from './noDefaultSqliteAddon';

/**
 * The built core process (`out/main/coreProcess.js`) run as a Node child process, as Electron's
 * utilityProcess runs it in the app: same entry, same messages, structured-clone serialisation,
 * and better-sqlite3's default addon location blocked as in the packaged app.
 */
export function forkNodeCore(modulePath: string): CoreProcessHandle & { pid: number } {
  const child = fork(modulePath, [], { serialization: 'advanced', execArgv: ['--require', NO_DEFAULT_ADDON_BLOCKER], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return {
    // Tests pause the process with signals to stand for a core busy in one long synchronous step.
    pid: child.pid!,
    postMessage: (message) => child.send(message),
    onMessage: (listener) => child.on('message', listener as (message: unknown) => void),
    onExit: (listener) => child.on('exit', (code) => listener(code ?? 1)),
    kill: () => child.kill(),
  };
}
