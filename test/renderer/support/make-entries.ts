import type { HttpEntry, MessageEntry, TraceEntry } from '../../../shared/model/trace';

/** Realistic synthetic traffic: request/response pairs of a few methods, some HTTP and errors. */
export function makeEntries(count: number, connectionId = 'c1', startSeq = 1): TraceEntry[] {
  const methods = ['tools/list', 'tools/call', 'resources/read', 'prompts/get', 'ping'];
  const out: TraceEntry[] = [];
  const t0 = 1_750_000_000_000;
  for (let i = 0; out.length < count; i++) {
    const seq = startSeq + out.length;
    const method = methods[i % methods.length];
    const base = { connectionId, wallTime: t0 + seq * 3, monoTime: seq * 3 };
    const request: MessageEntry = {
      ...base,
      seq,
      type: 'message',
      direction: 'outgoing',
      messageKind: 'request',
      rpcId: i,
      method,
      size: 80,
      message: { jsonrpc: '2.0', id: i, method, params: { name: `tool_${i % 37}`, arguments: { city: `City ${i}` } } },
    };
    out.push(request);
    if (out.length >= count) break;
    const failed = i % 50 === 7;
    const response: MessageEntry = {
      ...base,
      seq: seq + 1,
      monoTime: base.monoTime + 2,
      type: 'message',
      direction: 'incoming',
      messageKind: failed ? 'error' : 'response',
      rpcId: i,
      size: 120,
      requestSeq: seq,
      latencyMs: 1.5 + (i % 13),
      message: failed
        ? { jsonrpc: '2.0', id: i, error: { code: -32602, message: `Unknown tool tool_${i % 37}` } }
        : { jsonrpc: '2.0', id: i, result: { content: [{ type: 'text', text: `Weather for City ${i}: sunny, ${i % 30} degrees` }] } },
    };
    out.push(response);
    if (i % 10 === 0 && out.length < count) out.push(makeHttpEntry(connectionId, startSeq + out.length, t0));
  }
  // Cloned like entries that crossed IPC: objects built with spreads stay in a slow V8 shape.
  return structuredClone(out);
}

export function makeHttpEntry(connectionId: string, seq: number, t0 = 1_750_000_000_000, over: Partial<HttpEntry> = {}): HttpEntry {
  return {
    seq,
    connectionId,
    wallTime: t0 + seq * 3,
    monoTime: seq * 3,
    type: 'http',
    exchangeId: `x${seq}`,
    phase: 'complete',
    method: 'POST',
    url: 'https://api.example.com/v1/mcp',
    status: 200,
    statusText: 'OK',
    requestHeaders: { 'content-type': 'application/json', authorization: 'Bearer [redacted]', 'mcp-session-id': 'abc' },
    responseHeaders: { 'content-type': 'application/json' },
    requestBody: '{"jsonrpc":"2.0","id":1,"method":"ping"}',
    responseBody: '{"jsonrpc":"2.0","id":1,"result":{}}',
    timings: { sent: seq * 3, headers: seq * 3 + 1, done: seq * 3 + 4 },
    ...over,
  };
}
