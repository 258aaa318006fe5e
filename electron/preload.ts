import { contextBridge, ipcRenderer } from 'electron';
import type { VaultBridge } from '../shared/contract';

/** The renderer's only door to the main process: one invoke, no raw ipcRenderer. */
const bridge = {
  invoke: (channel, request) => ipcRenderer.invoke('vault', channel, request),
} satisfies VaultBridge;

contextBridge.exposeInMainWorld('vault', bridge);
