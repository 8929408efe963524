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
  // What uPlot's autoScaleX adds to a single time: round(86,400 / ms), ms = 1e-3 for times in seconds.
  const UPLOT_SINGLE_TIME_SPAN = 86_400_000;
  const t = 1_796_130_000;

  it('spans a second either side of a single point, not the years uPlot widens it to', () => {
    expect(range(plotOf([t]), t, t + UPLOT_SINGLE_TIME_SPAN, 'x')).toEqual([t - 1, t + 1]);
  });

  it('does the same for many points at one instant', () => {
    expect(range(plotOf([t, t, t]), t, t + UPLOT_SINGLE_TIME_SPAN, 'x')).toEqual([t - 1, t + 1]);
  });

  it('spans the data with 2% of its span either side when the points span time, however little, so the edge points are drawn whole', () => {
    const [from, to] = range(plotOf([t, t + 5, t + 10]), t, t + 10, 'x');
    expect(from).toBeCloseTo(t - 0.2, 6);
    expect(to).toBeCloseTo(t + 10.2, 6);
    const [tinyFrom, tinyTo] = range(plotOf([t, t + 0.001]), t, t + 0.001, 'x');
    expect(tinyFrom).toBeLessThan(t);
    expect(tinyTo).toBeGreaterThan(t + 0.001);
  });

  it('leaves a zoom as chosen (uPlot asks again with the dragged range, and with it on every redraw)', () => {
    expect(range(plotOf([t, t + 5, t + 10]), t + 2, t + 3, 'x')).toEqual([t + 2, t + 3]);
    expect(range(plotOf([t, t + 5, t + 10]), t, t + 3, 'x')).toEqual([t, t + 3]);
    expect(range(plotOf([t]), t - 0.5, t + 0.25, 'x')).toEqual([t - 0.5, t + 0.25]);
    const [from, to] = range(plotOf([t, t + 10]), t, t + 10, 'x') as [number, number];
    expect(range(plotOf([t, t + 10]), from, to, 'x')).toEqual([from, to]);
  });

  it('keeps what uPlot asks when there is no data yet', () => {
    expect(range(plotOf([]), null, null, 'x')).toEqual([null, null]);
  });
});
