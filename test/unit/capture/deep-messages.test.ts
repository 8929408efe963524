// The engine's v2 client over a scripted transport that plays a hostile server: messages nested
// far deeper than the SDK's recursive schemas, structuredClone or JSON.stringify can take.
import { Client, type JSONRPCMessage, type Transport } from '@modelcontextprotocol/client';
import { describe, expect, it } from 'vitest';
import { tooDeepErrorInfo } from '../../../main/core/capture/depth-guard';
import { heldCopy } from '../../../main/core/capture/held-copy';
import { Redactor } from '../../../main/core/capture/redaction';
import { TraceBus } from '../../../main/core/capture/trace-bus';
import { traceTransport } from '../../../main/core/capture/traced-transport';
import { MAX_JSON_DEPTH, valueDepth } from '../../../shared/json/json-depth';
import type { MessageEntry, TraceEntry } from '../../../shared/model/trace';
import { deepText } from '../../fixtures/deep-json';

type Answer = (request: { id?: number | string; method?: string; params?: Record<string, unknown> }) => string | undefined;

/** A transport whose "server" answers each request with raw JSON text, parsed as a real transport does. */
function scriptedServer(answer: Answer): Transport & { sent: JSONRPCMessage[] } {
  const transport: Transport & { sent: JSONRPCMessage[] } = {
    sent: [],
    start: async () => undefined,
    close: async () => transport.onclose?.(),
    send: async (message) => {
      transport.sent.push(message);
      const text = answer(message as never);
      if (text !== undefined) setImmediate(() => transport.onmessage?.(JSON.parse(text) as JSONRPCMessage));
    },
  };
  return transport;
}

const initialize = (id: unknown, capabilities = '{"tools":{}}') =>
  `{"jsonrpc":"2.0","id":${JSON.stringify(id)},"result":{"protocolVersion":"2025-11-25","capabilities":${capabilities},"serverInfo":{"name":"deep","version":"1"}}}`;

function setup(answer: Answer) {
  const inner = scriptedServer(answer);
  const bus = new TraceBus('deep', new Redactor());
  bus.setHolder((e) => heldCopy(e, { entryCapBytes: 1024 * 1024, inSessionFile: true }));
  const held: TraceEntry[] = [];
  const whole: TraceEntry[] = [];
  bus.subscribe((e) => held.push(e));
  bus.subscribeFull((e) => whole.push(e));
  const client = new Client({ name: 't', version: '1' }, { versionNegotiation: { mode: 'legacy' } } as never);
  return { inner, bus, held, whole, client, traced: traceTransport(inner, bus) };
}

describe('messages nested deeper than Periscope handles', () => {
  it('capabilities nested 5,000 deep (the SDK\'s zod would overflow): connect fails as a protocol error naming the depth', async () => {
    const { client, traced, held, whole } = setup((m) => (m.method === 'initialize' ? initialize(m.id, `{"logging":${deepText(5_000)}}`) : undefined));
    const error = await client.connect(traced).catch((e: unknown) => e);
    const info = tooDeepErrorInfo(error);
    expect(info).toMatchObject({ kind: 'protocol', detail: { depth: 5_003, maxDepth: MAX_JSON_DEPTH, method: 'initialize' } });
    expect(info!.message).toBe("The server's answer to initialize is nested 5,003 levels deep; Periscope handles up to 500 levels");
    const answer = held.find((e): e is MessageEntry => e.type === 'message' && e.direction === 'incoming')!;
    expect(answer).toMatchObject({ messageKind: 'response', method: 'initialize', depth: 5_003, truncated: { reason: 'depth' } });
    expect(answer.warnings?.join(' ')).toMatch(/request it answers fails with a protocol error/);
    expect(() => structuredClone(answer)).not.toThrow();
    // The file's copy is the whole message.
    const full = whole.find((e): e is MessageEntry => e.type === 'message' && e.direction === 'incoming')!;
    expect(valueDepth(full.message)).toBe(5_003);
  });

  it('a result nested 100,000 deep fails only its request; the trace keeps it and the connection goes on', async () => {
    const { client, traced, held } = setup((m) => {
      if (m.method === 'initialize') return initialize(m.id);
      if (m.method === 'tools/call' && m.params?.name === 'deep') return `{"jsonrpc":"2.0","id":${m.id},"result":{"content":[],"x":${deepText(100_000)}}}`;
      if (m.method === 'tools/call') return `{"jsonrpc":"2.0","id":${m.id},"result":{"content":[{"type":"text","text":"fine"}]}}`;
      return undefined;
    });
    await client.connect(traced);
    const error = await client.callTool({ name: 'deep', arguments: {} }).catch((e: unknown) => e);
    expect(tooDeepErrorInfo(error)?.message).toBe("The server's answer to tools/call is nested 100,002 levels deep; Periscope handles up to 500 levels");
    expect(held.filter((e) => e.type === 'message' && e.depth === 100_002)).toHaveLength(1);
    expect(await client.callTool({ name: 'fine', arguments: {} })).toMatchObject({ content: [{ text: 'fine' }] });
    await client.close();
  });

  it('a too-deep request from the server is refused with an error sent back; a too-deep notification is dropped', async () => {
    const { client, traced, inner, held } = setup((m) => (m.method === 'initialize' ? initialize(m.id) : undefined));
    await client.connect(traced);
    const delivered: unknown[] = [];
    client.fallbackNotificationHandler = async (n) => void delivered.push(n);
    inner.onmessage?.(JSON.parse(`{"jsonrpc":"2.0","id":"srv-1","method":"roots/list","params":${deepText(3_000)}}`) as JSONRPCMessage);
    inner.onmessage?.(JSON.parse(`{"jsonrpc":"2.0","method":"notifications/message","params":${deepText(3_000)}}`) as JSONRPCMessage);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(inner.sent.at(-1)).toMatchObject({ id: 'srv-1', error: { code: -32600 } });
    expect(delivered).toEqual([]);
    expect(held.filter((e) => e.type === 'message' && e.depth === 3_001)).toHaveLength(2);
    await client.close();
  });

  it('refuses to send a message nested too deep, by name, before the wire', async () => {
    const { client, traced, inner } = setup((m) => (m.method === 'initialize' ? initialize(m.id) : undefined));
    await client.connect(traced);
    const sentBefore = inner.sent.length;
    const error = await client.callTool({ name: 'echo', arguments: JSON.parse(`{"x":${deepText(10_000)}}`) as Record<string, unknown> }).catch((e: unknown) => e);
    expect(error).toMatchObject({ info: { kind: 'invalid-input', message: expect.stringMatching(/tools\/call to send is nested 10,00\d levels deep/) } });
    expect(inner.sent.length).toBe(sentBefore);
    await client.close();
  });
});
