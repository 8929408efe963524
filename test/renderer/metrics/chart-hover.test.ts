import type uPlot from 'uplot';
import { describe, expect, it } from 'vitest';
import { HOVER_REACH_PX, legendIdle, pointWithinReach } from '../../../renderer/components/metrics/chart-hover';

/**
 * The latency-over-time chart's hover: the legend shows the points near the pointer only. A
 * stand-in for uPlot with what the function reads: the data, the pointer's x and a linear x scale
 * (1 px per unit of x, so x values are positions in px).
 */
function plotAt(pointer: number | null | undefined, data: Array<Array<number | null>>): uPlot {
  return { data, cursor: { left: pointer }, valToPos: (x: number) => x } as unknown as uPlot;
}

describe('latency over time: what the pointer points at', () => {
  // xs in px; method 1 has points at 100 and 400, method 2 at 110 and 700.
  const xs = [100, 110, 400, 700];
  const data = [
    xs,
    [5, null, 9, null],
    [null, 7, null, 3],
  ];
  const nearest = pointWithinReach();
  const closest = (pointer: number) => xs.reduce((best, x, i) => (Math.abs(x - pointer) < Math.abs(xs[best]! - pointer) ? i : best), 0);
  const at = (pointer: number) => [0, 1, 2].map((series) => nearest(plotAt(pointer, data), series, closest(pointer)));

  it('gives each series its own nearest point when within reach, on either side of uPlot\'s nearest x', () => {
    expect(at(104)).toEqual([0, 0, 1]);
    // Nearest x is 110 (method 2's); method 1's nearest is at 100, still within reach.
    expect(at(109)).toEqual([1, 0, 1]);
    expect(at(405)).toEqual([2, 2, null]);
  });

  it('shows nothing for a series whose points are all farther than the reach, however near its nearest one is in index', () => {
    expect(at(400 + HOVER_REACH_PX + 1)).toEqual([null, null, null]);
    expect(at(550)).toEqual([null, null, null]);
    expect(at(700 - HOVER_REACH_PX)).toEqual([3, null, 3]);
  });

  it('shows nothing without a pointer over the plot', () => {
    expect(nearest(plotAt(null, data), 1, 0)).toBeNull();
    expect(nearest(plotAt(-10, data), 1, 0)).toBeNull();
  });

  it('leaves the legend idle (names only) when no series has a point near the pointer', () => {
    expect(legendIdle({ cursor: { idx: null, idxs: [null, null] } } as unknown as uPlot)).toBe(true);
    expect(legendIdle({ cursor: { idx: 2, idxs: [null, null, null] } } as unknown as uPlot)).toBe(true);
    expect(legendIdle({ cursor: { idx: 2, idxs: [2, 2, null] } } as unknown as uPlot)).toBe(false);
  });
});
