import type { IncomingMessage, ServerResponse } from 'node:http';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { writeJsonRpcError } from './http-body';

export const SSE_MESSAGES_PATH = '/messages';

interface SseSession {
  transport: SSEServerTransport;
  server: McpServer;
}

/**
 * Legacy HTTP+SSE (protocol 2024-11-05): GET /sse opens the event stream and announces
 * `/messages?sessionId=...` in its `endpoint` event; the client POSTs its messages there and the
 * answers come back on the stream. Still common in the wild, so the playground keeps serving it.
 */
export class SseEndpoint {
  private readonly sessions = new Map<string, SseSession>();

  constructor(private readonly createServer: () => McpServer) {}

  get sessionCount(): number {
    return this.sessions.size;
  }

  async openStream(res: ServerResponse): Promise<void> {
    const transport = new SSEServerTransport(SSE_MESSAGES_PATH, res);
    const server = this.createServer();
    const sessionId = transport.sessionId;
    this.sessions.set(sessionId, { transport, server });
    // The server's Protocol wraps this handler and tears itself down after it; calling
    // server.close() from here would re-enter transport.close() (the SDK's SSE transport has no guard).
    transport.onclose = () => this.sessions.delete(sessionId);
    // A client that goes away closes the response; the SDK transport notices and closes itself.
    await server.connect(transport);
  }

  async handlePost(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const sessionId = url.searchParams.get('sessionId');
    const session = sessionId ? this.sessions.get(sessionId) : undefined;
    if (!session) {
      return writeJsonRpcError(res, 404, -32001, sessionId ? `Unknown SSE session: ${sessionId}` : 'Missing sessionId query parameter');
    }
    await session.transport.handlePostMessage(req, res);
  }

  async closeAll(): Promise<void> {
    const sessions = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.allSettled(sessions.map(({ transport }) => transport.close()));
  }
}
