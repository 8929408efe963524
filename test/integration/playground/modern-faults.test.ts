import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startPlayground, type RunningPlayground } from '../../../main/core/playground/playground-server';
import type { FaultOptions } from '../../../main/core/playground/playground-options';
import { ModernClientPool, type Negotiation } from './support/modern-clients';
import type { ModernWsClientTransport } from './support/modern-ws-client-transport';
import { readEventStream } from './support/playground-clients';

const TOKEN = 'modern-secret-token';
const ENVELOPE = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '1' },
  'io.modelcontextprotocol/clientCapabilities': {},
};

let playground: RunningPlayground | undefined;
const pool = new ModernClientPool();

afterEach(async () => {
  await pool.closeAll();
  await playground?.close();
  playground = undefined;
});

async function start(opts: { faults?: FaultOptions; requireBearer?: string }): Promise<RunningPlayground> {
  playground = await startPlayground({ port: 0, ...opts });
  return playground;
}

/** A 2026-07-28 tools/call POST by hand, with the headers the spec requires on that era. */
function modernToolCall(url: string, name: string, args: Record<string, unknown>, progressToken?: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json, text/event-stream',
      'Mcp-Protocol-Version': '2026-07-28',
      'Mcp-Method': 'tools/call',
      'Mcp-Name': name,
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name, arguments: args, _meta: { ...ENVELOPE, progressToken } } }),
  });
}

/** Opens a raw WebSocket with the mcp subprotocol, sends one message and resolves with the first frame. */
function firstFrameAfter(url: string, message: unknown): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, 'mcp');
    socket.once('open', () => socket.send(JSON.stringify(message)));
    socket.once('message', (data) => {
      resolve(String(data));
      socket.close();
    });
    socket.once('error', reject);
  });
}

describe('2026-07-28 era under faults and auth', () => {
  it.each(['streamable', 'websocket'] as const)('%s: --require-bearer refuses the modern client without the token and serves it with it', async (kind) => {
    const pg = await start({ requireBearer: TOKEN });
    for (const negotiation of ['auto', 'pin'] satisfies Negotiation[]) {
      await expect(pool.connect(pg, kind, { negotiation })).rejects.toThrow(/401|Unauthorized|invalid_token|authenticat/i);
    }
    pg.seenRequests.length = 0;
    const { client } = await pool.connect(pg, kind, { negotiation: 'pin', headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(client.getProtocolEra()).toBe('modern');
    const result = await client.callTool({ name: 'echo', arguments: { message: 'authorised' } });
    expect(result.content).toEqual([{ type: 'text', text: 'authorised' }]);
    expect(pg.seenRequests.length).toBeGreaterThanOrEqual(1);
    for (const request of pg.seenRequests) expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it.each(['streamable', 'websocket'] as const)('%s: latency delays every modern answer', async (kind) => {
    const pg = await start({ faults: { latencyMs: 200 } });
    const { client } = await pool.connect(pg, kind, { negotiation: 'pin' });
    const started = performance.now();
    await client.callTool({ name: 'echo', arguments: { message: 'slow' } });
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('Streamable HTTP: first-byte-delay holds back each modern response', async () => {
    const pg = await start({ faults: { firstByteDelayMs: 400 } });
    const started = performance.now();
    const response = await modernToolCall(pg.urls.streamable, 'echo', { message: 'late' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('"late"');
  });

  it('malformed-json: the modern client cannot negotiate over HTTP, and WebSocket frames are broken', async () => {
    const pg = await start({ faults: { malformedJson: true } });
    const response = await modernToolCall(pg.urls.streamable, 'echo', { message: 'x' });
    const body = await response.text();
    expect(() => JSON.parse(body)).toThrow(SyntaxError);
    await expect(pool.connect(pg, 'streamable', { negotiation: 'pin' })).rejects.toThrow();
    const frame = await firstFrameAfter(pg.urls.websocket, { jsonrpc: '2.0', id: 1, method: 'server/discover', params: { _meta: ENVELOPE } });
    expect(() => JSON.parse(frame)).toThrow(SyntaxError);
  });

  it('Streamable HTTP: drop-stream cuts a modern response stream after two messages', async () => {
    const pg = await start({ faults: { dropStream: true } });
    const response = await modernToolCall(pg.urls.streamable, 'slow_operation', { steps: 5, stepMs: 20 }, 'p');
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const { messages, broke } = await readEventStream(response);
    expect(broke).toBe(true);
    expect(messages).toEqual([1, 2].map((progress) => expect.objectContaining({ method: 'notifications/progress', params: expect.objectContaining({ progress }) })));
  });

  it('WebSocket: drop-stream cuts a modern connection (1006) during slow_operation', async () => {
    const pg = await start({ faults: { dropStream: true } });
    const { client, transport } = await pool.connect(pg, 'websocket', { negotiation: 'pin' });
    const progress: number[] = [];
    const call = client.callTool({ name: 'slow_operation', arguments: { steps: 10, stepMs: 20 } }, { onprogress: (p) => progress.push(p.progress) });
    await expect(call).rejects.toThrow(/closed/i);
    expect((transport as ModernWsClientTransport).closeCode).toBe(1006);
    expect(progress.length).toBeLessThanOrEqual(2);
  });
});
