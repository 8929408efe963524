import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { CoreService } from '../../../main/core/service/core-handlers';
import { createDispatch } from '../../../main/core/service/dispatch';
import { EventBatcher } from '../../../main/core/service/event-batcher';
import { contentSecurityPolicy } from '../../../main/core/service/content-security-policy';
import { BRIDGE_PATH, type BridgeCall, type BridgeServerMessage } from './bridge-protocol';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

export interface BridgeServer {
  /** http://127.0.0.1:PORT/ — the production renderer, with window.periscope over the socket. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the production renderer build and the core's handlers to a browser, as the Electron
 * main process would: calls go through the app's own dispatch (contract validation), events
 * through the app's own per-frame batcher, and the page gets the app's CSP header. Only pages
 * served from this origin may open the socket (the stand-in for main's sender check).
 */
export async function startBridgeServer(options: { service: CoreService; staticDir: string }): Promise<BridgeServer> {
  const dispatch = createDispatch(options.service.handlers);
  const server = createServer((req, res) => void serveStatic(options.staticDir, req, res));
  const sockets = new WebSocketServer({ noServer: true });
  let origin = '';

  server.on('upgrade', (req, socket, head) => {
    if (req.url !== BRIDGE_PATH || req.headers.origin !== origin) {
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => attach(ws));
  });

  function attach(ws: WebSocket): void {
    const send = (message: BridgeServerMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const batcher = new EventBatcher({ send: (events) => send({ events }) });
    const stop = options.service.onEvent((event) => batcher.event(event));
    ws.on('message', async (data) => {
      const call = JSON.parse(String(data)) as BridgeCall;
      send({ id: call.id, result: await dispatch(call.channel, call.input) });
    });
    ws.on('close', () => {
      stop();
      batcher.dispose();
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    async close() {
      for (const ws of sockets.clients) ws.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const file = normalize(join(root, path === '/' ? 'index.html' : path));
  if (!file.startsWith(root + sep)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': contentSecurityPolicy(),
      'Cache-Control': 'no-store',
    });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
}
