import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { BoundedEventStore } from './bounded-event-store';
import { readJsonBody, writeJsonRpcError } from './http-body';

interface StreamableSession {
  transport: StreamableHTTPServerTransport;
  server: McpServer;
}

/**
 * Streamable HTTP at /mcp in stateful mode: an initialize POST without a session id opens a new
 * session (its own McpServer, transport and event store for Last-Event-ID resumption); every
 * other request is routed by its Mcp-Session-Id header.
 */
export class StreamableEndpoint {
  private readonly sessions = new Map<string, StreamableSession>();

  constructor(private readonly createServer: () => McpServer) {}

  get sessionCount(): number {
    return this.sessions.size;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const sessionId = headerValue(req, 'mcp-session-id');
    if (sessionId !== undefined) {
      const session = this.sessions.get(sessionId);
      if (!session) {
        // 404 tells the client its session is gone and it must initialize again (spec behaviour).
        return writeJsonRpcError(res, 404, -32001, `Session not found: ${sessionId} (expired, deleted, or from an earlier playground run)`);
      }
      return session.transport.handleRequest(req, res);
    }
    if (req.method !== 'POST') {
      return writeJsonRpcError(res, 400, -32000, 'Bad Request: no Mcp-Session-Id header; send an initialize POST first.');
    }
    const body = await readJsonBody(req, res);
    if (body === undefined) return; // readJsonBody already answered
    if (!containsInitialize(body)) {
      return writeJsonRpcError(res, 400, -32000, 'Bad Request: no Mcp-Session-Id header and the POST is not an initialize request.');
    }
    await this.openSession(req, res, body);
  }

  private async openSession(req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void> {
    const server = this.createServer();
    const transport = new StreamableHTTPServerTransport({
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
    if (!transport.sessionId) await transport.close();
  }

  async closeAll(): Promise<void> {
    const sessions = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.allSettled(sessions.map(({ transport }) => transport.close()));
  }
}

function containsInitialize(body: unknown): boolean {
  return Array.isArray(body) ? body.some((m) => isInitializeRequest(m)) : isInitializeRequest(body);
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
