import { describe, expect, it } from 'vitest';
import { HarCollector } from '../../../main/core/export/har-collector';
import { buildHar, harFromEntries } from '../../../main/core/export/har-document';
import type { HttpEntry, TraceEntry } from '../../../shared/model/trace';
import { expectValidHar } from '../../support/har-schema';

const WALL = Date.UTC(2026, 0, 2, 3, 4, 5, 600);
let seq = 0;
const stamps = (monoTime: number) => ({ seq: ++seq, connectionId: 'c1', wallTime: WALL + (monoTime - 1000), monoTime });

function request(monoTime: number, rpcId: number, method: string): TraceEntry {
  return { ...stamps(monoTime), type: 'message', direction: 'outgoing', messageKind: 'request', rpcId, method, size: 40, message: { jsonrpc: '2.0', id: rpcId, method } };
}
function answer(monoTime: number, requestSeq: number, rpcId: number): TraceEntry {
  return { ...stamps(monoTime), type: 'message', direction: 'incoming', messageKind: 'response', rpcId, requestSeq, size: 30, message: { jsonrpc: '2.0', id: rpcId, result: {} } };
}
function http(monoTime: number, fields: Partial<HttpEntry> & Pick<HttpEntry, 'exchangeId' | 'phase' | 'timings'>): TraceEntry {
  return { ...stamps(monoTime), type: 'http', method: 'POST', url: 'http://127.0.0.1:9/mcp', requestHeaders: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, ...fields };
}

