import { describe, expect, it } from 'vitest';
import type { JSONRPCMessage, Transport } from '@modelcontextprotocol/client';
import { createRecordingFetch } from '../../../main/core/capture/recording-fetch';
import { redactorForHeaders } from '../../../main/core/capture/redaction';
import { TraceBus } from '../../../main/core/capture/trace-bus';
import { traceTransport } from '../../../main/core/capture/traced-transport';
import type { HttpEntry, TraceEntry } from '../../../shared/model/trace';

// Capture leaves its bookkeeping for the next turn of the event loop (LaterWork). What it must
// not leave: learning the secrets an exchange carries, and linking a POST to its message.

describe('everything an exchange teaches the redactor is learned before the caller has the answer', () => {
  const cases: Array<{ name: string; secret: string; headers?: Record<string, string>; requestHeaders?: Record<string, string>; result: Record<string, unknown> }> = [
    { name: 'a Set-Cookie on the answer', secret: 'SessCookieValue9xyz', headers: { 'set-cookie': 'sid=SessCookieValue9xyz; HttpOnly' }, result: { text: 'sid is SessCookieValue9xyz' } },
    { name: 'a credential header on the answer', secret: 'AnswerKey7Value', headers: { 'x-api-key': 'AnswerKey7Value' }, result: { text: 'AnswerKey7Value' } },
    { name: 'an OAuth token field in the answer', secret: 'TokValue2abcdef', result: { structuredContent: { access_token: 'TokValue2abcdef' } } },
    { name: 'a credential header the request carried', secret: 'RequestKey5Value', requestHeaders: { 'x-api-key': 'RequestKey5Value' }, result: { text: 'you sent RequestKey5Value' } },
  ];

  it.each(cases)('$name', async ({ secret, headers, requestHeaders, result }) => {
    const redactor = redactorForHeaders([]);
    const bus = new TraceBus('c', redactor);
    const fetch = createRecordingFetch(bus, redactor, {
      baseFetch: async () => new Response(JSON.stringify({ jsonrpc: '2.0', id: 1, result }), { headers: { 'content-type': 'application/json', ...headers } }),
    });
    const response = await fetch('http://127.0.0.1:1/mcp', { method: 'POST', headers: { 'content-type': 'application/json', ...requestHeaders }, body: '{"jsonrpc":"2.0","id":1,"method":"tools/call"}' });
    // The answer's message entry and the result the caller gets are masked from here on.
    expect(await response.text()).toContain(secret);
    expect(redactor.text(`seen: ${secret}`)).toBe('seen: [redacted]');
  });
});

describe('a POST is linked to the message it carried, however many are sent in one turn', () => {
  it('100 requests sent at once, each fetched only after a wait (as the client library awaits its headers): every POST names its message', async () => {
    const bus = new TraceBus('c', redactorForHeaders([]));
    const entries: TraceEntry[] = [];
    bus.subscribe((entry) => entries.push(entry));
    const fetch = createRecordingFetch(bus, redactorForHeaders([]), {
      baseFetch: async (_input, init) => {
        const id = (JSON.parse(String(init?.body)) as { id: number }).id;
        return new Response(JSON.stringify({ jsonrpc: '2.0', id, result: {} }), { headers: { 'content-type': 'application/json' } });
      },
    });
    const inner: Transport = {
      start: async () => undefined,
      close: async () => undefined,
      send: async (message) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        await fetch('http://127.0.0.1:1/mcp', { method: 'POST', body: JSON.stringify(message) });
      },
    };
    const traced = traceTransport(inner, bus);
    await Promise.all(Array.from({ length: 100 }, (_, i) => traced.send({ jsonrpc: '2.0', id: i + 1, method: 'ping' } as JSONRPCMessage)));
    bus.settle();
    const requests = new Map(entries.filter((e) => e.type === 'message').map((e) => [e.seq, e]));
    const posts = entries.filter((e): e is HttpEntry => e.type === 'http');
    expect(posts).toHaveLength(100);
    for (const post of posts) expect(requests.get(post.messageSeq ?? -1), post.requestBody).toBeDefined();
  });
});
