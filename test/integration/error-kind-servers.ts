import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

/**
 * Tiny servers that fail the way real deployments do, each on 127.0.0.1 and a free port.
 * They deliberately do not use our playground or the SDK, so a diagnosis cannot lean on them.
 */
export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export async function startHttpServer(handler: Handler, path = '/mcp'): Promise<RunningServer> {
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => handler(req, res));
  });
  await listen(server);
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${path}`, port, close: () => closeServer(server) };
}

/** Like startHttpServer, with the request body (as text) handed to the handler. */
export async function startBodyServer(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void, path = '/mcp'): Promise<RunningServer> {
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => handler(req, res, body));
  });
  await listen(server);
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${path}`, port, close: () => closeServer(server) };
}

/** A port that was free a moment ago and has nothing listening now. */

export const HTML_404_PAGE =
  '<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>';

export function html404(_req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(HTML_404_PAGE);
}

export function malformedJson(_req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json' }).end('{"jsonrpc":"2.0","id":0,"result":{"protocolVersion":');
}

export function postNotAllowed(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(405, { allow: 'GET', 'content-type': 'text/plain' }).end(`Cannot ${req.method ?? 'POST'} /mcp`);
}

/** Answers the POST with an event stream, then kills the socket before any message. */
export function droppedStream(_req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.write(': stream opened\n\n', () => setTimeout(() => res.socket?.destroy(), 20));
}

/** Accepts the request and never answers. */
export function neverAnswers(): void {
  // Intentionally empty: the client must time out.
}

/** A WebSocket endpoint that accepts the `mcp` subprotocol, then drops the TCP connection. */
export async function startDroppingWebSocketServer(): Promise<RunningServer> {
  const server = createServer();
  const wss = new WebSocketServer({ server, handleProtocols: (protocols) => (protocols.has('mcp') ? 'mcp' : false) });
  wss.on('connection', (socket) => {
    socket.once('message', () => socket.terminate());
  });
  await listen(server);
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/ws`,
    port,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await closeServer(server);
    },
  };
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

/**
 * A minimal Streamable HTTP server that hands out a session on initialize; after `forget()` it
 * answers 404 to every request carrying that id, as a restarted server does.
 */
export function forgetfulSessionServer(): { handler: Handler; forget(): void } {
  let initialized = false;
  let forgotten = false;
  const handler: Handler = (req, res) => {
    if (req.method === 'GET' || req.method === 'DELETE') return void res.writeHead(405).end();
    if (!initialized && req.headers['mcp-method'] === 'server/discover') {
      // What 2025-era servers answer to anything before initialize (here: the era probe).
      return void res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32000, message: 'Bad Request: Server not initialized' } }));
    }
    if (!initialized) {
      initialized = true;
      const body = JSON.stringify({
        jsonrpc: '2.0',
        id: 0,
        result: { protocolVersion: '2025-06-18', capabilities: { tools: {} }, serverInfo: { name: 'forgetful', version: '1.0.0' } },
      });
      return void res.writeHead(200, { 'content-type': 'application/json', 'mcp-session-id': 'session-1' }).end(body);
    }
    if (forgotten && req.headers['mcp-session-id'] === 'session-1') {
      return void res.writeHead(404, { 'content-type': 'text/plain' }).end('Session not found');
    }
    res.writeHead(202).end();
  };
  return { handler, forget: () => void (forgotten = true) };
}

/**
 * A server that refuses its MCP endpoint (`/mcp`) with `status` and a WWW-Authenticate
 * `challenge`, and answers 404 everywhere else (no OAuth metadata, no registration endpoint),
 * noting each request as "METHOD /path".
 */
export async function startRefusingServer(status: number, challenge: string): Promise<RunningServer & { seen: string[] }> {
  const seen: string[] = [];
  const server = await startHttpServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    if (req.url === '/mcp') {
      res.writeHead(status, { 'WWW-Authenticate': challenge, 'Content-Type': 'application/json' });
      return res.end('{"error":"no"}');
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  });
  return { ...server, seen };
}
