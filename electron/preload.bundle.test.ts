import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

/**
 * The built preload as a sandboxed renderer runs it: in a fresh context whose `require` knows only
 * `electron` (a sandboxed preload gets nothing else), checking what it puts in the page.
 */
describe('the built preload', () => {
  it('needs nothing but electron and exposes one invoke to the vault channel and one event feed', async () => {
    const source = readFileSync(resolve(__dirname, '../out/preload/preload.js'), 'utf8');
    const exposed = new Map<string, unknown>();
    const sent: unknown[][] = [];
    const required: string[] = [];
    const feeds = new Map<string, Set<(...args: unknown[]) => void>>();
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
      ipcRenderer: {
        invoke: async (...args: unknown[]) => sent.push(args),
        on: (channel: string, listener: (...args: unknown[]) => void) => feeds.set(channel, (feeds.get(channel) ?? new Set()).add(listener)),
        removeListener: (channel: string, listener: (...args: unknown[]) => void) => feeds.get(channel)?.delete(listener),
      },
    };
    runInNewContext(source, {
      require: (name: string) => {
        required.push(name);
        if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
        return electron;
      },
    });
    expect(required).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['vault']);
    const bridge = exposed.get('vault') as Record<string, unknown>;
    expect(Object.keys(bridge)).toEqual(['invoke', 'onEvent']);
    await (bridge.invoke as (channel: string, request: unknown) => Promise<unknown>)('cases.list', { x: 1 });
    expect(sent).toEqual([['vault', 'cases.list', { x: 1 }]]);

    const received: unknown[] = [];
    const unsubscribe = (bridge.onEvent as (listener: (event: unknown) => void) => () => void)((event) => received.push(event));
    // The page's listener gets the event alone, never Electron's IPC event object with its sender.
    for (const listener of feeds.get('vault-event') ?? []) listener({ sender: 'ipc internals' }, { type: 'locked', reason: 'menu' });
    unsubscribe();
    for (const listener of feeds.get('vault-event') ?? []) listener({ sender: 'ipc internals' }, { type: 'locked', reason: 'idle' });
    expect(received).toEqual([{ type: 'locked', reason: 'menu' }]);
  });
});
