import { StreamableHTTPClientTransport, type StreamableHTTPReconnectionOptions } from '@modelcontextprotocol/client';
import type { TransportContext } from './transport-context';

/**
 * How a dropped GET event stream is retried (the SDK resumes with Last-Event-ID when it has one).
 * A few quick retries: a debugging tool should show a dead server quickly, not hide it.
 */
export const STREAM_RECONNECTION: StreamableHTTPReconnectionOptions = {
  initialReconnectionDelay: 500,
  maxReconnectionDelay: 5_000,
  reconnectionDelayGrowFactor: 2,
  maxRetries: 3,
};

/**
 * The SDK's Streamable HTTP client transport, with the connection's headers on every request
 * (POST, GET stream, DELETE) and every exchange going through the recording fetch. The SDK adds
 * mcp-session-id and mcp-protocol-version itself.
 */
export function createStreamableTransport(url: URL, ctx: TransportContext, sessionId?: string): StreamableHTTPClientTransport {
  return new StreamableHTTPClientTransport(url, {
    requestInit: { headers: { ...ctx.headers } },
    fetch: ctx.fetch,
    ...(ctx.authProvider ? { authProvider: ctx.authProvider } : {}),
    reconnectionOptions: STREAM_RECONNECTION,
    ...(sessionId ? { sessionId } : {}),
  });
}

/**
 * DELETE the session so the server can free it (the SDK's close() alone does not). A server that
 * does not support it answers 405, which the spec allows; nothing else to do then.
 */
export async function terminateStreamableSession(transport: StreamableHTTPClientTransport): Promise<void> {
  if (!transport.sessionId) return;
  try {
    await transport.terminateSession();
  } catch {
    // Recorded in the trace by the recording fetch; closing goes on regardless.
  }
}
