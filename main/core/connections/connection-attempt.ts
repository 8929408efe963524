import { Client, StreamableHTTPClientTransport, type DiscoverResult, type Transport, type VersionNegotiationOptions } from '@modelcontextprotocol/client';
import { FIRST_MODERN_REVISION, type ProtocolEra, type ProtocolEraChoice } from '../../../shared/model/protocol-era';
import type { ConnectionTarget, TransportKind } from '../../../shared/model/connection';
import { traceTransport, type TracedTransportOptions } from '../capture/traced-transport';
import { clientCapabilities, installClientInput, type ClientInputHandlers } from './input/client-input';
import { createSseTransport } from './sse-transport';
import { createStreamableTransport, terminateStreamableSession } from './streamable-transport';
import { withDeadline } from './timeouts';
import type { TransportContext } from './transport-context';

/** How long (ms) closing waits for notifications in flight (a server that never acknowledges them is not waited for). */
const NOTIFICATIONS_GRACE_MS = 500;

/** One live MCP session: a connected SDK client over one transport, in one protocol era. */
export interface LiveSession {
  kind: TransportKind;
  client: Client;
  /** The SDK/our transport under the tracing wrapper (for sessionId and DELETE). */
  inner: Transport;
  era: ProtocolEra;
  protocolVersion?: string;
  /** The server/discover result (modern era): the versions and capabilities the server offered. */
  discover?: DiscoverResult;
  /** Latest SSE event id seen on a request's stream: the token to resume it with. */
  lastEventId?: string;
  close(opts?: { terminate?: boolean }): Promise<void>;
}

/** The era a connect attempt asks for (a pinned version already implies its era). */
export interface EraRequest {
  choice: ProtocolEraChoice;
  version?: string;
}

export interface AttemptOptions {
  kind: TransportKind;
  url?: URL;
  target: ConnectionTarget;
  ctx: TransportContext;
  clientInfo: { name: string; version: string };
  handlers?: ClientInputHandlers;
  era: EraRequest;
  /** Time left for the whole connect (transport start + probe + handshake). */
  deadlineMs: number;
  /** Aborted when the connection is closed while this attempt is still connecting. */
  signal?: AbortSignal;
  webSocket?: { pingIntervalMs?: number; pongTimeoutMs?: number };
  /** Reported errors from the transport (the SDK often swallows the cause of a failure there). */
  onTransportError(error: Error): void;
  /** The session ended without close() being called: the socket dropped, the process exited. */
  onUnexpectedClose(session: LiveSession): void;
  /** See TracedTransportOptions. */
  onOrphan?: TracedTransportOptions['onOrphan'];
  takeEventData?: TracedTransportOptions['takeEventData'];
}

/**
 * How long an `auto` probe of a stdio server waits before deciding it is a 2025-era server that
 * ignores unknown requests (on HTTP a probe that times out is an outage, never a verdict).
 */
export const STDIO_PROBE_TIMEOUT_MS = 3_000;

/** Builds the transport for `kind`, wraps it in the tracing layer and connects in the requested era. */
export async function connectSession(opts: AttemptOptions): Promise<LiveSession> {
  const inner = await buildTransport(opts);
  const eraKnown: { era?: ProtocolEra } = {};
  const traced = traceTransport(inner, opts.ctx.bus, {
    era: () => eraKnown.era,
    ...(opts.onOrphan ? { onOrphan: opts.onOrphan } : {}),
    ...(opts.takeEventData ? { takeEventData: opts.takeEventData } : {}),
  });
  const handlers = opts.handlers ?? {};
  const client = new Client(opts.clientInfo, {
    capabilities: clientCapabilities(handlers),
    versionNegotiation: negotiation(opts),
    ...(opts.era.choice === 'legacy' && opts.era.version ? { supportedProtocolVersions: [opts.era.version] } : {}),
  });
  installClientInput(client, handlers, { bus: opts.ctx.bus, era: () => client.getProtocolEra() });

  let closing = false;
  const session: LiveSession = {
    kind: opts.kind,
    client,
    inner,
    era: 'legacy',
    async close({ terminate = true } = {}) {
      if (closing) return;
      closing = true;
      // A notifications/cancelled just sent (a request given up) reaches the server before the end.
      await traced.notifications.settled(NOTIFICATIONS_GRACE_MS);
      if (terminate && inner instanceof StreamableHTTPClientTransport) await terminateStreamableSession(inner);
      await client.close().catch(() => undefined);
      // During the server/discover probe the SDK has not attached the transport to the client yet,
      // so client.close() alone would leave the probe waiting: close the transport itself too.
      await traced.close().catch(() => undefined);
    },
  };
  client.onerror = (error) => opts.onTransportError(error);
  // Set before connect so the SDK forwards the transport's errors during its server/discover probe
  // too (it saves and chains handlers found on the transport); otherwise a stream dropped under the
  // probe would surface only as a timeout.
  traced.onerror = (error) => opts.onTransportError(error);
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
  session.era = client.getProtocolEra() ?? 'legacy';
  eraKnown.era = session.era;
  session.protocolVersion = client.getNegotiatedProtocolVersion();
  const discover = client.getDiscoverResult();
  if (discover) session.discover = discover;
  return session;
}

/**
 * The SDK's version negotiation for the era setting: `auto` probes with server/discover and
 * falls back to initialize; `modern` pins a 2026-07-28+ revision (no fallback); `legacy` is the
 * plain 2025 handshake (a pinned 2025 version is the only one offered, see supportedProtocolVersions).
 */
function negotiation(opts: AttemptOptions): VersionNegotiationOptions {
  const { choice, version } = opts.era;
  if (choice === 'legacy') return { mode: 'legacy' };
  if (choice === 'modern') return { mode: { pin: version ?? FIRST_MODERN_REVISION } };
  const timeoutMs = opts.kind === 'stdio' ? Math.min(STDIO_PROBE_TIMEOUT_MS, opts.deadlineMs) : opts.deadlineMs;
  return { mode: 'auto', probe: { timeoutMs } };
}

async function buildTransport(opts: AttemptOptions): Promise<Transport> {
  const { kind, url, ctx } = opts;
  // The stdio and WebSocket transports (with child_process and `ws`) load only when used: the
  // CLI's HTTP commands then start without parsing them.
  if (kind === 'stdio') return (await import('./stdio-transport')).createStdioTransport(opts.target, ctx.bus, ctx.redactor);
  if (!url) throw new Error(`the ${kind} transport needs a URL`);
  if (kind === 'streamable') return createStreamableTransport(url, ctx);
  if (kind === 'sse') return createSseTransport(url, ctx);
  const { WebSocketClientTransport } = await import('./websocket-client-transport');
  return new WebSocketClientTransport(url, {
    headers: ctx.headers,
    bus: ctx.bus,
    redactor: ctx.redactor,
    tls: ctx.tls.webSocket,
    ...(opts.target.maxMessageBytes ? { maxMessageBytes: opts.target.maxMessageBytes } : {}),
    ...opts.webSocket,
  });
}
