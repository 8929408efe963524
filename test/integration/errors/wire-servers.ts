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
