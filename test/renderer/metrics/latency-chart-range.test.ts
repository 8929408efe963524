import { describe, expect, it } from 'vitest';
import type uPlot from 'uplot';
import { latencyChartOptions } from '../../../renderer/components/metrics/latency-chart-options';

/** The time axis of the latency-over-time chart (a load run of one request draws a single point). */
describe('latency over time: the time range', () => {
  const range = latencyChartOptions(['Run 1'], 800, { text: '#000', grid: '#ccc' }).scales!.x!.range as (u: uPlot, min: number, max: number, key: string) => [number, number];
  const u = {} as uPlot;

  it('spans a second either side of a single point, not years', () => {
    expect(range(u, 1_796_130_000, 1_796_130_000, 'x')).toEqual([1_796_129_999, 1_796_130_001]);
  });

  it('keeps the data range when the points span time', () => {
    expect(range(u, 1_796_130_000, 1_796_130_012.5, 'x')).toEqual([1_796_130_000, 1_796_130_012.5]);
  });
});
