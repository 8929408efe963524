import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { McpServerFactory } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { WebSocketServer } from 'ws';
import { authFailure, rejectUpgrade } from './auth-gate';
import { MessageFaultTransport } from './message-faults';
import type { PlaygroundOptions } from './playground-options';
import { CLOSE_CODES, MCP_WEBSOCKET_SUBPROTOCOL, WebSocketServerTransport } from './websocket-server-transport';

export const WEBSOCKET_PATH = '/ws';

/** Same bound as the HTTP transports put on a POST body. */
const MAX_FRAME_BYTES = 4 * 1024 * 1024;

/**
 * MCP over WebSocket at /ws, both protocol eras: each upgraded connection is served by the SDK's
 * serveStdio entry over our WebSocket transport, because a WebSocket is framed like stdio (one
 * message per frame, one long-lived connection). The entry owns the era decision per connection:
 * an `initialize` opening pins a 2025-era instance, a `server/discover` or enveloped opening pins
 * a 2026-07-28 one and answers `subscriptions/listen` itself. Auth, subprotocol and path are
 * checked before the upgrade, so a refused client gets a real HTTP status (401 with
 * WWW-Authenticate, 400, 404) it can show, not an opaque socket error.
 */
export class WebSocketEndpoint {
  private readonly wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    handleProtocols: (offered) => (offered.has(MCP_WEBSOCKET_SUBPROTOCOL) ? MCP_WEBSOCKET_SUBPROTOCOL : false),
  });
  private readonly transports = new Set<WebSocketServerTransport>();
  private readonly pendingUpgrades = new Set<NodeJS.Timeout>();

  constructor(
    /** Builds the instance a connection is pinned to, for the era serveStdio chose. */
    private readonly createServer: McpServerFactory,
    private readonly opts: PlaygroundOptions,
  ) {}

  get connectionCount(): number {
    return this.transports.size;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, pathname: string): void {
    socket.on('error', () => undefined); // a client vanishing mid-handshake is not our crash
    if (pathname !== WEBSOCKET_PATH) return rejectUpgrade(socket, 404, `No WebSocket endpoint at ${pathname}; use ${WEBSOCKET_PATH}`);
    const refusal = authFailure(req.headers, this.opts);
    if (refusal) return rejectUpgrade(socket, 401, refusal);
    const offered = String(req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    if (!offered.includes(MCP_WEBSOCKET_SUBPROTOCOL)) {
      return rejectUpgrade(socket, 400, `WebSocket subprotocol "${MCP_WEBSOCKET_SUBPROTOCOL}" is required (Sec-WebSocket-Protocol: mcp)`);
    }
    // The 101 answer is this endpoint's first byte, so both HTTP-level delays hold it back.
    const delay = (this.opts.faults?.latencyMs ?? 0) + (this.opts.faults?.firstByteDelayMs ?? 0);
    if (delay <= 0) return this.accept(req, socket, head);
    const timer = setTimeout(() => {
      this.pendingUpgrades.delete(timer);
      if (!socket.destroyed) this.accept(req, socket, head);
    }, delay);
    this.pendingUpgrades.add(timer);
  }

  private accept(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const transport = new WebSocketServerTransport(ws);
      this.transports.add(transport);
      const wire = new MessageFaultTransport(transport, this.opts.faults ?? {}, transport);
      // serveStdio takes over the wire's onclose; closing the socket tears its instance down.
      void wire.closed.then(() => this.transports.delete(transport));
      // Errors (a bad frame, a client gone mid-send) are answered on the wire or end the connection.
      serveStdio(this.createServer, { transport: wire, onerror: () => undefined });
    });
  }

  async closeAll(): Promise<void> {
    for (const timer of this.pendingUpgrades) clearTimeout(timer);
    this.pendingUpgrades.clear();
    const transports = [...this.transports];
    this.transports.clear();
    await Promise.allSettled(transports.map((t) => t.close(CLOSE_CODES.goingAway, 'playground shutting down')));
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
