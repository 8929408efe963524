import { describe, expect, it } from 'vitest';
import { formatLatencyTable, summarizeLatency } from '../../../main/cli/latency-summary';
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
  it('groups answered requests by method with p50/p95 and max (HDR: within 0.1 %)', () => {
    const entries: TraceEntry[] = [];
    for (let i = 1; i <= 20; i++) {
      const req = request('tools/call');
      entries.push(req, response(req.seq, i));
    }
    const ping = request('ping');
    entries.push(ping, request('tools/list'), response(ping.seq, 0.5));
    const rows = summarizeLatency(entries);
    expect(rows.map((r) => [r.method, r.count])).toEqual([
      ['ping', 1],
      ['tools/call', 20],
    ]);
    const near = (got: number, want: number) => expect(Math.abs(got - want)).toBeLessThanOrEqual(want * 0.001 + 0.001);
    for (const [got, want] of [[rows[0]!.p50, 0.5], [rows[0]!.max, 0.5], [rows[1]!.p50, 10], [rows[1]!.p95, 19], [rows[1]!.max, 20]] as const) near(got, want);
  });

  it('the table has one row per method', () => {
    expect(formatLatencyTable([{ method: 'ping', count: 2, p50: 1, p95: 2, max: 2 }])[1]).toMatch(/^ping\s+2\s+1\.00\s+2\.00\s+2\.00$/);
  });
});
