import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { ConnectionTarget, TransportKind } from '../../../shared/model/connection';
import { traceTransport } from '../capture/traced-transport';
import { CLIENT_CAPABILITIES, installClientHandlers, type ClientRequestHandlers } from './client-handlers';
import { createSseTransport } from './sse-transport';
import { createStdioTransport } from './stdio-transport';
import { createStreamableTransport, terminateStreamableSession } from './streamable-transport';
import { withDeadline } from './timeouts';
import type { TransportContext } from './transport-context';
import { WebSocketClientTransport } from './websocket-client-transport';

/** One live MCP session: an initialized SDK client over one transport. */
export interface LiveSession {
  kind: TransportKind;
  client: Client;
  /** The SDK/our transport under the tracing wrapper (for sessionId and DELETE). */
  inner: Transport;
  protocolVersion?: string;
  /** Latest SSE event id seen on a request's stream: the token to resume it with. */
  lastEventId?: string;
  close(opts?: { terminate?: boolean }): Promise<void>;
}

export interface AttemptOptions {
  kind: TransportKind;
  url?: URL;
  target: ConnectionTarget;
  ctx: TransportContext;
  clientInfo: { name: string; version: string };
  handlers?: ClientRequestHandlers;
  /** Time left for the whole connect (transport start + initialize). */
  deadlineMs: number;
  /** Aborted when the connection is closed while this attempt is still connecting. */
  signal?: AbortSignal;
  webSocket?: { pingIntervalMs?: number; pongTimeoutMs?: number };
  /** Reported errors from the transport (the SDK often swallows the cause of a failure there). */
  onTransportError(error: Error): void;
  /** The session ended without close() being called: the socket dropped, the process exited. */
  onUnexpectedClose(session: LiveSession): void;
}

/** Builds the transport for `kind`, wraps it in the tracing layer and runs initialize. */
export async function connectSession(opts: AttemptOptions): Promise<LiveSession> {
  const inner = buildTransport(opts);
  const traced = traceTransport(inner, opts.ctx.bus, opts.ctx.redactor);
  const client = new Client(opts.clientInfo, { capabilities: CLIENT_CAPABILITIES });
  installClientHandlers(client, opts.handlers);

  let closing = false;
  const session: LiveSession = {
    kind: opts.kind,
    client,
    inner,
    async close({ terminate = true } = {}) {
      if (closing) return;
      closing = true;
      if (terminate && inner instanceof StreamableHTTPClientTransport) await terminateStreamableSession(inner);
      await client.close().catch(() => undefined);
    },
  };
  // The SDK tells the transport the negotiated version through this hook; keep a copy for the info.
  const setVersion = traced.setProtocolVersion?.bind(traced);
  traced.setProtocolVersion = (version: string) => {
    session.protocolVersion = version;
    setVersion?.(version);
  };
  client.onerror = (error) => opts.onTransportError(error);
  client.onclose = () => {
    if (!closing) opts.onUnexpectedClose(session);
  };

  const abandon = () => void session.close({ terminate: false });
  opts.signal?.addEventListener('abort', abandon, { once: true });
  try {
    if (opts.signal?.aborted) throw new Error('Connection closed before it was established');
    await withDeadline(
      client.connect(traced, { timeout: opts.deadlineMs }),
      opts.deadlineMs,
      `connecting to ${opts.url?.href ?? opts.target.command ?? 'the server'}`,
      () => void session.close({ terminate: false }),
    );
  } catch (error) {
    closing = true;
    await client.close().catch(() => undefined);
    throw error;
  } finally {
    opts.signal?.removeEventListener('abort', abandon);
  }
  return session;
}

function buildTransport(opts: AttemptOptions): Transport {
  const { kind, url, ctx } = opts;
  if (kind === 'stdio') return createStdioTransport(opts.target, ctx.bus, ctx.redactor);
  if (!url) throw new Error(`the ${kind} transport needs a URL`);
  if (kind === 'streamable') return createStreamableTransport(url, ctx);
  if (kind === 'sse') return createSseTransport(url, ctx);
  return new WebSocketClientTransport(url, {
    headers: ctx.headers,
    bus: ctx.bus,
    redactor: ctx.redactor,
    tls: ctx.tls.webSocket,
    ...opts.webSocket,
  });
}
