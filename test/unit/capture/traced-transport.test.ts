// The engine's client (v2) over an in-memory pair to a server built on the v1 SDK, as most
// deployed servers still are: the traced transport sits on the client side only.
import { Client, type JSONRPCMessage, type Transport } from '@modelcontextprotocol/client';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { Redactor } from '../../../main/core/capture/redaction';
import { traceTransport } from '../../../main/core/capture/traced-transport';
import { TraceBus } from '../../../main/core/capture/trace-bus';
import type { MessageEntry, TraceEntry } from '../../../shared/model/trace';

const SECRET = 'sk-live-7f3a9c1e55d2';

function startServer(): McpServer {
  const server = new McpServer({ name: 'fixture', version: '1.0.0' });
  server.registerTool('echo', { inputSchema: { text: z.string() } }, async ({ text }) => ({ content: [{ type: 'text', text }] }));
  server.registerTool('wait', { inputSchema: { ms: z.number() } }, async ({ ms }, extra) => {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      extra.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    return { content: [{ type: 'text', text: 'done' }] };
  });
  return server;
}

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function connectTraced(redactor = new Redactor()) {
  const server = startServer();
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const bus = new TraceBus('conn-test', redactor);
  const entries: TraceEntry[] = [];
  bus.subscribe((e) => entries.push(e));
  const client = new Client({ name: 'test-client', version: '1.0.0' });
  await client.connect(traceTransport(clientSide, bus));
  cleanups.push(() => client.close(), () => server.close());
  const messages = () => entries.filter((e): e is MessageEntry => e.type === 'message');
  return { client, server, bus, entries, messages };
}

describe('traced transport', () => {
  it('records both directions with kind, id, method and UTF-8 size', async () => {
    const { client, messages } = await connectTraced();
    await client.callTool({ name: 'echo', arguments: { text: 'héllo ✓' } });

    const init = messages().find((m) => m.method === 'initialize' && m.messageKind === 'request')!;
    expect(init).toMatchObject({ direction: 'outgoing', rpcId: 0 });
    const initialized = messages().find((m) => m.method === 'notifications/initialized')!;
    expect(initialized).toMatchObject({ direction: 'outgoing', messageKind: 'notification' });
    expect(initialized.rpcId).toBeUndefined();

    const call = messages().find((m) => m.method === 'tools/call' && m.messageKind === 'request')!;
    expect(call.direction).toBe('outgoing');
    expect(call.size).toBe(Buffer.byteLength(JSON.stringify(call.message), 'utf8'));
    expect(call.size).toBeGreaterThan(JSON.stringify(call.message).length); // é and ✓ are multi-byte in UTF-8
    const response = messages().find((m) => m.messageKind === 'response' && m.rpcId === call.rpcId)!;
    expect(response).toMatchObject({ direction: 'incoming', method: 'tools/call' });
    expect(JSON.stringify(response.message)).toContain('héllo ✓');
  });

  it('pairs every response with its request, with sub-millisecond latency', async () => {
    const { client, messages } = await connectTraced();
    await client.callTool({ name: 'wait', arguments: { ms: 30 } });
    await client.listTools();

    const requests = messages().filter((m) => m.messageKind === 'request');
    const responses = messages().filter((m) => m.messageKind === 'response');
    expect(responses.length).toBe(requests.length);
    for (const response of responses) {
      const request = requests.find((r) => r.seq === response.requestSeq)!;
      expect(request.rpcId).toBe(response.rpcId);
      expect(response.latencyMs).toBeCloseTo(response.monoTime - request.monoTime, 6);
    }
    const wait = responses.find((r) => r.method === 'tools/call')!;
    expect(wait.latencyMs!).toBeGreaterThanOrEqual(25);
    expect(Number.isInteger(wait.latencyMs)).toBe(false);
  });

  it('pairs requests the server sends to the client (the other direction)', async () => {
    const { server, messages } = await connectTraced();
    await server.server.ping();
    const ping = messages().find((m) => m.method === 'ping' && m.messageKind === 'request')!;
    expect(ping.direction).toBe('incoming');
    const pong = messages().find((m) => m.requestSeq === ping.seq)!;
    expect(pong).toMatchObject({ direction: 'outgoing', messageKind: 'response', method: 'ping' });
  });

  it('marks an aborted request as cancelled', async () => {
    const { client, messages } = await connectTraced();
    const controller = new AbortController();
    const call = client.callTool({ name: 'wait', arguments: { ms: 5_000 } }, { signal: controller.signal });
    await vi.waitFor(() => expect(messages().some((m) => m.method === 'tools/call')).toBe(true));
    controller.abort('user pressed stop');
    await expect(call).rejects.toThrow();

    const request = messages().find((m) => m.method === 'tools/call' && m.messageKind === 'request')!;
    const cancelled = messages().find((m) => m.method === 'notifications/cancelled')!;
    expect(cancelled).toMatchObject({ direction: 'outgoing', messageKind: 'notification', endsRequestSeq: request.seq, outcome: 'cancelled' });
  });

  it('marks a timed-out request as timeout', async () => {
    const { client, messages } = await connectTraced();
    await expect(client.callTool({ name: 'wait', arguments: { ms: 5_000 } }, { timeout: 40 })).rejects.toThrow(/timed out/);

    const request = messages().find((m) => m.method === 'tools/call' && m.messageKind === 'request')!;
    const cancelled = messages().find((m) => m.method === 'notifications/cancelled')!;
    expect(cancelled).toMatchObject({ endsRequestSeq: request.seq, outcome: 'timeout' });
  });

  it('never lets a known secret into an entry, while the real value still goes on the wire', async () => {
    const redactor = new Redactor({ secretValues: [SECRET] });
    const { client, entries } = await connectTraced(redactor);
    const result = await client.callTool({ name: 'echo', arguments: { text: `key=${SECRET} "and" more` } });
    expect(JSON.stringify(result)).toContain(SECRET);

    const all = JSON.stringify(entries);
    expect(all).not.toContain(SECRET);
    expect(all).toContain('key=[redacted]');
    // Size is that of the real message on the wire, not of the redacted copy.
    const call = entries.find((e): e is MessageEntry => e.type === 'message' && e.method === 'tools/call')!;
    expect(call.size).toBeGreaterThan(Buffer.byteLength(JSON.stringify(call.message)));
  });
});

