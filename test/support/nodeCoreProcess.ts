import { fork } from 'node:child_process';
import { coreProcessEnvironment } from '../../electron/coreProcess/freedMemory';
import type { CoreProcessHandle } from '../../electron/coreProcess/protocol';
import { NO_DEFAULT_ADDON_BLOCKER } from './noDefaultSqliteAddon';

/**
 * The built core process (`out/main/coreProcess.js`) run as a Node child process, as Electron's
 * utilityProcess runs it in the app: same entry, same messages, structured-clone serialisation,
 * and better-sqlite3's default addon location blocked as in the packaged app. `args` go to the
 * entry (./disturbedCore.cjs takes the core's path and a disturbance); `onStderr` reads what
 * the process logs instead of passing it through.
 */
export function forkNodeCore(modulePath: string, options: { args?: string[]; onStderr?: (text: string) => void } = {}): CoreProcessHandle & { pid: number } {
  const child = fork(modulePath, options.args ?? [], {
    serialization: 'advanced',
    // As main starts the core in the app: freed memory overwritten (see freedMemory.ts).
    env: coreProcessEnvironment(process.env),
    execArgv: ['--require', NO_DEFAULT_ADDON_BLOCKER],
    stdio: ['ignore', 'inherit', options.onStderr ? 'pipe' : 'inherit', 'ipc'],
  });
  if (options.onStderr) child.stderr!.on('data', (chunk: Buffer) => options.onStderr!(chunk.toString('utf8')));
  return {
    // Tests pause the process with signals to stand for a core busy in one long synchronous step.
    pid: child.pid!,
    postMessage: (message) => child.send(message),
    onMessage: (listener) => child.on('message', listener as (message: unknown) => void),
    onExit: (listener) => child.on('exit', (code) => listener(code ?? 1)),
    kill: () => child.kill(),
  };
}
