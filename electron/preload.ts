import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { VaultBridge } from '../shared/contract';
import { EVENT_CHANNEL, type VaultEvent } from '../shared/events';

/** The renderer's only doors to the main process: one invoke, one event feed, no raw ipcRenderer. */
const bridge = {
  invoke: (channel, request) => ipcRenderer.invoke('vault', channel, request),
  onEvent(listener) {
    const relay = (_event: IpcRendererEvent, event: VaultEvent) => listener(event);
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, relay);
    };
  },
} satisfies VaultBridge;

contextBridge.exposeInMainWorld('vault', bridge);