describe('HAR 1.2 from a trace', () => {
  it('maps a JSON exchange: request, response, timings from the captured phases, and the JSON-RPC method and id', () => {
    const req = request(1000, 7, 'tools/list');
    const body = '{"jsonrpc":"2.0","id":7,"method":"tools/list"}';
    const entries: TraceEntry[] = [
      req,
      http(1030.5, {
        exchangeId: 'c1:http:1',
        phase: 'complete',
        url: 'http://127.0.0.1:9/mcp?tenant=a%20b',
        requestBody: body,
        messageSeq: req.seq,
        status: 200,
        statusText: 'OK',
        responseHeaders: { 'content-type': 'application/json' },
        responseBody: '{"jsonrpc":"2.0","id":7,"result":{"tools":[]}}',
        timings: { sent: 1001, headers: 1021.25, done: 1030.5 },
      }),
      answer(1031, req.seq, 7),
    ];
    const har = harFromEntries(entries);
    expectValidHar(har);
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator.name).toBe('MCP Periscope');
    const [entry] = har.log.entries;
    expect(entry!.startedDateTime).toBe(new Date(WALL + 1).toISOString());
    expect(entry!.request).toMatchObject({ method: 'POST', httpVersion: 'HTTP/1.1', queryString: [{ name: 'tenant', value: 'a b' }], postData: { mimeType: 'application/json', text: body }, bodySize: body.length, headersSize: -1 });
    expect(entry!.response).toMatchObject({ status: 200, statusText: 'OK', redirectURL: '', content: { mimeType: 'application/json', text: '{"jsonrpc":"2.0","id":7,"result":{"tools":[]}}' } });
    expect(entry!.timings).toEqual({ blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait: 20.25, receive: 9.25 });
    expect(entry!.time).toBe(29.5);
    expect(entry!._mcp).toEqual({ exchangeId: 'c1:http:1', method: 'tools/list', id: 7, messageSeq: req.seq, resultMs: 30 });
  });

  it('a JSON exchange recorded just after its answer (as capture records one) maps as when recorded before it', () => {
    const mapped = (answerFirst: boolean) => {
      const req = request(1000, 9, 'tools/call');
      const exchange = http(1030.5, {
        exchangeId: 'c1:http:9',
        phase: 'complete',
        messageSeq: req.seq,
        status: 200,
        responseHeaders: { 'content-type': 'application/json' },
        responseBody: '{"jsonrpc":"2.0","id":9,"result":{}}',
        timings: { sent: 1001, headers: 1021.25, done: 1030.5 },
      });
      const reply = answer(1031, req.seq, 9);
      const [entry] = harFromEntries(answerFirst ? [req, reply, exchange] : [req, exchange, reply]).log.entries;
      return entry!._mcp;
    };
    expect(mapped(true)).toEqual({ ...mapped(false), messageSeq: expect.any(Number) });
    expect(mapped(true)).toMatchObject({ method: 'tools/call', id: 9, resultMs: 30 });
  });

  it('a measured connect: the exchange that opened the socket gets dns, connect and ssl, taken out of wait; the next one none', () => {
    const lifecycle = (monoTime: number, state: 'connecting' | 'connected', setup?: object): TraceEntry =>
      ({ ...stamps(monoTime), type: 'lifecycle', state, text: state, ...(setup ? { info: { connectionId: 'c1', label: 'x', state, warnings: [], setup } } : {}) }) as TraceEntry;
    const exchange = (id: string, sent: number, headers: number) =>
      http(headers + 1, { exchangeId: id, phase: 'complete', status: 200, responseHeaders: { 'content-type': 'application/json' }, responseBody: '{}', timings: { sent, headers, done: headers + 1 } });
    const setup = {
      totalMs: 40,
      notes: [],
      phases: [
        { phase: 'dns', startMs: 0, durationMs: 2 },
        { phase: 'tcp', startMs: 2, durationMs: 3 },
        { phase: 'tls', startMs: 5, durationMs: 10 },
        { phase: 'first-byte', startMs: 15, durationMs: 5 },
        { phase: 'handshake', startMs: 0, durationMs: 21, detail: 'initialize' },
      ],
    };
    const har = harFromEntries([lifecycle(999, 'connecting'), exchange('c1:http:1', 1000, 1020), lifecycle(1040, 'connected', setup), exchange('c1:http:2', 1050, 1054)]);
    expectValidHar(har);
    const [first, second] = har.log.entries;
    expect(first!.timings).toEqual({ blocked: -1, dns: 2, connect: 13, ssl: 10, send: 0, wait: 5, receive: 1 });
    expect(first!.time).toBe(21);
    expect(second!.timings).toEqual({ blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait: 4, receive: 1 });
    // A connect that reused a socket (no TCP phase) leaves its first exchange as it was.
    const reused = harFromEntries([lifecycle(999, 'connecting'), exchange('c1:http:3', 1000, 1020), lifecycle(1040, 'connected', { totalMs: 30, notes: [], phases: [{ phase: 'handshake', startMs: 0, durationMs: 21 }] })]);
    expect(reused.log.entries[0]!.timings).toMatchObject({ dns: -1, connect: -1, ssl: -1, wait: 20 });
  });

  it('an event stream: the events in text/event-stream syntax, the first event and the result timed, the cut said in a comment', () => {
    const req = request(2000, 8, 'tools/call');
    const collector = new HarCollector(100, 60);
    const entries: TraceEntry[] = [
      req,
      http(2010, { exchangeId: 'c1:http:2', phase: 'headers', streaming: true, messageSeq: req.seq, status: 200, responseHeaders: { 'content-type': 'text/event-stream' }, timings: { sent: 2000, headers: 2010 } }),
      { ...stamps(2015), type: 'sse-event', exchangeId: 'c1:http:2', eventId: '1', event: 'message', size: 20, data: '{"progress":1}' },
      { ...stamps(2020), type: 'sse-event', exchangeId: 'c1:http:2', eventId: '2', size: 60, data: '{"jsonrpc":"2.0","id":8,"result":{"content":[{"type":"text","text":"long"}]}}' },
      answer(2021, req.seq, 8),
      http(2030, { exchangeId: 'c1:http:2', phase: 'complete', streaming: true, messageSeq: req.seq, status: 200, responseHeaders: { 'content-type': 'text/event-stream' }, timings: { sent: 2000, headers: 2010, done: 2030 } }),
    ];
    for (const entry of entries) collector.ingest(entry);
    const har = buildHar(collector);
    expectValidHar(har);
    const entry = har.log.entries[0]!;
    // 43 bytes of the first event, then the second one's first 17 bytes: 60 in all.
    expect(entry.response.content.text).toBe('id: 1\nevent: message\ndata: {"progress":1}\n\nid: 2\ndata: {"jso');
    expect(entry.response.content.comment).toMatch(/cut at 60 B/);
    expect(entry.response.bodySize).toBe(-1);
    expect(entry._mcp).toMatchObject({ method: 'tools/call', id: 8, firstEventMs: 15, resultMs: 21 });
    expect(entry.timings).toMatchObject({ wait: 10, receive: 20 });
  });

  it('a redirect names its target in redirectURL', () => {
    const har = harFromEntries([
      http(3005, { exchangeId: 'c1:http:3', phase: 'complete', method: 'GET', status: 302, statusText: 'Found', responseHeaders: { Location: 'https://127.0.0.1:9/elsewhere' }, timings: { sent: 3000, headers: 3005, done: 3005 } }),
    ]);
    expectValidHar(har);
    expect(har.log.entries[0]!.response).toMatchObject({ status: 302, redirectURL: 'https://127.0.0.1:9/elsewhere' });
    expect(har.log.entries[0]!.request.postData).toBeUndefined();
  });

  it('a failed exchange with no response: status 0, the error in the comment and _mcp, wait until it failed', () => {
    const har = harFromEntries([
      http(4003, {
        exchangeId: 'c1:http:4',
        phase: 'failed',
        timings: { sent: 4000, done: 4003 },
        error: { kind: 'refused', message: 'Connection refused by 127.0.0.1:9', hint: 'Is the server running?' },
      }),
    ]);
    expectValidHar(har);
    const entry = har.log.entries[0]!;
    expect(entry.response).toMatchObject({ status: 0, statusText: '', headers: [], content: { size: 0, mimeType: 'x-unknown' } });
    expect(entry.response.comment).toMatch(/failed before the server answered/);
    expect(entry.comment).toBe('Connection refused by 127.0.0.1:9');
    expect(entry._mcp.error).toEqual({ kind: 'refused', message: 'Connection refused by 127.0.0.1:9', hint: 'Is the server running?' });
    expect(entry.timings).toMatchObject({ send: 0, wait: 3, receive: 0 });
  });

  it('a stream still open: receive 0 with a comment; the oldest exchanges past the limit are dropped and counted', () => {
    const collector = new HarCollector(2);
    for (let i = 0; i < 3; i++) collector.ingest(http(5000 + i, { exchangeId: `c1:http:x${i}`, phase: 'headers', method: 'GET', status: 200, timings: { sent: 5000 + i, headers: 5000 + i } }));
    const har = buildHar(collector);
    expectValidHar(har);
    expect(har.log.entries.map((e) => e._mcp.exchangeId)).toEqual(['c1:http:x1', 'c1:http:x2']);
    expect(har.log.entries[0]!.timings.comment).toMatch(/still open/);
    expect(har.log.comment).toMatch(/The 1 oldest exchanges were left out/);
  });

  it('the schema check itself rejects a HAR missing required fields', () => {
    const har = harFromEntries([http(6001, { exchangeId: 'c1:http:6', phase: 'complete', status: 204, timings: { sent: 6000, headers: 6001, done: 6001 } })]);
    const broken = structuredClone(har) as unknown as { log: { entries: Array<{ request: Record<string, unknown> }> } };
    delete broken.log.entries[0]!.request.httpVersion;
    expect(() => expectValidHar(broken)).toThrow(/httpVersion/);
  });
});
