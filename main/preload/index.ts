import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { MainEvent } from '../../shared/ipc/contract';
import { EVENT_CHANNEL } from '../../shared/ipc/event-channel';
import { createPeriscopeApi } from '../../shared/ipc/periscope-api';

/**
 * Exposes the typed, domain-shaped window.periscope (ARCHITECTURE.md rule 2): never a generic
 * invoke, never ipcRenderer itself, never process.env. Built as CommonJS so it runs under
 * `sandbox: true`.
 */
const api = createPeriscopeApi(
  (channel, input) => ipcRenderer.invoke(channel, input),
  (listener) => {
    // Main sends one array of events per frame (see main/ipc/event-forwarder.ts).
    const receive = (_event: IpcRendererEvent, events: MainEvent[]) => {
      for (const event of events) listener(event);
    };
    ipcRenderer.on(EVENT_CHANNEL, receive);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, receive);
    };
  },
);

contextBridge.exposeInMainWorld('periscope', api);
