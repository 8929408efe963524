import { describe, expect, it } from 'vitest';
import type uPlot from 'uplot';
import { distributionChartOptions } from '../../../renderer/components/metrics/latency-chart-options';
import { percentileCurves } from '../../../renderer/workbench/latency-chart-data';
import type { LatencySamples } from '../../../shared/model/metrics';

/**
 * The percentile curve beside the table: whatever a method's count of answers, its curve reaches
 * its slowest answer (the table's max), and a method with a single answer is still drawn.
 */

/** `counts[i]` answers of method i, latencies from a fixed pseudo-random sequence (1 to 400 ms). */
function samplesOf(counts: number[]): LatencySamples {
  let seed = 7;
  const next = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31) * 399 + 1;
  const method = counts.flatMap((count, id) => Array<number>(count).fill(id));
  return { methods: counts.map((_, id) => `method-${id}`), from: 0, next: method.length, at: method.map((_, i) => 1_785_000_000_000 + i), latencyMs: method.map(() => Math.round(next() * 100) / 100), method };
}

const latenciesOf = (samples: LatencySamples, id: number) => samples.latencyMs.filter((_, i) => samples.method[i] === id);

/** The plot uPlot would hand the chart's functions: the data, and the x range it shows. */
function plotOf(columns: Array<Array<number | null>>, range?: [number, number]): uPlot {
  const xs = columns[0] as number[];
  return { data: columns, scales: { x: { min: range?.[0] ?? xs[0], max: range?.[1] ?? xs.at(-1) } } } as unknown as uPlot;
}

describe('the percentile curve', () => {
  const counts = [1, 2, 3, 5, 8, 10, 13, 37, 100, 999, 1000, 12_345];

  it.each(counts)('with %i answers ends on the method’s max, inside the x range, rising from its min', (count) => {
    const samples = samplesOf([count]);
    const latencies = latenciesOf(samples, 0);
    const { columns } = percentileCurves(samples);
    const [xs, curve] = columns as [number[], Array<number | null>];
    const values = curve.filter((v): v is number => v !== null);
    expect(values.at(-1)).toBe(Math.max(...latencies));
    expect(values[0]).toBe(Math.min(...latencies));
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]!);
    // The max is reached where every percentile is the max: past 1 - 1/n, log10(n) nines.
    const end = curve.findLastIndex((v) => v !== null);
    expect(xs[end]).toBeCloseTo(Math.log10(count), 9);
    expect(xs.at(-1)).toBeGreaterThanOrEqual(xs[end]!);
    // No tail invented: nothing right of the end.
    expect(curve.slice(end + 1).every((v) => v === null)).toBe(true);
  });

  it('ends every method on its own max when methods of many counts share the chart', () => {
    const samples = samplesOf(counts);
    const { columns } = percentileCurves(samples);
    counts.forEach((_, id) => {
      const curve = columns[id + 1]!;
      expect(curve.findLast((v) => v !== null), `method with ${counts[id]} answers`).toBe(Math.max(...latenciesOf(samples, id)));
    });
  });

  it('draws a dot on each curve’s end, a one-answer method’s only value included, and the legend calls it the max', () => {
    const samples = samplesOf([1, 8]);
    const { methods, columns } = percentileCurves(samples);
    const options = distributionChartOptions(methods, 800, { text: '#000', grid: '#ccc' });
    const u = plotOf(columns);
    for (const seriesIdx of [1, 2]) {
      const series = options.series[seriesIdx]!;
      const filter = series.points!.filter as (u: uPlot, seriesIdx: number, show: boolean) => number[] | null;
      const dots = filter(u, seriesIdx, false);
      expect(dots).toHaveLength(1);
      const max = Math.max(...latenciesOf(samples, seriesIdx - 1));
      expect(columns[seriesIdx]![dots![0]!]).toBe(max);
      const value = series.value as (u: uPlot, v: number | null, seriesIdx: number, dataIdx: number | null) => string;
      expect(value(u, max, seriesIdx, dots![0]!)).toMatch(/^[\d.]+ ms \(max\)$/);
    }
    // Elsewhere on the curve, the latency alone.
    const value = options.series[2]!.value as (u: uPlot, v: number | null, seriesIdx: number, dataIdx: number | null) => string;
    expect(value(u, columns[2]![0]!, 2, 0)).toMatch(/^[\d.]+ ms$/);
  });

  it('draws no dot for an end a zoom leaves out of view', () => {
    const samples = samplesOf([8]);
    const { methods, columns } = percentileCurves(samples);
    const filter = distributionChartOptions(methods, 800, { text: '#000', grid: '#ccc' }).series[1]!.points!.filter as (u: uPlot, seriesIdx: number, show: boolean) => number[] | null;
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
