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

export interface SessionLimits {
  /** A session no request reached for this long is closed (default 30 minutes). */
  idleTimeoutMs?: number;
  /** The most sessions kept; opening one more closes the least recently used (default 100). */
  maxSessions?: number;
  /** For tests: the clock. */
  now?: () => number;
}

export const DEFAULT_SESSION_IDLE_MS = 30 * 60_000;
export const DEFAULT_MAX_SESSIONS = 100;

/**
 * The 2025-era leg of /mcp: sessionful Streamable HTTP (spec 2025-11-25, transports). An
 * initialize POST without a session id opens a session (its own server instance, transport and
 * event store for Last-Event-ID resumption); every other request is routed by its Mcp-Session-Id
 * header: POSTs, the GET event stream and DELETE. An unknown session id answers 404, which tells
 * the client its session is gone and it must initialize again.
 *
 * The playground runs inside the app's main process, so sessions are bounded: one idle for
 * `idleTimeoutMs` expires, and past `maxSessions` the least recently used is closed. Either way
 * its id then answers 404, as the spec says an expired session does (2025-11-25, transports:
 * "Session Management").
 */
export class LegacyStreamableSessions {
  /** In order of last use: the first is the least recently used. */
  private readonly sessions = new Map<string, StreamableSession>();
  private readonly idleTimeoutMs: number;
  private readonly maxSessions: number;
  private readonly now: () => number;
  private readonly lastUsed = new Map<string, number>();
  private readonly sweeper: NodeJS.Timeout;

  /** @param createServer builds the 2025-era instance for one session. */
  constructor(
    private readonly createServer: () => McpServer,
    limits: SessionLimits = {},
  ) {
    this.idleTimeoutMs = limits.idleTimeoutMs ?? DEFAULT_SESSION_IDLE_MS;
    this.maxSessions = limits.maxSessions ?? DEFAULT_MAX_SESSIONS;
    this.now = limits.now ?? Date.now;
    this.sweeper = setInterval(() => this.expireIdle(), Math.max(10, Math.min(this.idleTimeoutMs / 2, 60_000)));
    this.sweeper.unref();
  }

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
      this.touch(sessionId, session);
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
        this.touch(id, { transport, server });
        while (this.sessions.size > this.maxSessions) this.expire(this.sessions.keys().next().value!);
      },
    });
    // Covers DELETE from the client as well as close(). The server's Protocol wraps this handler
    // and tears itself down after it, so only the routing entry needs forgetting here.
    transport.onclose = () => {
      if (transport.sessionId) this.forget(transport.sessionId);
    };
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
    // An initialize the transport refused never got a session: nothing will route to it again.
    if (!transport.sessionId) await server.close();
  }

  async closeAll(): Promise<void> {
    clearInterval(this.sweeper);
    const sessions = [...this.sessions.values()];
    this.sessions.clear();
    this.lastUsed.clear();
    await Promise.allSettled(sessions.map(({ server }) => server.close()));
  }

  /** Closes every session idle for longer than the timeout. */
  expireIdle(): void {
    const oldest = this.now() - this.idleTimeoutMs;
    // Least recently used first: stop at the first one still in use.
    for (const [id, used] of this.lastUsed) {
      if (used > oldest) break;
      this.expire(id);
    }
  }

  /** Marks a session used now, moving it to the end of the order. */
  private touch(id: string, session: StreamableSession): void {
    this.sessions.delete(id);
    this.sessions.set(id, session);
    this.lastUsed.delete(id);
    this.lastUsed.set(id, this.now());
  }

  private forget(id: string): void {
    this.sessions.delete(id);
    this.lastUsed.delete(id);
  }

  private expire(id: string): void {
    const session = this.sessions.get(id);
    this.forget(id);
    // Closing ends its open streams; the server instance tears down with the transport.
    if (session) void session.server.close().catch(() => undefined);
  }
}

function containsInitialize(body: unknown): boolean {
  return Array.isArray(body) ? body.some((m) => isInitializeRequest(m)) : isInitializeRequest(body);
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