/** A hand-driven inner transport, to test what an SDK client would not produce. */
function fakeInner(): Transport & { sent: JSONRPCMessage[]; protocolVersion?: string } {
  const inner = {
    sent: [] as JSONRPCMessage[],
    sessionId: 'session-abc' as string | undefined,
    protocolVersion: undefined as string | undefined,
    start: async () => undefined,
    close: async () => inner.onclose?.(),
    send: async (m: JSONRPCMessage) => void inner.sent.push(m),
    setProtocolVersion: (v: string) => void (inner.protocolVersion = v),
    onclose: undefined as (() => void) | undefined,
    onerror: undefined as ((e: Error) => void) | undefined,
    onmessage: undefined as Transport['onmessage'],
  };
  return inner;
}

describe('traced transport pass-through', () => {
  it('passes sessionId, setProtocolVersion, onclose and onerror through', async () => {
    const inner = fakeInner();
    const traced = traceTransport(inner, new TraceBus('c', new Redactor()));
    expect(traced.sessionId).toBe('session-abc');
    traced.setProtocolVersion?.('2025-06-18');
    expect(inner.protocolVersion).toBe('2025-06-18');
    const onclose = vi.fn();
    const onerror = vi.fn();
    traced.onclose = onclose;
    traced.onerror = onerror;
    inner.onerror?.(new Error('boom'));
    await traced.close();
    expect(onerror).toHaveBeenCalledWith(new Error('boom'));
    expect(onclose).toHaveBeenCalledOnce();
  });

  it('hands messages on unchanged, including legacy batches (one entry per element)', async () => {
    const inner = fakeInner();
    const bus = new TraceBus('c', new Redactor());
    const entries: MessageEntry[] = [];
    bus.subscribe((e) => entries.push(e as MessageEntry));
    const traced = traceTransport(inner, bus);
    const received: unknown[] = [];
    traced.onmessage = (m) => received.push(m);

    await traced.send({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    await traced.send({ jsonrpc: '2.0', id: 'b', method: 'ping' });
    const batch = [
      { jsonrpc: '2.0', id: 1, result: { tools: [] } },
      { jsonrpc: '2.0', id: 'b', error: { code: -32601, message: 'nope' } },
    ];
    inner.onmessage?.(batch as unknown as JSONRPCMessage);

    expect(received).toEqual([batch]);
    expect(received[0]).toBe(batch);
    expect(inner.sent).toHaveLength(2);
    expect(entries.map((e) => [e.direction, e.messageKind, e.rpcId, e.requestSeq])).toEqual([
      ['outgoing', 'request', 1, undefined],
      ['outgoing', 'request', 'b', undefined],
      ['incoming', 'response', 1, 1],
      ['incoming', 'error', 'b', 2],
    ]);
  });

  it('does not pair a response with a request of the same id in the same direction', async () => {
    const inner = fakeInner();
    const bus = new TraceBus('c', new Redactor());
    const entries: MessageEntry[] = [];
    bus.subscribe((e) => void (e.type === 'message' && entries.push(e)));
    const traced = traceTransport(inner, bus);
    inner.onmessage?.({ jsonrpc: '2.0', id: 5, method: 'ping' });
    inner.onmessage?.({ jsonrpc: '2.0', id: 5, result: {} } as JSONRPCMessage);
    await traced.send({ jsonrpc: '2.0', id: 5, result: {} });
    expect(entries[1]!.requestSeq).toBeUndefined();
    expect(entries[1]!.warnings?.[0]).toContain('Orphan response: its id 5 matches no request sent on this connection');
    expect(entries[2]!.requestSeq).toBe(1);
  });

  it('pairs a late answer to a cancelled request, and forgets a request that failed to send', async () => {
    const inner = fakeInner();
    const bus = new TraceBus('c', new Redactor());
    const entries: MessageEntry[] = [];
    bus.subscribe((e) => entries.push(e as MessageEntry));
    const traced = traceTransport(inner, bus);

    await traced.send({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'slow' } });
    await traced.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 1, reason: 'AbortError: stop' } });
    inner.onmessage?.({ jsonrpc: '2.0', id: 1, result: { content: [] } } as JSONRPCMessage);
    expect(entries[1]).toMatchObject({ endsRequestSeq: 1, outcome: 'cancelled' });
    expect(entries[2]).toMatchObject({ messageKind: 'response', requestSeq: 1, method: 'tools/call' });

    inner.send = async () => {
      throw new Error('socket closed');
    };
    await expect(traced.send({ jsonrpc: '2.0', id: 2, method: 'ping' })).rejects.toThrow('socket closed');
    inner.onmessage?.({ jsonrpc: '2.0', id: 2, result: {} } as JSONRPCMessage);
    expect(entries.at(-1)!.requestSeq).toBeUndefined();
  });
});
