import { describe, expect, it } from 'vitest';
import uPlot from 'uplot';
import { histogramChartOptions } from '../../../renderer/components/metrics/latency-chart-options';
import { oneTwoFive } from '../../../renderer/workbench/log-axis-ticks';

/**
 * The histogram's latency axis at the widths the app is used at: its labels never touch ("100 ms200
 * ms500 ms" at 900 px), and as many of 1, 2 and 5 of each decade are kept as there is room for.
 */

/** Advance widths of DejaVu Sans (Chromium's sans on Linux) at the axis' 12 px, in px. */
const DEJAVU_12PX: Record<string, number> = { ' ': 3.81, '.': 3.81, m: 11.69, s: 6.25, µ: 7.62 };
const widthOf = (label: string) => [...label].reduce((sum, c) => sum + (DEJAVU_12PX[c] ?? 7.64), 0);

const axis = histogramChartOptions(['tools/call'], 800, { text: '#000', grid: '#ccc' }).axes![0]!;
type Splits = (u: uPlot, axisIdx: number, min: number, max: number) => number[];
type Values = (u: uPlot, splits: number[]) => string[];

/** The axis' ticks and labels over [min, max] ms on a plot `width` CSS px wide, as uPlot asks for them. */
function axisAt(min: number, max: number, width: number) {
  const u = { bbox: { width: width * (uPlot.pxRatio || 1) } } as unknown as uPlot;
  const ticks = (axis.splits as Splits)(u, 0, min, max);
  return { ticks, labels: (axis.values as Values)(u, ticks), at: (v: number) => ((Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))) * width };
}

// The ranges the histogram spans (whole decades, from the fastest answer's to the one past the slowest's).
const ranges: Array<[number, number]> = [
  [1, 10_000],
  [0.1, 10_000],
  [0.001, 1000],
  [1, 100],
  [10, 100],
];
const widths = [300, 600, 900, 1600];

describe('the histogram’s latency axis', () => {
  it.each(ranges.flatMap(([min, max]) => widths.map((width) => [min, max, width] as const)))('from %s to %s ms at %i px: labels with clear space between them, 1-2-5 ticks only, at least two', (min, max, width) => {
    const { ticks, labels, at } = axisAt(min, max, width);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(oneTwoFive(min, max)).toEqual(expect.arrayContaining(ticks));
    for (let i = 1; i < ticks.length; i++) {
      const gap = at(ticks[i]!) - at(ticks[i - 1]!) - (widthOf(labels[i]!) + widthOf(labels[i - 1]!)) / 2;
      expect(gap, `between ${labels[i - 1]} and ${labels[i]}`).toBeGreaterThanOrEqual(6);
    }
  });

  it('keeps more ticks as the plot widens, and every 1, 2 and 5 when there is room', () => {
    for (const [min, max] of ranges) {
      const counts = widths.map((width) => axisAt(min, max, width).ticks.length);
      expect(counts, `${min} to ${max} ms`).toEqual([...counts].sort((a, b) => a - b));
    }
    expect(axisAt(1, 10_000, 1600).labels).toEqual(['1 ms', '2 ms', '5 ms', '10 ms', '20 ms', '50 ms', '100 ms', '200 ms', '500 ms', '1 s', '2 s', '5 s', '10 s']);
    expect(axisAt(1, 100, 600).labels).toEqual(['1 ms', '2 ms', '5 ms', '10 ms', '20 ms', '50 ms', '100 ms']);
    // Narrow: the powers of ten, each still a whole label.
    expect(axisAt(1, 10_000, 600).labels).toEqual(['1 ms', '10 ms', '100 ms', '1 s', '10 s']);
  });
});
