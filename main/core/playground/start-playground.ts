import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { authFailure, rejectUpgrade, writeUnauthorized } from './auth-gate';
import { writeJsonRpcError } from './http-body';
import { isLoopbackRequest } from './loopback-guard';
import { createPlaygroundMcpServer } from './playground-mcp-server';
import type { PlaygroundOptions, PlaygroundTransport, RunningPlayground, SeenRequest } from './playground-options';
import { describeEndpoints } from './playground-landing';
import { PlaygroundSharedState } from './playground-shared-state';
import { corruptEventData, dropMidStream, holdFirstByte, writeMalformedJson } from './response-faults';
import { SSE_MESSAGES_PATH, SseEndpoint } from './sse-endpoint';
import { StreamableEndpoint } from './streamable-endpoint';
import { WEBSOCKET_PATH, WebSocketEndpoint } from './websocket-endpoint';

/** Loopback only, always: the playground is a local practice target, never a network service. */
const HOST = '127.0.0.1';
const DEFAULT_SEEN_REQUEST_LIMIT = 1_000;

/**
 * Starts the playground MCP server on 127.0.0.1 (the given port, or a free one): Streamable HTTP
 * at /mcp (2025-era sessions and stateless 2026-07-28, routed per request), legacy SSE at /sse +
 * /messages (2025 era only), WebSocket at /ws (either era, per connection), plus GET / and
 * GET /health. Every fault and auth option applies to both eras. Rejects if the port is taken.
 */
export async function startPlayground(opts: PlaygroundOptions = {}): Promise<RunningPlayground> {
  const faults = opts.faults ?? {};
  const seenRequests: SeenRequest[] = [];
  const seenLimit = opts.seenRequestLimit ?? DEFAULT_SEEN_REQUEST_LIMIT;
  // The playground runs in the app's main process for hours: keep only the latest requests.
  const remember = (request: SeenRequest) => {
    seenRequests.push(request);
    if (seenRequests.length > seenLimit) seenRequests.splice(0, seenRequests.length - seenLimit);
  };
  // One counter, change feed and stateless operation log for every transport and era.
  const shared = new PlaygroundSharedState();
  const streamable = new StreamableEndpoint({
    createLegacyServer: () => createPlaygroundMcpServer({ era: 'legacy', lifetime: 'connection', shared }),
    createModernServer: () => createPlaygroundMcpServer({ era: 'modern', lifetime: 'request', shared }),
    changes: shared.changes,
    sessions: opts.sessions,
  });
  const sse = new SseEndpoint(() => createPlaygroundMcpServer({ era: 'legacy', lifetime: 'connection', shared }));
  const websocket = new WebSocketEndpoint(({ era }) => createPlaygroundMcpServer({ era, lifetime: 'connection', shared }), opts);
  const sockets = new Set<Socket>();
  let port = 0;

  const route = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const method = req.method ?? 'GET';
    if (url.pathname === '/' && method === 'GET') return writeText(res, 200, describeEndpoints(port));
    if (url.pathname === '/health' && method === 'GET') {
      return writeJson(res, 200, { status: 'ok', sessions: { streamable: streamable.sessionCount, sse: sse.sessionCount, websocket: websocket.connectionCount } });
    }
    const transport = transportFor(url.pathname);
    if (transport === 'http') return writeText(res, 404, `Nothing at ${url.pathname}.\n\n${describeEndpoints(port)}`);
    const refusal = authFailure(req.headers, opts);
    if (refusal) return writeUnauthorized(res, refusal);
    if (faults.latencyMs) await sleep(faults.latencyMs);
    if (res.destroyed) return;
    if (faults.firstByteDelayMs) holdFirstByte(res, faults.firstByteDelayMs);
    if (faults.dropStream) dropMidStream(res);
    if (transport === 'streamable') {
      if (faults.malformedJson && method === 'POST') return writeMalformedJson(res);
      return streamable.handle(req, res);
    }
    if (url.pathname === '/sse' && method === 'GET') {
      if (faults.malformedJson) corruptEventData(res);
      return sse.openStream(res);
    }
    if (url.pathname === SSE_MESSAGES_PATH && method === 'POST') return sse.handlePost(req, res, url);
    res.setHeader('Allow', url.pathname === '/sse' ? 'GET' : 'POST');
    return writeText(res, 405, `${method} is not allowed on ${url.pathname}.`);
  };

  const httpServer = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    remember(seen(req, url, transportFor(url.pathname)));
    if (!isLoopbackRequest(req)) return writeText(res, 403, 'The playground only answers requests addressed to 127.0.0.1 or localhost.');
    route(req, res, url).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) writeJsonRpcError(res, 500, -32603, `Playground internal error: ${message}`);
      else res.destroy();
    });
  });
  httpServer.on('upgrade', (req: IncomingMessage, socket, head: Buffer) => {
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    remember(seen(req, url, 'websocket'));
    if (!isLoopbackRequest(req)) return rejectUpgrade(socket, 403, 'The playground only accepts connections addressed to 127.0.0.1 or localhost.');
    websocket.handleUpgrade(req, socket, head, url.pathname);
  });
  httpServer.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  httpServer.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(opts.port ?? 0, HOST, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  port = (httpServer.address() as AddressInfo).port;
  const baseUrl = `http://${HOST}:${port}`;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await Promise.allSettled([streamable.closeAll(), sse.closeAll(), websocket.closeAll()]);
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      // Streams and upgraded sockets do not end on their own: cut whatever is still open.
      for (const socket of sockets) socket.destroy();
      httpServer.closeAllConnections();
      await closed;
    })();
    return closing;
  };

  return {
    baseUrl,
    port,
    urls: { streamable: `${baseUrl}/mcp`, sse: `${baseUrl}/sse`, websocket: `ws://${HOST}:${port}${WEBSOCKET_PATH}` },
    seenRequests,
    close,
  };
}

function transportFor(pathname: string): PlaygroundTransport {
  if (pathname === '/mcp') return 'streamable';
  if (pathname === '/sse' || pathname === SSE_MESSAGES_PATH) return 'sse';
  if (pathname === WEBSOCKET_PATH) return 'websocket';
  return 'http';
}

function seen(req: IncomingMessage, url: URL, transport: PlaygroundTransport): SeenRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { method: req.method ?? 'GET', path: url.pathname, url: req.url ?? '/', headers, transport, at: Date.now() };
}

function writeText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function writeJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
