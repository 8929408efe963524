import { describe, expect, it } from 'vitest';
import type { LatencySamples } from '../../../shared/model/metrics';
import { BUCKETS_PER_DECADE, bucketEdgeLabel, bucketUnder, HISTOGRAM_MIN_ANSWERS, latencyHistogram } from '../../../renderer/workbench/latency-histogram';
import { histogramChartOptions } from '../../../renderer/components/metrics/latency-chart-options';
import { oneTwoFive } from '../../../renderer/workbench/log-axis-ticks';
import { methodColours } from '../../../renderer/workbench/latency-chart-data';

function samples(byMethod: Record<string, number[]>): LatencySamples {
  const methods = Object.keys(byMethod);
  const method = methods.flatMap((name, id) => byMethod[name]!.map(() => id));
  const latencyMs = methods.flatMap((name) => byMethod[name]!);
  return { methods, from: 0, next: method.length, at: method.map((_, i) => i), latencyMs, method };
}

/** The share (percent) of `column` in the bucket whose range holds `ms` (an empty bucket has none: 0). */
function shareAt(edges: number[], column: Array<number | null>, ms: number): number {
  const bucket = edges.findIndex((edge, k) => k < edges.length - 1 && ms >= edge && ms < edges[k + 1]!);
  return column[bucket] ?? 0;
}

const sum = (column: Array<number | null>) => column.reduce<number>((a, b) => a + (b ?? 0), 0);

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
    expect(sum(shares!)).toBeCloseTo(100, 9);
    for (let k = 0; k < edges.length - 1; k++) {
      const inRange = uniform.filter((ms) => ms >= edges[k]! && ms < edges[k + 1]!).length;
      // An empty bucket has no bar (null), not a bar of height 0 drawn along the axis.
      if (inRange === 0) expect(shares![k]).toBeNull();
      else expect(shares![k]).toBeCloseTo(inRange / 10, 9);
    }
    // Decade edges are exact: 10, 100 and 1000 start their buckets (log10 alone may put them one lower).
    expect(shareAt(edges, shares!, 1000)).toBeCloseTo(0.1, 9);
    expect(shareAt(edges, shares!, 100)).toBeCloseTo(2.6, 9); // 100 to 125: 26 of the 1,000
    // The closing edge carries no bar.
    expect(shares!.at(-1)).toBeNull();
  });

  it('gives each method its own shares, so a method with fewer answers is not flattened by a busy one', () => {
    const { methods, columns, leftOut } = latencyHistogram(samples({ 'tools/call': Array<number>(999).fill(2), ping: Array<number>(HISTOGRAM_MIN_ANSWERS).fill(50) }));
    const [edges, call, ping] = columns;
    expect(methods).toEqual(['tools/call', 'ping']);
    expect(leftOut).toEqual([]);
    expect(shareAt(edges, call!, 2)).toBe(100);
    expect(shareAt(edges, ping!, 50)).toBe(100);
    expect(shareAt(edges, call!, 50)).toBe(0);
  });

  it('leaves out methods under the minimum of answers (a handshake\'s single one would stand at 100 % and flatten the rest), unless none has that many', () => {
    const busy = latencyHistogram(samples({ 'server/discover': [120], 'tools/list': [15], 'tools/call': Array.from({ length: 600 }, (_, i) => 1 + (i % 20)) }));
    expect(busy.methods).toEqual(['tools/call']);
    expect(busy.leftOut).toEqual(['server/discover', 'tools/list']);
    // The buckets span the methods drawn: 1..20 ms, not the left-out 120 ms.
    expect(busy.columns[0].at(-1)).toBeCloseTo(100, 9);
    const fresh = latencyHistogram(samples({ 'server/discover': [120], 'tools/list': [15] }));
    expect(fresh.methods).toEqual(['server/discover', 'tools/list']);
    expect(fresh.leftOut).toEqual([]);
  });

  it('shows two modes as two humps (a cache hit near 1 ms, a miss near 100 ms)', () => {
    const { columns } = latencyHistogram(samples({ 'resources/read': [...Array<number>(300).fill(1.1), ...Array<number>(700).fill(110)] }));
    const [edges, read] = columns;
    expect(shareAt(edges, read!, 1.1)).toBeCloseTo(30, 9);
    expect(shareAt(edges, read!, 110)).toBeCloseTo(70, 9);
    const humps = read!.filter((share) => share !== null);
    expect(humps).toHaveLength(2);
  });

  it('counts answers of 0 ms (or a few microseconds) in the first bucket instead of losing them to log(0)', () => {
    const { columns } = latencyHistogram(samples({ 'tools/call': [0, 0.0004, 0.002, 0.5] }));
    const [edges, call] = columns;
    expect(edges[0]).toBeCloseTo(0.001, 12);
    expect(call!.every((share) => share === null || Number.isFinite(share))).toBe(true);
    expect(call![0]).toBe(50);
    expect(sum(call!)).toBeCloseTo(100, 9);
  });

  it('has no buckets without samples', () => {
    expect(latencyHistogram(samples({})).columns).toEqual([[]]);
  });

  it('finds the bucket under the cursor: the last edge at or below it, never the closing edge (uPlot\'s nearest x is the next bucket in the right half)', () => {
    const edges = [1, 2, 4, 8];
    expect([0.5, 1, 1.9, 2, 3.9, 4, 7.99, 8, 50].map((ms) => bucketUnder(edges, ms))).toEqual([0, 0, 0, 1, 1, 2, 2, 2, 2]);
    expect(bucketUnder([1], 5)).toBe(0);
  });

  it('draws each method in its colour of the time chart, though the methods left out shift the histogram\'s own order', () => {
    const traffic = samples({ 'server/discover': [120], 'tools/call': Array<number>(20).fill(3) });
    const histogram = latencyHistogram(traffic);
    expect(histogram.methods).toEqual(['tools/call']);
    const colourOf = methodColours(traffic);
    const series = histogramChartOptions(histogram.methods, 600, { text: '#000', grid: '#ccc' }, colourOf).series;
    expect(series[1]!.stroke).toBe(colourOf('tools/call'));
    expect(colourOf('tools/call')).not.toBe(colourOf('server/discover'));
  });

  it('labels the axis at 1, 2 and 5 of each decade, so a one-decade range still reads', () => {
    expect(oneTwoFive(10, 100)).toEqual([10, 20, 50, 100]);
    expect(oneTwoFive(0.001, 0.01)).toEqual([0.001, 0.002, 0.005, 0.01]);
    expect(oneTwoFive(3, 4000)).toEqual([5, 10, 20, 50, 100, 200, 500, 1000, 2000]);
  });

  it('labels bucket edges in the unit that reads best', () => {
    expect([0.4, 1, 1.2589254117941673, 15.848931924611133, 2511.886431509582].map(bucketEdgeLabel)).toEqual(['400 µs', '1 ms', '1.26 ms', '15.8 ms', '2.51 s']);
  });
});
