import { describe, expect, it } from 'vitest';
import { formatBytes, formatMs, formatOffset, formatTraceLine } from '../../../main/core/capture/trace-format';
import type { TraceEntry } from '../../../shared/model/trace';

const base = { connectionId: 'c', wallTime: 0 };
const START = 1_000_000;

describe('formatTraceLine', () => {
  it('shows an outgoing request with time offset, arrow, id, method and size', () => {
    const line = formatTraceLine(
      { ...base, seq: 3, monoTime: START + 12.345, type: 'message', direction: 'outgoing', messageKind: 'request', rpcId: 3, method: 'tools/call', size: 412, message: {} },
      START,
    );
    expect(line).toMatch(/^\+12\.345ms → request\s+#3\s+tools\/call\s+412 B$/);
  });

  it('shows a response with its latency and size in KB', () => {
    const line = formatTraceLine(
      { ...base, seq: 4, monoTime: START + 16.5, type: 'message', direction: 'incoming', messageKind: 'response', rpcId: 3, method: 'tools/call', size: 1229, message: {}, requestSeq: 3, latencyMs: 4.2149 },
      START,
    );
    expect(line).toMatch(/^\+16\.500ms ← response\s+#3\s+tools\/call\s+4\.21ms\s+1\.2 KB$/);
  });

  it('shows an error response with its code and a cancellation with its outcome', () => {
    const error = formatTraceLine({
      ...base, seq: 5, monoTime: START, type: 'message', direction: 'incoming', messageKind: 'error', rpcId: 9, method: 'tools/call', size: 80,
      message: { jsonrpc: '2.0', id: 9, error: { code: -32602, message: 'Invalid params:\nmissing "a"' } },
    }, START);
    expect(error).toContain('-32602 Invalid params: missing "a"');
    const cancelled = formatTraceLine({
      ...base, seq: 6, monoTime: START, type: 'message', direction: 'outgoing', messageKind: 'notification', method: 'notifications/cancelled', size: 90, message: {}, endsRequestSeq: 5, outcome: 'timeout',
    }, START);
    expect(cancelled).toMatch(/notifications\/cancelled timeout \(ends seq 5\)/);
  });

  it('says who ended an event stream: the server, Periscope, or (a file from before this was recorded) neither', () => {
    const stream = (endedBy?: 'server' | 'client') =>
      formatTraceLine({ ...base, seq: 1, monoTime: START, type: 'http', exchangeId: 'x', phase: 'complete', method: 'GET', url: 'http://127.0.0.1:3000/mcp', status: 200, requestHeaders: {}, streaming: true, ...(endedBy ? { endedBy } : {}), timings: { sent: START, headers: START + 1, done: START + 900 } }, START);
    expect(stream('server')).toMatch(/GET http:\/\/127\.0\.0\.1:3000\/mcp 200 stream ended by the server \(900ms\)$/);
    expect(stream('client')).toMatch(/ 200 stream closed by Periscope \(900ms\)$/);
    expect(stream()).toMatch(/ 200 stream closed \(900ms\)$/);
  });

  it('shows http, sse-event, websocket, stderr and lifecycle entries on one line each', () => {
    const entries: TraceEntry[] = [
      { ...base, seq: 1, monoTime: START + 1, type: 'http', exchangeId: 'x', phase: 'complete', method: 'POST', url: 'http://127.0.0.1:3000/mcp', status: 200, requestHeaders: {}, responseBody: '{}', timings: { sent: START, headers: START + 5, done: START + 12 } },
      { ...base, seq: 2, monoTime: START + 2, type: 'http', exchangeId: 'y', phase: 'failed', method: 'GET', url: 'http://127.0.0.1:1/mcp', requestHeaders: {}, timings: { sent: START }, error: { kind: 'refused', message: 'Connection refused', hint: 'h' } },
      { ...base, seq: 3, monoTime: START + 3, type: 'sse-event', exchangeId: 'x', eventId: '7', event: 'message', retry: 1000, size: 42, data: '{}' },
      { ...base, seq: 4, monoTime: START + 4, type: 'websocket', event: 'close', closeCode: 1006, closeReason: 'gone' },
      { ...base, seq: 5, monoTime: START + 5, type: 'stderr', line: 'listening\non stdio' },
      { ...base, seq: 6, monoTime: START + 6, type: 'lifecycle', state: 'connected', text: 'Connected to fixture 1.0.0' },
    ];
    const lines = entries.map((e) => formatTraceLine(e, START));
    expect(lines[0]).toMatch(/POST http:\/\/127\.0\.0\.1:3000\/mcp 200 \(12ms\) 2 B$/);
    expect(lines[1]).toMatch(/GET http:\/\/127\.0\.0\.1:1\/mcp failed: Connection refused$/);
    expect(lines[2]).toMatch(/sse-event\s+message id=7 retry=1000\s+42 B$/);
    expect(lines[3]).toMatch(/ws close\s+code 1006 gone$/);
    expect(lines[4]).toMatch(/stderr\s+listening on stdio$/);
    expect(lines[5]).toMatch(/● connected\s+Connected to fixture 1\.0\.0$/);
    for (const line of lines) expect(line).not.toContain('\n');
  });

  it('counts from the entry itself when no start is given', () => {
    expect(formatTraceLine({ ...base, seq: 1, monoTime: 5, type: 'stderr', line: 'x' })).toMatch(/^\+0\.000ms/);
  });
});

describe('number formatting', () => {
  it('formats offsets, durations and sizes readably', () => {
    expect(formatOffset(1500)).toBe('+1.500s');
    expect(formatOffset(125_000)).toBe('+2m05.000s');
    expect(formatMs(0.123)).toBe('0.12ms');
    expect(formatMs(250.4)).toBe('250ms');
    expect(formatMs(2500)).toBe('2.50s');
    expect(formatBytes(2 * 1024 * 1024)).toBe('2.0 MB');
  });
});
