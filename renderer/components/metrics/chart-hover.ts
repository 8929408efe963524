import type uPlot from 'uplot';

/**
 * How far from the pointer, in CSS px along the time axis, a point of the latency-over-time chart
 * still counts as the one pointed at: about a finger's width. Farther than that the legend shows
 * no value, rather than the nearest point's, which may be a minute away on a sparse chart.
 */
export const HOVER_REACH_PX = 24;

/**
 * uPlot's `cursor.dataIdx` for a chart of scattered points (one x column, a column per series
 * with a value or null at each x): the index of the series' point nearest the pointer along x,
 * when it is within `reachPx` of it, else null. For the x series (index 0) the nearest x of any
 * series, on the same terms. `closestIdx` is uPlot's nearest x to the pointer; positions are read
 * with `u.valToPos(x, 'x')` against `u.cursor.left` (both in CSS px).
 */
export function pointWithinReach(reachPx = HOVER_REACH_PX): (u: uPlot, seriesIdx: number, closestIdx: number) => number | null {
  return (u, seriesIdx, closestIdx) => {
    const xs = u.data[0];
    const values = u.data[seriesIdx];
    const pointer = u.cursor.left;
    if (!values || pointer == null || pointer < 0) return null;
    const distance = (index: number) => Math.abs(u.valToPos(xs[index]!, 'x') - pointer);
    let best: number | null = null;
    // Outward from the nearest x, in both directions, while the xs are still within reach (they ascend).
    for (const step of [-1, 1]) {
      for (let i = step < 0 ? closestIdx : closestIdx + 1; i >= 0 && i < xs.length && distance(i) <= reachPx; i += step) {
        if (values[i] == null) continue;
        if (best === null || distance(i) < distance(best)) best = i;
        break;
      }
    }
    return best;
  };
}

/** Whether uPlot's legend has no value to show: no pointer, or no series with a point near it. */
export function legendIdle(u: Pick<uPlot, 'cursor'>): boolean {
  return u.cursor.idx == null || (u.cursor.idxs ?? []).slice(1).every((idx) => idx == null);
}
