import { describe, expect, it } from 'vitest';
import type { LatencySamples } from '../../../shared/model/metrics';
import { BUCKETS_PER_DECADE, bucketEdgeLabel, latencyHistogram } from '../../../renderer/workbench/latency-histogram';

function samples(byMethod: Record<string, number[]>): LatencySamples {
  const methods = Object.keys(byMethod);
  const method = methods.flatMap((name, id) => byMethod[name]!.map(() => id));
  const latencyMs = methods.flatMap((name) => byMethod[name]!);
  return { methods, from: 0, next: method.length, at: method.map((_, i) => i), latencyMs, method };
}

/** The share (percent) of `column` in the bucket whose range holds `ms`. */
function shareAt(edges: number[], column: Array<number | null>, ms: number): number {
  const bucket = edges.findIndex((edge, k) => k < edges.length - 1 && ms >= edge && ms < edges[k + 1]!);
  return column[bucket] as number;
}

describe('the latency histogram', () => {
  it('puts 1..1000 ms (uniform) into log buckets: shares per method sum to 100, each bucket holds the integers in its range', () => {
    const uniform = Array.from({ length: 1000 }, (_, i) => i + 1);
    const { methods, columns } = latencyHistogram(samples({ 'tools/call': uniform }));
    const [edges, shares] = columns;
    expect(methods).toEqual(['tools/call']);
    // 1 ms to 1000 ms spans decades 0, 1, 2 and the one 1000 starts: 4 decades of buckets, and the closing edge.
    expect(edges).toHaveLength(4 * BUCKETS_PER_DECADE + 1);
    expect(edges[0]).toBe(1);
    expect(edges[BUCKETS_PER_DECADE]).toBeCloseTo(10, 9);
    expect(edges.at(-1)).toBeCloseTo(10_000, 6);
    expect((shares as number[]).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
    for (let k = 0; k < edges.length - 1; k++) {
      const inRange = uniform.filter((ms) => ms >= edges[k]! && ms < edges[k + 1]!).length;
      expect(shares![k]).toBeCloseTo(inRange / 10, 9);
    }
    // Decade edges are exact: 10, 100 and 1000 start their buckets (log10 alone may put them one lower).
    expect(shareAt(edges, shares!, 1000)).toBeCloseTo(0.1, 9);
    expect(shareAt(edges, shares!, 100)).toBeCloseTo(2.6, 9); // 100 to 125: 26 of the 1,000
    // The closing point is 0, so the last step comes down.
    expect(shares!.at(-1)).toBe(0);
  });

  it('gives each method its own shares, so a method with few answers is not flattened by a busy one', () => {
    const { methods, columns } = latencyHistogram(samples({ 'tools/call': Array<number>(999).fill(2), ping: [50] }));
    const [edges, call, ping] = columns;
    expect(methods).toEqual(['tools/call', 'ping']);
    expect(shareAt(edges, call!, 2)).toBe(100);
    expect(shareAt(edges, ping!, 50)).toBe(100);
    expect(shareAt(edges, call!, 50)).toBe(0);
  });

  it('shows two modes as two humps (a cache hit near 1 ms, a miss near 100 ms)', () => {
    const { columns } = latencyHistogram(samples({ 'resources/read': [...Array<number>(300).fill(1.1), ...Array<number>(700).fill(110)] }));
    const [edges, read] = columns;
    expect(shareAt(edges, read!, 1.1)).toBeCloseTo(30, 9);
    expect(shareAt(edges, read!, 110)).toBeCloseTo(70, 9);
    const humps = read!.filter((share) => (share as number) > 0);
    expect(humps).toHaveLength(2);
  });

  it('counts answers of 0 ms (or a few microseconds) in the first bucket instead of losing them to log(0)', () => {
    const { columns } = latencyHistogram(samples({ 'tools/call': [0, 0.0004, 0.002, 0.5] }));
    const [edges, call] = columns;
    expect(edges[0]).toBeCloseTo(0.001, 12);
    expect(call!.every((share) => Number.isFinite(share))).toBe(true);
    expect(call![0]).toBe(50);
    expect((call as number[]).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
  });

  it('has no buckets without samples', () => {
    expect(latencyHistogram(samples({})).columns).toEqual([[]]);
  });

  it('labels bucket edges in the unit that reads best', () => {
    expect([0.4, 1, 1.2589254117941673, 15.848931924611133, 2511.886431509582].map(bucketEdgeLabel)).toEqual(['400 µs', '1 ms', '1.26 ms', '15.8 ms', '2.51 s']);
  });
});
