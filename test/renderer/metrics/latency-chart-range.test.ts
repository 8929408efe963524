import { describe, expect, it } from 'vitest';
import type uPlot from 'uplot';
import { latencyChartOptions } from '../../../renderer/components/metrics/latency-chart-options';

/**
 * The time axis of the latency-over-time chart. uPlot asks the range function with the range it
 * computed itself: for points all at one instant that is the instant and a day later (its
 * autoScaleX), so the function is given what uPlot gives it, data included.
 */
describe('latency over time: the time range', () => {
  const range = latencyChartOptions(['Run 1'], 800, { text: '#000', grid: '#ccc' }).scales!.x!.range as (u: uPlot, min: number | null, max: number | null, key: string) => [number | null, number | null];
  const plotOf = (xs: number[]) => ({ data: [xs] }) as unknown as uPlot;
  const DAY = 86_400;
  const t = 1_796_130_000;

  it('spans a second either side of a single point, not the day uPlot widens it to', () => {
    expect(range(plotOf([t]), t, t + DAY, 'x')).toEqual([t - 1, t + 1]);
  });

  it('does the same for many points at one instant', () => {
    expect(range(plotOf([t, t, t]), t, t + DAY, 'x')).toEqual([t - 1, t + 1]);
  });

  it('keeps the data range when the points span time, however little', () => {
    expect(range(plotOf([t, t + 12.5]), t, t + 12.5, 'x')).toEqual([t, t + 12.5]);
    expect(range(plotOf([t, t + 0.001]), t, t + 0.001, 'x')).toEqual([t, t + 0.001]);
  });

  it('keeps what uPlot asks when there is no data yet', () => {
    expect(range(plotOf([]), null, null, 'x')).toEqual([null, null]);
  });
});
