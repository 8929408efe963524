import { SSEClientTransport } from '@modelcontextprotocol/client';
import type { TransportContext } from './transport-context';

/**
 * The SDK's legacy HTTP+SSE client transport. The SDK puts requestInit.headers on the GET event
 * stream and on every POST; both go through the recording fetch (eventSourceInit.fetch for the
 * stream, so its events are recorded as they arrive).
 */
export function createSseTransport(url: URL, ctx: TransportContext): SSEClientTransport {
  return new SSEClientTransport(url, {
    requestInit: { headers: { ...ctx.headers } },
    eventSourceInit: { fetch: withHeaders(ctx) },
    fetch: ctx.fetch,
    ...(ctx.authProvider ? { authProvider: ctx.authProvider } : {}),
  });
}

/** The GET's fetch: the SDK already passes the headers; adding them again keeps them if it ever stops. */
function withHeaders(ctx: TransportContext): typeof fetch {
  return (input, init) => {
    const headers = new Headers(init?.headers);
    for (const [name, value] of Object.entries(ctx.headers)) if (!headers.has(name)) headers.set(name, value);
    return ctx.fetch(input, { ...init, headers });
  };
}
