import type { IncomingMessage, ServerResponse } from 'node:http';
import type { McpServer } from '@modelcontextprotocol/server';
import { writeJsonRpcError } from './http-body';
import { SseServerTransport } from './sse-server-transport';

export const SSE_MESSAGES_PATH = '/messages';

interface SseSession {
  transport: SseServerTransport;
  server: McpServer;
}

/**
 * Legacy HTTP+SSE (spec 2024-11-05) at /sse + /messages: GET /sse opens the event stream and
 * announces `/messages?sessionId=...`; the client POSTs its messages there and the answers come
 * back on the stream. A 2025-era-only transport, still common in the wild, so the playground keeps
 * serving it: each stream gets its own 2025-era server instance.
 */
export class SseEndpoint {
  private readonly sessions = new Map<string, SseSession>();

  /** @param createServer builds the 2025-era instance for one stream. */
  constructor(private readonly createServer: () => McpServer) {}

  get sessionCount(): number {
    return this.sessions.size;
  }

  async openStream(res: ServerResponse): Promise<void> {
    const transport = new SseServerTransport(SSE_MESSAGES_PATH, res);
    const server = this.createServer();
    const { sessionId } = transport;
    this.sessions.set(sessionId, { transport, server });
    // The server's Protocol wraps this handler and tears itself down after it.
    transport.onclose = () => this.sessions.delete(sessionId);
    // A client that goes away closes the response; the transport notices and closes itself.
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
    await Promise.allSettled(sessions.map(({ server }) => server.close()));
  }
}
