import { z } from 'zod';
import { createCore, type Core } from '../core/core';
import { createLogger } from '../core/log';
import type { ShellServices } from '../core/shell';
import { clearHeap } from './clearHeap';
import type { CoreToMain, MainToCore, ShellMethod } from './protocol';

/**
 * The core's own process: Electron's utility process in the app, a Node child process in tests
 * and the benchmark. It holds the key and the open database, so a long VACUUM or re-key blocks
 * only this process and never the window, the menus or the lock triggers in main.
 */
const parentPort = process.parentPort as Electron.ParentPort | undefined;

function send(message: CoreToMain): void {
  if (parentPort) parentPort.postMessage(message);
  else process.send?.(message);
}

function onMessage(listener: (message: MainToCore) => void): void {
  if (parentPort) parentPort.on('message', (event) => listener(event.data as MainToCore));
  else process.on('message', (message) => listener(message as MainToCore));
}

const shellAnswers = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
let nextShellCall = 1;

function askShell(method: ShellMethod, argument: string | null): Promise<unknown> {
  const id = nextShellCall++;
  return new Promise((resolve, reject) => {
    shellAnswers.set(id, { resolve, reject });
    send({ type: 'shell', id, method, argument });
  });
}

const Bytes = z.instanceof(Uint8Array);
/** What main answers for the print route: checked here, as everything crossing a process boundary. */
const RenderedAnswer = z.object({ pdf: Bytes, charts: z.array(z.object({ id: z.string().max(200), png: Bytes }).strict()).max(100) }).strict();

/** Dialogs and the rendered report belong to the windows, so the core asks main for them. */
const remoteShell: ShellServices = {
  chooseSavePath: async (suggestedName) => (await askShell('chooseSavePath', suggestedName)) as string | null,
  chooseFolder: async (purpose) => (await askShell('chooseFolder', purpose)) as string | null,
  renderReport: async (route) => {
    const { pdf, charts } = RenderedAnswer.parse(await askShell('renderReport', route));
    return { pdf: Buffer.from(pdf), charts: charts.map((chart) => ({ id: chart.id, png: Buffer.from(chart.png) })) };
  },
};

const log = createLogger();

/**
 * A rejection nobody awaited leaves nothing half done, so the core carries on; an exception
 * nobody caught may have, so the process ends and main starts a fresh one (the key goes with
 * it). Either way the log names the event, never the error's message, which can carry data.
 */
process.on('unhandledRejection', () => log('unhandled_rejection'));
process.on('uncaughtException', () => {
  log('uncaught_exception');
  process.exit(1);
});

let core: Core | null = null;

onMessage((message) => {
  switch (message.type) {
    case 'start':
      core = createCore({ dataDirectory: message.dataDirectory, nativeBinding: message.nativeBinding, shell: remoteShell });
      // Once the lock has returned, so nothing of the session is still on the stack.
      core.vault.onLock(() => setImmediate(clearHeap));
      core.events.on((event) => send({ type: 'event', event }));
      core.settings.onChange((settings) => send({ type: 'settings', settings }));
      send({ type: 'settings', settings: core.settings.get() });
      return;
    case 'request':
      // Main counts the request's deadline from here, not from when it was queued behind another.
      send({ type: 'started', id: message.id });
      void core!.router.handle(message.channel, message.request).then((result) => send({ type: 'response', id: message.id, result }));
      return;
    case 'lock':
      void core!.requestLock(message.reason).then(() => send({ type: 'response', id: message.id, result: { ok: true, value: {} } }));
      return;
    case 'shellAnswer': {
      const waiting = shellAnswers.get(message.id);
      shellAnswers.delete(message.id);
      if (message.failed) waiting?.reject(new Error('shell call failed'));
      else waiting?.resolve(message.value);
      return;
    }
  }
});
