import { describe, expect, it } from 'vitest';
import { formatLatencyTable, percentile, summarizeLatency } from '../../../main/cli/latency-summary';
import type { TraceEntry } from '../../../shared/model';

let seq = 0;
const base = () => ({ seq: ++seq, connectionId: 'c', wallTime: 0, monoTime: 0 });
const request = (method: string): TraceEntry => ({ ...base(), type: 'message', direction: 'outgoing', messageKind: 'request', method, size: 1, message: {} });
const response = (requestSeq: number, latencyMs: number): TraceEntry => ({
  ...base(),
  type: 'message',
  direction: 'incoming',
  messageKind: 'response',
  size: 1,
  message: {},
  requestSeq,
  latencyMs,
});

describe('summarizeLatency', () => {
  it('groups answered requests by method with nearest-rank p50/p95 and max', () => {
    const entries: TraceEntry[] = [];
    for (let i = 1; i <= 20; i++) {
      const req = request('tools/call');
      entries.push(req, response(req.seq, i));
    }
    const ping = request('ping');
    entries.push(ping, request('tools/list'), response(ping.seq, 0.5));
    expect(summarizeLatency(entries)).toEqual([
      { method: 'ping', count: 1, p50: 0.5, p95: 0.5, max: 0.5 },
      { method: 'tools/call', count: 20, p50: 10, p95: 19, max: 20 },
    ]);
  });

  it('percentile handles edges and the table has one row per method', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(percentile([7], 95)).toBe(7);
    expect(formatLatencyTable([{ method: 'ping', count: 2, p50: 1, p95: 2, max: 2 }])[1]).toMatch(/^ping\s+2\s+1\.00\s+2\.00\s+2\.00$/);
  });
});
