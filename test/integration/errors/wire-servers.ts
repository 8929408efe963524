import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { RunningServer } from '../error-kind-servers';

/** A TCP server that answers anything with an SSH banner: not HTTP at all. */
export async function startNotHttpServer(): Promise<RunningServer & { connections: number }> {
  const sockets = new Set<Socket>();
  const state = { connections: 0 };
  const server: Server = createServer((socket) => {
    state.connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.once('data', () => socket.end('SSH-2.0-OpenSSH_9.6\r\nProtocol mismatch.\r\n'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    port,
    get connections() {
      return state.connections;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Answers every POST with a JSON-RPC body and every GET with an event stream, both labelled with
 * `encoding` but sent as plain text: a proxy that adds Content-Encoding without compressing.
 */
export function mislabelledEncoding(encoding: string, eventStream = false) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method === 'GET' || eventStream) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'content-encoding': encoding });
      res.write('event: endpoint\ndata: /messages\n\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding });
    res.end(JSON.stringify({ jsonrpc: '2.0', id: 0, result: { protocolVersion: '2025-06-18', capabilities: {}, serverInfo: { name: 'x', version: '1' } } }));
  };
}

/** A WebSocket endpoint (subprotocol mcp) that sends one `bytes`-long text frame as soon as a client connects. */
export async function startBigFrameWebSocketServer(bytes: number): Promise<RunningServer> {
  const server = createHttpServer();
  const wss = new WebSocketServer({ server, handleProtocols: () => 'mcp' });
  wss.on('connection', (socket) => socket.send(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'x'.repeat(bytes) } })));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/ws`,
    port,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A 2025-era Streamable HTTP server that forgets every session at once: each initialize gets a
 * new session id, and every later request carrying one is answered 404 with the SDK servers'
 * -32001 body (after the initialized notification), as a server behind a load balancer without
 * sticky sessions does.
 */
export async function startForgetfulServer(): Promise<RunningServer & { initializes(): number }> {
  let initializes = 0;
  const server = createHttpServer((req, res) => {
    if (req.method !== 'POST') return void res.writeHead(405).end();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { id?: number; method?: string };
      const json = (status: number, value: unknown, headers: Record<string, string> = {}) =>
        res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(value));
      if (body.method === 'server/discover') return json(400, { jsonrpc: '2.0', id: null, error: { code: -32000, message: 'Bad Request: Server not initialized' } });
      if (body.method === 'initialize') {
        initializes += 1;
        const result = { protocolVersion: '2025-06-18', capabilities: { tools: {} }, serverInfo: { name: 'forgets', version: '1.0.0' } };
        return json(200, { jsonrpc: '2.0', id: body.id, result }, { 'mcp-session-id': `session-${initializes}` });
      }
      if (body.method === 'notifications/initialized') return void res.writeHead(202).end();
      json(404, { jsonrpc: '2.0', id: null, error: { code: -32001, message: 'Session not found' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    port,
    initializes: () => initializes,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
