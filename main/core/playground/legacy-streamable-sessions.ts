import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { NodeStreamableHTTPServerTransport } from '@modelcontextprotocol/node';
import { isInitializeRequest, type McpServer } from '@modelcontextprotocol/server';
import { BoundedEventStore } from './bounded-event-store';
import { writeJsonRpcError } from './http-body';

interface StreamableSession {
  transport: NodeStreamableHTTPServerTransport;
  server: McpServer;
}

/**
 * The 2025-era leg of /mcp: sessionful Streamable HTTP (spec 2025-11-25, transports). An
 * initialize POST without a session id opens a session (its own server instance, transport and
 * event store for Last-Event-ID resumption); every other request is routed by its Mcp-Session-Id
 * header: POSTs, the GET event stream and DELETE. An unknown session id answers 404, which tells
 * the client its session is gone and it must initialize again.
 */
export class LegacyStreamableSessions {
  private readonly sessions = new Map<string, StreamableSession>();

  /** @param createServer builds the 2025-era instance for one session. */
  constructor(private readonly createServer: () => McpServer) {}

  get sessionCount(): number {
    return this.sessions.size;
  }

  /**
   * Serves one 2025-era request. `body` is the parsed JSON of a POST (already read from `req`),
   * undefined for GET and DELETE.
   */
  async handle(req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void> {
    const sessionId = headerValue(req, 'mcp-session-id');
    if (sessionId !== undefined) {
      const session = this.sessions.get(sessionId);
      if (!session) {
        return writeJsonRpcError(res, 404, -32001, `Session not found: ${sessionId} (expired, deleted, or from an earlier playground run)`);
      }
      return session.transport.handleRequest(req, res, body);
    }
    if (req.method !== 'POST') {
      return writeJsonRpcError(res, 400, -32000, 'Bad Request: no Mcp-Session-Id header; send an initialize POST first.');
    }
    if (!containsInitialize(body)) {
      return writeJsonRpcError(res, 400, -32000, 'Bad Request: no Mcp-Session-Id header and the POST is not an initialize request.');
    }
    await this.openSession(req, res, body);
  }

  private async openSession(req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void> {
    const server = this.createServer();
    const transport = new NodeStreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      eventStore: new BoundedEventStore(),
      onsessioninitialized: (id) => {
        this.sessions.set(id, { transport, server });
      },
    });
    // Covers DELETE from the client as well as close(). The server's Protocol wraps this handler
    // and tears itself down after it, so only the routing entry needs forgetting here.
    transport.onclose = () => {
      if (transport.sessionId) this.sessions.delete(transport.sessionId);
    };
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
    // An initialize the transport refused never got a session: nothing will route to it again.
    if (!transport.sessionId) await server.close();
  }

  async closeAll(): Promise<void> {
    const sessions = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.allSettled(sessions.map(({ server }) => server.close()));
  }
}

function containsInitialize(body: unknown): boolean {
  return Array.isArray(body) ? body.some((m) => isInitializeRequest(m)) : isInitializeRequest(body);
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
