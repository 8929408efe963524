import { afterEach, describe, expect, it, vi } from 'vitest';

// Electron cannot run here; the fake records the listeners main/app installs.
const electron = vi.hoisted(() => {
  const appListeners = new Map<string, Array<(...args: unknown[]) => void>>();
  return {
    appListeners,
    opened: [] as string[],
    exitCodes: [] as number[],
    app: {
      on: (name: string, fn: (...args: unknown[]) => void) => {
        appListeners.set(name, [...(appListeners.get(name) ?? []), fn]);
      },
      exit: (code: number) => electron.exitCodes.push(code),
    },
    shell: { openExternal: async (url: string) => void electron.opened.push(url) },
  };
});
vi.mock('electron', () => electron);

const { hardenAllWebContents, hardenSession } = await import('../../../main/app/harden-contents');
const { guardQuit } = await import('../../../main/app/quit-guard');

function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault(): void }) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  return {
    on: (name: string, fn: (event: { preventDefault(): void }) => void) => listeners.set(name, fn),
    setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn),
    fire(name: string) {
      const event = { prevented: false, preventDefault() { this.prevented = true; } };
      listeners.get(name)!(event);
      return event.prevented;
    },
    open: (url: string) => openHandler!({ url }),
  };
}

afterEach(() => {
  electron.appListeners.clear();
  electron.opened.length = 0;
  electron.exitCodes.length = 0;
});

describe('hardenAllWebContents', () => {
  it('blocks navigation, redirects and webviews, and sends only safe links to the browser', () => {
    hardenAllWebContents();
    const contents = fakeContents();
    electron.appListeners.get('web-contents-created')![0]({}, contents);
    expect(contents.fire('will-navigate')).toBe(true);
    expect(contents.fire('will-redirect')).toBe(true);
    expect(contents.fire('will-attach-webview')).toBe(true);
    expect(contents.open('https://modelcontextprotocol.io/')).toEqual({ action: 'deny' });
    expect(contents.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(contents.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(electron.opened).toEqual(['https://modelcontextprotocol.io/']);
  });
});

describe('hardenSession', () => {
  it('adds the CSP header to every response and refuses every permission', () => {
    let onHeaders: ((details: object, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void) | undefined;
    const permission = vi.fn();
    const session = {
      webRequest: { onHeadersReceived: (fn: typeof onHeaders) => (onHeaders = fn) },
      setPermissionRequestHandler: (fn: (c: unknown, p: string, cb: (ok: boolean) => void) => void) => fn({}, 'media', permission),
      setPermissionCheckHandler: (fn: () => boolean) => expect(fn()).toBe(false),
      setDevicePermissionHandler: (fn: () => boolean) => expect(fn()).toBe(false),
    };
    hardenSession(session as never);
    expect(permission).toHaveBeenCalledWith(false);
    let headers: Record<string, string[]> = {};
    onHeaders!({ responseHeaders: { 'content-type': ['text/html'] } }, (r) => (headers = r.responseHeaders));
    expect(headers['content-type']).toEqual(['text/html']);
    expect(headers['Content-Security-Policy'][0]).toContain("script-src 'self'");
  });
});

describe('guardQuit', () => {
  const quit = () => {
    const event = { prevented: false, preventDefault() { this.prevented = true; } };
    electron.appListeners.get('before-quit')![0](event);
    return event.prevented;
  };

  it('holds the quit until every connection is closed, then exits once', async () => {
    let finish!: () => void;
    const shutdown = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    guardQuit(shutdown);
    expect(quit()).toBe(true);
    expect(quit()).toBe(true); // a second Cmd+Q while closing does not start another shutdown
    expect(shutdown).toHaveBeenCalledTimes(1);
    expect(electron.exitCodes).toEqual([]);
    finish();
    await vi.waitFor(() => expect(electron.exitCodes).toEqual([0]));
    expect(quit()).toBe(false); // the exit itself is let through
  });

  it('exits after the time limit when a server never answers the close', async () => {
    guardQuit(() => new Promise<void>(() => undefined), 30);
    quit();
    await vi.waitFor(() => expect(electron.exitCodes).toEqual([0]));
  });
});
