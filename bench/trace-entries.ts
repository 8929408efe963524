import type { TraceEntry } from '../shared/model/trace';

/**
 * A realistic trace for the benchmark: tools/call requests and their responses with JSON
 * payloads, notifications, and the HTTP exchanges that carried them. Deterministic, so runs
 * compare. Runs inside the page (bundled by esbuild) so 100,000 entries never cross CDP.
 */
export function makeTraceEntries(count: number, connectionId = 'bench'): TraceEntry[] {
  const entries: TraceEntry[] = [];
  const start = Date.now() - count * 5;
  let seq = 0;
  let rpcId = 0;
  let requestSeq = 0;
  while (entries.length < count) {
    seq++;
    const wallTime = start + seq * 5;
    const base = { seq, connectionId, wallTime, monoTime: wallTime };
    const slot = seq % 10;
    if (slot === 1 || slot === 5) {
      rpcId++;
      requestSeq = seq;
      const message = { jsonrpc: '2.0', id: rpcId, method: 'tools/call', params: { name: `tool-${rpcId % 97}`, arguments: { city: `City ${rpcId % 1000}`, days: rpcId % 7 } } };
      entries.push({ ...base, type: 'message', direction: 'outgoing', messageKind: 'request', rpcId, method: 'tools/call', size: JSON.stringify(message).length, message });
    } else if (slot === 2 || slot === 6) {
      const message = { jsonrpc: '2.0', id: rpcId, result: { content: [{ type: 'text', text: `Forecast ${rpcId}: sunny, ${rpcId % 35} degrees, wind ${rpcId % 60} km/h` }] } };
      entries.push({ ...base, type: 'message', direction: 'incoming', messageKind: 'response', rpcId, size: JSON.stringify(message).length, message, requestSeq, latencyMs: 3 + (rpcId % 40) });
    } else if (slot === 3) {
      const message = { jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: rpcId, progress: seq % 100, total: 100 } };
      entries.push({ ...base, type: 'message', direction: 'incoming', messageKind: 'notification', method: 'notifications/progress', size: JSON.stringify(message).length, message });
    } else if (slot === 8 && rpcId % 13 === 0) {
      const message = { jsonrpc: '2.0', id: rpcId, error: { code: -32602, message: `Unknown tool: tool-${rpcId}` } };
      entries.push({ ...base, type: 'message', direction: 'incoming', messageKind: 'error', rpcId, size: JSON.stringify(message).length, message, requestSeq, latencyMs: 2 });
    } else {
      entries.push({
        ...base,
        type: 'http',
        exchangeId: `x${seq}`,
        phase: 'complete',
        method: 'POST',
        url: 'http://127.0.0.1:3000/mcp',
        status: 200,
        statusText: 'OK',
        requestHeaders: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: 'Bearer [redacted]', 'mcp-session-id': 'b7f0c2d4' },
        responseHeaders: { 'content-type': 'application/json' },
        requestBody: `{"jsonrpc":"2.0","id":${rpcId},"method":"tools/call"}`,
        responseBody: `{"jsonrpc":"2.0","id":${rpcId},"result":{}}`,
        timings: { sent: wallTime - 4, headers: wallTime - 1, done: wallTime },
      });
    }
  }
  return entries;
}
