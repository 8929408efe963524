import type { Channel, MainEvent } from '../../../shared/ipc/contract';
import { createPeriscopeApi } from '../../../shared/ipc/periscope-api';
import { BRIDGE_PATH, type BridgeCall, type BridgeServerMessage } from './bridge-protocol';

/**
 * Runs in the page before its own scripts (Playwright addInitScript), in place of the preload:
 * window.periscope is built by the same createPeriscopeApi, only invoke and subscribe travel
 * over a WebSocket to the real core instead of over Electron IPC.
 */
// This file is type-checked with the Node project (no DOM lib), so the few browser globals it
// touches are described here.
interface PageSocket {
  readonly readyState: number;
  addEventListener(type: 'open' | 'error' | 'close', listener: () => void, options?: { once: boolean }): void;
  addEventListener(type: 'message', listener: (message: { data: unknown }) => void): void;
  send(data: string): void;
}
const page = globalThis as unknown as {
  location: { protocol: string; host: string };
  WebSocket: new (url: string) => PageSocket;
  window: object;
};

function install(): void {
  const { location } = page;
  if (location.protocol !== 'http:' || !location.host.startsWith('127.0.0.1:')) return;
  const socket = new page.WebSocket(`ws://${location.host}${BRIDGE_PATH}`);
  const opened = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error('test bridge socket failed')), { once: true });
  });
  const pending = new Map<number, (result: unknown) => void>();
  const listeners = new Set<(event: MainEvent) => void>();
  let nextId = 1;

  socket.addEventListener('message', (message) => {
    const data = JSON.parse(String(message.data)) as BridgeServerMessage;
    if ('events' in data) {
      for (const event of data.events) for (const listener of listeners) listener(event);
      return;
    }
    pending.get(data.id)?.(data.result);
    pending.delete(data.id);
  });
  socket.addEventListener('close', () => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { kind: 'closed', message: 'The test bridge closed.', hint: 'Restart the test.' } });
    pending.clear();
  });

  const invoke = async (channel: Channel, input: unknown): Promise<unknown> => {
    await opened;
    const id = nextId++;
    const call: BridgeCall = { id, channel, input };
    return new Promise((resolve) => {
      pending.set(id, resolve);
      socket.send(JSON.stringify(call));
    });
  };
  const subscribe = (listener: (event: MainEvent) => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };
  Object.defineProperty(page.window, 'periscope', { value: Object.freeze(createPeriscopeApi(invoke, subscribe)), configurable: false, writable: false });
}

install();
