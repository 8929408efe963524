import { describe, expect, it } from 'vitest';
import type uPlot from 'uplot';
import { distributionChartOptions } from '../../../renderer/components/metrics/latency-chart-options';
import { CURVE_MAX_NINES, percentileCurves } from '../../../renderer/workbench/latency-chart-data';
import { seriesFigures } from '../../../renderer/workbench/latency-figures';
import type { LatencySamples } from '../../../shared/model/metrics';

/**
 * The percentile curve beside the table: whatever a method's count of answers, every percentile
 * on the axis has the method's value (nearest rank, as the table), the curve reaches its slowest
 * answer (the table's max) where 1 - 1/n of the answers are counted and runs flat at it to the
 * right edge, a dot where the max is first reached; a method with a single answer is flat at it.
 */

/** `counts[i]` answers of method i, latencies from a fixed pseudo-random sequence (1 to 400 ms). */
function samplesOf(counts: number[]): LatencySamples {
  let seed = 7;
  const next = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31) * 399 + 1;
  const method = counts.flatMap((count, id) => Array<number>(count).fill(id));
  return { methods: counts.map((_, id) => `method-${id}`), from: 0, next: method.length, at: method.map((_, i) => 1_785_000_000_000 + i), latencyMs: method.map(() => Math.round(next() * 100) / 100), method };
}

const latenciesOf = (samples: LatencySamples, id: number) => samples.latencyMs.filter((_, i) => samples.method[i] === id).sort((a, b) => a - b);

/** The plot uPlot would hand the chart's functions: the data, and the x range it shows. */
function plotOf(columns: Array<Array<number | null>>, range?: [number, number]): uPlot {
  const xs = columns[0] as number[];
  return { data: columns, scales: { x: { min: range?.[0] ?? xs[0], max: range?.[1] ?? xs.at(-1) } } } as unknown as uPlot;
}

type Value = (u: uPlot, v: number | null, seriesIdx: number, dataIdx: number | null) => string;
type Filter = (u: uPlot, seriesIdx: number, show: boolean) => number[] | null;

/** The legend's text for series `seriesIdx` with the cursor on index `dataIdx`, as uPlot asks for it. */
function legendAt(options: uPlot.Options, u: uPlot, seriesIdx: number, dataIdx: number): string {
  return (options.series[seriesIdx]!.value as Value)(u, u.data[seriesIdx]![dataIdx] ?? null, seriesIdx, dataIdx);
}

/** The index uPlot's cursor takes at percentile x: the nearest x. */
const nearest = (xs: number[], x: number) => xs.reduce((best, v, i) => (Math.abs(v - x) < Math.abs(xs[best]! - x) ? i : best), 0);

/** Everything the chart must say of method `id` (column `id + 1`), whatever its count of answers. */
function expectWholeCurve(samples: LatencySamples, id: number) {
  const { methods, columns } = percentileCurves(samples);
  const options = distributionChartOptions(methods, 800, { text: '#000', grid: '#ccc' });
  const u = plotOf(columns);
  const xs = columns[0] as number[];
  const curve = columns[id + 1]!;
  const sorted = latenciesOf(samples, id);
  const n = sorted.length;
  const max = sorted.at(-1)!;
  const end = Math.log10(n);
  const what = `method with ${n} answers`;

  // A value at every percentile, from the fastest answer at p0 to the max at the axis' right edge.
  expect(curve.every((v) => v !== null), what).toBe(true);
  expect(xs.at(-1), what).toBeGreaterThanOrEqual(Math.max(CURVE_MAX_NINES, end) - 1e-9);
  expect(curve[0], what).toBe(sorted[0]);
  expect(curve.at(-1), what).toBe(max);
  for (let i = 1; i < curve.length; i++) expect(curve[i]!, what).toBeGreaterThanOrEqual(curve[i - 1]!);
  xs.forEach((x, i) => {
    // Up to 1 - 1/n, the nearest rank of the percentile x stands for; past it, the max, flat.
    if (x > end + 1e-9) expect(curve[i], `${what} at ${x} nines`).toBe(max);
    else if (x < end - 1e-9) expect(curve[i], `${what} at ${x} nines`).toBe(sorted[Math.max(1, Math.ceil((1 - 10 ** -x) * n)) - 1]);
  });
  // The max itself, exactly at log10(n) nines (p0 for one answer).
  expect(xs.some((x, i) => Math.abs(x - end) < 1e-9 && curve[i] === max), what).toBe(true);

  // The dot: where the max is first reached (at log10(n), or before it when the slowest answers tie).
  const dots = (options.series[id + 1]!.points!.filter as Filter)(u, id + 1, false);
  expect(dots, what).toEqual([curve.indexOf(max)]);
  expect(xs[dots![0]!]!, what).toBeLessThanOrEqual(end + 1e-9);
  // Hovering: a value at every percentile, never "—"; "(max)" from the dot on, and only there.
  curve.forEach((v, i) => {
    expect(legendAt(options, u, id + 1, i), `${what} at ${xs[i]} nines`).toMatch(i >= dots![0]! ? /^[\d.]+ ms \(max\)$/ : /^[\d.]+ ms$/);
    expect(v, what).not.toBeNull();
  });
  // The table's p99 (a grid point of the chart) is the curve's value there, whatever the count.
  const figures = seriesFigures(samples)[id]!;
  if (end > 2 + 1e-9) expect(curve[xs.indexOf(2)], what).toBe(figures.p99);
}

