import { Client, type ClientOptions } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { RunningPlayground } from '../../../../main/core/playground/playground-server';
import { TestWsClientTransport } from './ws-client-transport';

export type NetworkTransport = 'streamable' | 'sse' | 'websocket';
export const NETWORK_TRANSPORTS: NetworkTransport[] = ['streamable', 'sse', 'websocket'];

/** A client transport of the plain SDK (or the tiny ws one) for the given playground endpoint. */
export function clientTransport(playground: RunningPlayground, kind: NetworkTransport, headers: Record<string, string> = {}): Transport {
  switch (kind) {
    case 'streamable':
      return new StreamableHTTPClientTransport(new URL(playground.urls.streamable), { requestInit: { headers } });
    case 'sse':
      return new SSEClientTransport(new URL(playground.urls.sse), { requestInit: { headers } });
    case 'websocket':
      return new TestWsClientTransport(playground.urls.websocket, headers);
  }
}

/** Tracks clients so afterEach can close every one of them. */
export class ClientPool {
  private readonly clients: Client[] = [];

  async connect(transport: Transport, options?: ClientOptions): Promise<Client> {
    const client = new Client({ name: 'playground-test', version: '1.0.0' }, options);
    this.clients.push(client);
    await client.connect(transport);
    return client;
  }

  async closeAll(): Promise<void> {
    await Promise.allSettled(this.clients.splice(0).map((c) => c.close()));
  }
}

/** Reads an SSE body until it ends or breaks; returns the data lines and how it ended. */
export async function readEventStream(response: Response): Promise<{ messages: unknown[]; broke: boolean }> {
  const messages: unknown[] = [];
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let broke = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = event.split('\n').find((line) => line.startsWith('data: {'));
        if (data) messages.push(JSON.parse(data.slice('data: '.length)));
      }
    }
  } catch {
    broke = true;
  }
  return { messages, broke };
}

export const INITIALIZE_BODY = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw-test', version: '1' } },
};

export const MCP_POST_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' };

/** Opens a Streamable HTTP session by hand and returns its id (for raw-fetch fault tests). */
export async function rawInitialize(url: string): Promise<string> {
  const response = await fetch(url, { method: 'POST', headers: MCP_POST_HEADERS, body: JSON.stringify(INITIALIZE_BODY) });
  const sessionId = response.headers.get('mcp-session-id');
  await response.text();
  if (!response.ok || !sessionId) throw new Error(`initialize failed: HTTP ${response.status}`);
  await fetch(url, {
    method: 'POST',
    headers: { ...MCP_POST_HEADERS, 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-11-25' },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
  }).then((r) => r.text());
  return sessionId;
}
