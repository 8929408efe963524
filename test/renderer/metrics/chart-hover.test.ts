import type uPlot from 'uplot';
import { describe, expect, it } from 'vitest';
import { HOVER_REACH_PX, legendIdle, pointWithinReach } from '../../../renderer/components/metrics/chart-hover';

/**
 * The latency-over-time chart's hover: the legend shows the points near the pointer only. A
 * stand-in for uPlot with what the function reads: the data, the pointer's position and linear
 * scales (1 px per unit, so values are positions in px).
 */
function plotAt(pointer: { left?: number | null; top?: number | null }, data: Array<Array<number | null>>): uPlot {
  return { data, cursor: { left: pointer.left, top: pointer.top ?? 0 }, series: data.map(() => ({ scale: 'y' })), valToPos: (v: number) => v } as unknown as uPlot;
}

describe('latency over time: what the pointer points at', () => {
  // xs in px; method 1 has points at (100, 50) and (400, 90), method 2 at (110, 60) and (700, 30).
  const xs = [100, 110, 400, 700];
  const data = [xs, [50, null, 90, null], [null, 60, null, 30]];
  const nearest = pointWithinReach();
  const closest = (left: number) => xs.reduce((best, x, i) => (Math.abs(x - left) < Math.abs(xs[best]! - left) ? i : best), 0);
  const at = (left: number, top: number) => [0, 1, 2].map((series) => nearest(plotAt({ left, top }, data), series, closest(left)));

  it('gives each series its own nearest point when within reach, on either side of uPlot\'s nearest x', () => {
    // The time shown (index 0) is that of the nearest point of any method: here method 1's at 100.
    expect(at(104, 52)).toEqual([0, 0, 1]);
    // Method 2's at 110 is nearer: its time.
    expect(at(109, 58)).toEqual([1, 0, 1]);
    expect(at(405, 90)).toEqual([2, 2, null]);
  });

  it('shows nothing for a series whose points are farther than the reach, along x or above and below', () => {
    // Beside a point, the time is that point's, not the nearest x's (another method's point above).
    expect(at(405, 90)).toEqual([2, 2, null]);
    expect(at(400 + HOVER_REACH_PX + 1, 90)).toEqual([null, null, null]);
    expect(at(550, 60)).toEqual([null, null, null]);
    expect(at(700 - HOVER_REACH_PX, 30)).toEqual([3, null, 3]);
    // On a point's column, but far below it: no value, and no time either.
    expect(at(400, 90 + HOVER_REACH_PX + 20)).toEqual([null, null, null]);
    // Within reach along x and y apart, but not in a straight line.
    expect(at(400 + 20, 90 + 20)).toEqual([null, null, null]);
  });

  it('names the time of the point whose value it shows, when uPlot\'s nearest x is another method\'s point far below', () => {
    // A slow call at (100, 50); a fast one just after it, at (106, 200). The pointer 8 px right of the slow one.
    const slowThenFast = [[100, 106], [50, null], [null, 200]];
    expect([0, 1, 2].map((series) => nearest(plotAt({ left: 108, top: 50 }, slowThenFast), series, 1))).toEqual([0, 0, null]);
  });

  it('shows nothing without a pointer over the plot', () => {
    expect(nearest(plotAt({ left: null }, data), 1, 0)).toBeNull();
    expect(nearest(plotAt({ left: -10 }, data), 1, 0)).toBeNull();
  });

  it('leaves the legend idle (names only) when no series has a point near the pointer', () => {
    expect(legendIdle({ cursor: { idx: null, idxs: [null, null] } } as unknown as uPlot)).toBe(true);
    expect(legendIdle({ cursor: { idx: 2, idxs: [2, null, null] } } as unknown as uPlot)).toBe(true);
    expect(legendIdle({ cursor: { idx: 2, idxs: [2, 2, null] } } as unknown as uPlot)).toBe(false);
  });
});