describe('the percentile curve', () => {
  const counts = [1, 2, 3, 5, 8, 10, 12, 13, 37, 100, 101, 999, 1000, 12_345];

  it.each(counts)('with %i answers has a value at every percentile, reaches the max at 1 - 1/n with a dot, and runs flat to the right edge', (count) => {
    expectWholeCurve(samplesOf([count]), 0);
  });

  it('does so for every method when methods of many counts share the chart', () => {
    const samples = samplesOf(counts);
    counts.forEach((_, id) => expectWholeCurve(samples, id));
  });

  it('draws a method with one answer as a flat line at it across the whole axis, its dot and "(max)" from p0', () => {
    const samples = samplesOf([1, 1, 5]);
    const { methods, columns } = percentileCurves(samples);
    const options = distributionChartOptions(methods, 800, { text: '#000', grid: '#ccc' });
    for (const id of [0, 1]) {
      const [only] = latenciesOf(samples, id);
      expect(new Set(columns[id + 1]), `method ${id}`).toEqual(new Set([only]));
      expect((options.series[id + 1]!.points!.filter as Filter)(plotOf(columns), id + 1, false)).toEqual([0]);
    }
  });

  it('shows the table’s value of each method at p92, p95 and p99 after 12 calls (the max, 1008 ms, from p91.7 on)', () => {
    // The playground after 12 tool calls: the slowest two answers tie at 1008 ms; one discover, one list.
    const call = [12, 15, 40, 60, 75, 90, 120, 150, 210, 380, 1008, 1008];
    const samples: LatencySamples = { methods: ['server/discover', 'tools/list', 'tools/call'], from: 0, next: 14, at: Array.from({ length: 14 }, (_, i) => i), latencyMs: [31, 4.5, ...call], method: [0, 1, ...Array<number>(12).fill(2)] };
    const { methods, columns } = percentileCurves(samples);
    const options = distributionChartOptions(methods, 800, { text: '#000', grid: '#ccc' });
    const u = plotOf(columns);
    const xs = columns[0] as number[];
    for (const p of [0.92, 0.95, 0.99, 0.9999]) {
      const i = nearest(xs, -Math.log10(1 - p));
      expect([1, 2, 3].map((s) => legendAt(options, u, s, i)), `p${p * 100}`).toEqual(['31 ms (max)', '4.50 ms (max)', '1008 ms (max)']);
    }
    // Before the max, the curve's own value: p50 is the 6th of 12.
    expect(legendAt(options, u, 3, nearest(xs, Math.log10(2)))).toBe('90 ms');
    // The tie: the max is first reached at p83.3 (rank 11 of 12), where the dot sits.
    const dot = (options.series[3]!.points!.filter as Filter)(u, 3, false)![0]!;
    expect(columns[3]![dot]).toBe(1008);
    expect(columns[3]![dot - 1]).toBe(380);
  });

  it('draws no dot where the max is first reached when a zoom leaves it out of view', () => {
    const samples = samplesOf([8]);
    const { methods, columns } = percentileCurves(samples);
    const filter = distributionChartOptions(methods, 800, { text: '#000', grid: '#ccc' }).series[1]!.points!.filter as Filter;
    expect(filter(plotOf(columns, [0, 0.5]), 1, false)).toBeNull();
  });

  it('stretches the axis as far as the curve goes (p99.999 for 100,000 answers, the most the chart keeps)', () => {
    const { methods, columns } = percentileCurves(samplesOf([100_000]));
    const axis = distributionChartOptions(methods, 800, { text: '#000', grid: '#ccc' }).axes![0]!;
    const xs = columns[0] as number[];
    const splits = (axis.splits as (u: uPlot, axisIdx: number, min: number, max: number) => number[])(plotOf(columns), 0, 0, xs.at(-1)!);
    const labels = (axis.values as (u: uPlot, splits: number[]) => string[])(plotOf(columns), splits);
    expect(labels).toEqual(['p0', 'p50', 'p90', 'p99', 'p99.9', 'p99.99', 'p99.999']);
    expect(xs.at(-1)).toBeCloseTo(5, 9);
  });
});
