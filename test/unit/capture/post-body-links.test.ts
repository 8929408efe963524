import { describe, expect, it } from 'vitest';
import { existingPostBodyLinks, MAX_POST_OFFERS, PostBodyLinks, postBodyLinks } from '../../../main/core/capture/post-body-links';
import { createRecordingFetch } from '../../../main/core/capture/recording-fetch';
import { redactorForHeaders, Redactor } from '../../../main/core/capture/redaction';
import { TraceBus } from '../../../main/core/capture/trace-bus';
import { traceTransport } from '../../../main/core/capture/traced-transport';
import type { Transport } from '@modelcontextprotocol/client';
import type { HttpEntry, TraceEntry } from '../../../shared/model/trace';

describe('PostBodyLinks', () => {
  it('a body claims the offer with exactly its text, once, and gets the message object back', () => {
    const links = new PostBodyLinks();
    const first = { jsonrpc: '2.0', id: 1, method: 'ping' };
    const second = { jsonrpc: '2.0', id: 2, method: 'ping' };
    links.offer(3, JSON.stringify(first), first);
    links.offer(4, JSON.stringify(second), second);
    const claimed = links.claim('{"jsonrpc":"2.0","id":2,"method":"ping"}');
    expect(claimed?.seq).toBe(4);
    expect(claimed?.message).toBe(second);
    expect(links.claim('{"jsonrpc":"2.0","id":2,"method":"ping"}')).toBeUndefined();
    // Same length, other text: not the same message.
    expect(links.claim('{"jsonrpc":"2.0","id":9,"method":"ping"}')).toBeUndefined();
    expect(links.claim('{"jsonrpc":"2.0","id":1,"method":"ping"}')?.seq).toBe(3);
  });

  it('keeps only the latest MAX_POST_OFFERS offers (one never claimed cannot pile up)', () => {
    const links = new PostBodyLinks();
    for (let i = 0; i < MAX_POST_OFFERS + 8; i++) links.offer(i, `{"id":${i}}`, { id: i });
    expect(links.claim('{"id":0}')).toBeUndefined();
    expect(links.claim('{"id":7}')).toBeUndefined();
    expect(links.claim('{"id":8}')?.seq).toBe(8);
    expect(links.claim(`{"id":${MAX_POST_OFFERS + 7}}`)?.seq).toBe(MAX_POST_OFFERS + 7);
  });

  it('exist only for a bus with a recording fetch', () => {
    const bus = new TraceBus('c', new Redactor());
    expect(existingPostBodyLinks(bus)).toBeUndefined();
    createRecordingFetch(bus, redactorForHeaders([]), { baseFetch: async () => new Response('') });
    expect(existingPostBodyLinks(bus)).toBe(postBodyLinks(bus));
  });
});

describe('a POST names the message it carried', () => {
  it('the traced transport offers, the recording fetch claims: the http entries get messageSeq', async () => {
    const bus = new TraceBus('c', redactorForHeaders([]));
    const entries: TraceEntry[] = [];
    bus.subscribe((e) => entries.push(e));
    const fetch = createRecordingFetch(bus, redactorForHeaders([]), {
      baseFetch: async () => new Response('{"jsonrpc":"2.0","id":7,"result":{}}', { headers: { 'content-type': 'application/json' } }),
    });
    // A stand-in SDK transport: serializes the message as the SDK does and POSTs it.
    const inner: Transport = {
      start: async () => undefined,
      close: async () => undefined,
      send: async (message) => void (await fetch('http://127.0.0.1:1/mcp', { method: 'POST', body: JSON.stringify(message) })),
    };
    const traced = traceTransport(inner, bus);
    await traced.send({ jsonrpc: '2.0', id: 7, method: 'tools/list', params: {} });
    await traced.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    await fetch('http://127.0.0.1:1/mcp', { method: 'POST', body: '{"jsonrpc":"2.0","id":99,"method":"ping"}' });
    // The last answer's entry is made once the caller has it (see LaterWork).
    bus.settle();
    const messages = entries.filter((e) => e.type === 'message');
    const posts = entries.filter((e): e is HttpEntry => e.type === 'http');
    expect(posts.map((p) => p.messageSeq)).toEqual([messages[0]!.seq, messages[1]!.seq, undefined]);
  });
});
