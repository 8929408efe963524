import { fileURLToPath } from 'node:url';
import { Client, StreamableHTTPClientTransport, type ClientOptions, type Transport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import type { RunningPlayground } from '../../../../main/core/playground/playground-options';
import { ModernWsClientTransport } from './modern-ws-client-transport';

/** The transports on which the playground serves the 2026-07-28 era (legacy SSE is 2025-only). */
export type ModernTransportKind = 'streamable' | 'websocket' | 'stdio';
export const MODERN_TRANSPORTS: ModernTransportKind[] = ['streamable', 'websocket', 'stdio'];

/** The v2 client's negotiation modes: probe-and-fall-back, modern only, and the plain 2025 handshake. */
export const NEGOTIATION = {
  auto: { mode: 'auto' },
  pin: { mode: { pin: '2026-07-28' } },
  legacy: { mode: 'legacy' },
} as const satisfies Record<string, ClientOptions['versionNegotiation']>;
export type Negotiation = keyof typeof NEGOTIATION;

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const STDIO_SERVER = { command: process.execPath, args: ['--import', 'tsx', 'main/core/playground/stdio-main.ts'], cwd: REPO_ROOT };

/** One HTTP exchange as the client's fetch saw it. */
export interface RecordedExchange {
  method: string;
  requestHeaders: Headers;
  requestBody?: Record<string, unknown>;
  status: number;
  responseHeaders: Headers;
  /** The response body as text; resolves to '' when the stream was cut or aborted. */
  responseText: Promise<string>;
}

/** A fetch that records every exchange; the body copy never raises, so aborted streams stay quiet. */
export function recordingFetch(log: RecordedExchange[]): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : undefined;
    log.push({
      method: init?.method ?? 'GET',
      requestHeaders: new Headers(init?.headers),
      requestBody: body,
      status: response.status,
      responseHeaders: response.headers,
      responseText: response.clone().text().catch(() => ''),
    });
    return response;
  };
}

/** The JSON-RPC messages in a response body, whether plain JSON or an event stream. */
export function messagesInBody(text: string): Array<Record<string, unknown>> {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return [JSON.parse(trimmed)].flat();
  return text
    .split('\n')
    .filter((line) => line.startsWith('data: {'))
    .map((line) => JSON.parse(line.slice('data: '.length)) as Record<string, unknown>);
}

export interface ModernConnection {
  client: Client;
  transport: Transport;
  /** HTTP exchanges (Streamable HTTP only). */
  exchanges: RecordedExchange[];
}

export interface ConnectOptions {
  negotiation?: Negotiation;
  capabilities?: ClientOptions['capabilities'];
  headers?: Record<string, string>;
}

/** Tracks v2 clients so afterEach can close every one of them. */
export class ModernClientPool {
  private readonly clients: Client[] = [];

  /** A v2 client connected to the playground over `kind`; `playground` is unused for stdio. */
  async connect(playground: RunningPlayground | undefined, kind: ModernTransportKind, opts: ConnectOptions = {}): Promise<ModernConnection> {
    const exchanges: RecordedExchange[] = [];
    const transport = modernTransport(playground, kind, exchanges, opts.headers ?? {});
    const client = new Client(
      { name: 'playground-modern-test', version: '1.0.0' },
      { versionNegotiation: NEGOTIATION[opts.negotiation ?? 'auto'], capabilities: opts.capabilities ?? {} },
    );
    this.clients.push(client);
    await client.connect(transport);
    return { client, transport, exchanges };
  }

  async closeAll(): Promise<void> {
    await Promise.allSettled(this.clients.splice(0).map((c) => c.close()));
  }
}

function modernTransport(playground: RunningPlayground | undefined, kind: ModernTransportKind, exchanges: RecordedExchange[], headers: Record<string, string>): Transport {
  if (kind === 'stdio') return new StdioClientTransport({ ...STDIO_SERVER, stderr: 'pipe' });
  if (!playground) throw new Error(`${kind} needs a running playground`);
  if (kind === 'websocket') return new ModernWsClientTransport(playground.urls.websocket, headers);
  return new StreamableHTTPClientTransport(new URL(playground.urls.streamable), { fetch: recordingFetch(exchanges), requestInit: { headers } });
}
