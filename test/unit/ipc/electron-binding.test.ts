import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, EVENT_CHANNEL, type MainEvent } from '../../../shared/ipc/contract';
import type { PeriscopeApi } from '../../../shared/ipc/periscope-api';

// Electron cannot run here; these fakes record what main/ipc and main/preload ask of it.
const electron = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, input: unknown) => unknown>();
  const rendererListeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  const exposed: Record<string, unknown> = {};
  return {
    handlers,
    rendererListeners,
    exposed,
    ipcMain: {
      handle: (channel: string, fn: (event: unknown, input: unknown) => unknown) => handlers.set(channel, fn),
      removeHandler: (channel: string) => handlers.delete(channel),
    },
    ipcRenderer: {
      invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
      on: (channel: string, fn: (event: unknown, payload: unknown) => void) => {
        if (!rendererListeners.has(channel)) rendererListeners.set(channel, new Set());
        rendererListeners.get(channel)!.add(fn);
      },
      removeListener: (channel: string, fn: (event: unknown, payload: unknown) => void) => rendererListeners.get(channel)?.delete(fn),
    },
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  };
});
vi.mock('electron', () => electron);

const { registerIpc } = await import('../../../main/ipc/register-ipc');
const { forwardEvents } = await import('../../../main/ipc/event-forwarder');

const OUR_URL = 'file:///app/out/renderer/index.html';
const ourContents = { id: 1 };
const event = (url: string, contents: object = ourContents, parent: object | null = null) => ({ sender: contents, senderFrame: { url, parent } });

describe('registerIpc', () => {
  let dispatched: Array<[unknown, unknown]>;
  let unregister: () => void;
  beforeEach(() => {
    unregister?.();
    dispatched = [];
    unregister = registerIpc({
      dispatch: async (channel, input) => {
        dispatched.push([channel, input]);
        return { ok: true, value: 'handled' };
      },
      trusted: { indexFileUrl: OUR_URL },
      isOurWindow: (contents) => contents === (ourContents as unknown),
    });
  });

  it('binds every channel of the contract and nothing else', () => {
    expect([...electron.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('answers our window through dispatch', async () => {
    const result = await electron.handlers.get('connections:open')!(event(OUR_URL), { remoteId: 'r1' });
    expect(result).toEqual({ ok: true, value: 'handled' });
    expect(dispatched).toEqual([['connections:open', { remoteId: 'r1' }]]);
  });

  it.each([
    ['another page in our window', event('https://evil.example/')],
    ['an iframe inside our page', event(OUR_URL, ourContents, { url: OUR_URL })],
    ['another web contents showing our URL', event(OUR_URL, { id: 2 })],
    ['a frame without a URL', { sender: ourContents, senderFrame: null }],
  ])('refuses %s without running any handler', async (_name, untrusted) => {
    const result = await electron.handlers.get('remotes:list')!(untrusted, undefined);
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(dispatched).toEqual([]);
  });

  it('unbinds every channel', () => {
    unregister();
    expect(electron.handlers.size).toBe(0);
  });
});

describe('forwardEvents', () => {
  it('sends one batched array of events per frame to the window, and stops when it is destroyed', async () => {
    const sent: Array<[string, MainEvent[]]> = [];
    let destroyed: (() => void) | undefined;
    const contents = {
      isDestroyed: () => false,
      send: (channel: string, events: MainEvent[]) => sent.push([channel, events]),
      once: (_name: string, fn: () => void) => (destroyed = fn),
    };
    const listeners = new Set<(e: MainEvent) => void>();
    forwardEvents((l) => (listeners.add(l), () => listeners.delete(l)), contents as never);
    for (let seq = 1; seq <= 300; seq++) for (const l of listeners) l({ type: 'trace', connectionId: 'c', entries: [{ type: 'stderr', seq, connectionId: 'c', wallTime: 0, monoTime: 0, line: '' }] });
    await new Promise((r) => setTimeout(r, 40));
    expect(sent).toHaveLength(1);
    expect(sent[0][0]).toBe(EVENT_CHANNEL);
    expect(sent[0][1]).toHaveLength(1);
    destroyed!();
    expect(listeners.size).toBe(0);
  });
});

describe('preload', () => {
  it('exposes only the contract-shaped window.periscope, over ipcRenderer', async () => {
    await import('../../../main/preload/index');
    const api = electron.exposed.periscope as PeriscopeApi;
    expect(Object.keys(electron.exposed)).toEqual(['periscope']);
    expect(Object.keys(api).sort()).toEqual(['app', 'authDebug', 'bundle', 'connections', 'doctor', 'group', 'load', 'logs', 'oauth', 'onEvent', 'playground', 'remotes', 'serverRequests', 'session', 'settings', 'trace']);
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/invoke|ipc|process/);

    const result = await api.connections.open('r1');
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('connections:open', { remoteId: 'r1' });
    expect(result).toEqual({ ok: true, value: { channel: 'connections:open', input: { remoteId: 'r1' } } });

    const seen: MainEvent[] = [];
    const stop = api.onEvent((e) => seen.push(e));
    for (const l of electron.rendererListeners.get(EVENT_CHANNEL)!) l({}, [{ type: 'remotes-changed' }, { type: 'notice', level: 'info', message: 'hi' }]);
    stop();
    expect(electron.rendererListeners.get(EVENT_CHANNEL)!.size).toBe(0);
    expect(seen.map((e) => e.type)).toEqual(['remotes-changed', 'notice']);
  });
});
