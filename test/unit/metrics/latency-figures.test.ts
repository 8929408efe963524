import { describe, expect, it } from 'vitest';
import type { LatencySamples } from '../../../shared/model/metrics';
import { describeFigures, seriesFigures } from '../../../renderer/workbench/latency-figures';

/** Samples of each method's latencies, interleaved in time as answers arrive. */
function samples(methods: string[], latencies: number[][]): LatencySamples {
  const rows = latencies.flatMap((list, id) => list.map((ms, k) => ({ id, ms, at: k * latencies.length + id })));
  rows.sort((a, b) => a.at - b.at);
  return { methods, from: 0, next: rows.length, at: rows.map((r) => r.at), latencyMs: rows.map((r) => r.ms), method: rows.map((r) => r.id) };
}

describe('a latency chart’s figures in words', () => {
  it('gives each method its count, p50, p95 and p99 by nearest rank, in the order main numbered the methods', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1 ms, out of order
    const figures = seriesFigures(samples(['tools/call', 'tools/list'], [hundred, [7, 3]]));
    expect(figures).toEqual([
      { series: 'tools/call', count: 100, p50: 50, p95: 95, p99: 99 },
      { series: 'tools/list', count: 2, p50: 3, p95: 7, p99: 7 },
    ]);
  });

  it('leaves out a method without samples in the window, as the charts do', () => {
    const figures = seriesFigures(samples(['initialize', 'tools/call'], [[], [4]]));
    expect(figures.map((f) => f.series)).toEqual(['tools/call']);
  });

  it('reads as one line per series', () => {
    expect(describeFigures({ series: 'Run 2', count: 1204, p50: 3.21, p95: 8.06, p99: 12.4 })).toBe('Run 2: 1,204 requests, p50 3.2 ms, p95 8.1 ms, p99 12 ms');
    expect(describeFigures({ series: 'ping', count: 1, p50: 0.4, p95: 0.4, p99: 0.4 })).toBe('ping: 1 request, p50 0.4 ms, p95 0.4 ms, p99 0.4 ms');
  });
});
