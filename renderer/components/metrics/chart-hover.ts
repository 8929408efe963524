import type uPlot from 'uplot';

/**
 * How far from the pointer, in CSS px, a point of the latency-over-time chart still counts as the
 * one pointed at: about a finger's width. Farther than that the legend shows no value, rather than
 * the nearest point's, which may be a minute away, or far above or below the pointer.
 */
export const HOVER_REACH_PX = 24;

/**
 * uPlot's `cursor.dataIdx` for a chart of scattered points (one x column, a column per series
 * with a value or null at each x): the index of the series' point nearest the pointer (straight-
 * line distance on the plot), when it is within `reachPx` of it, else null. For the x series
 * (index 0) the nearest point of any series, so the legend's time is that point's time.
 * `closestIdx` is uPlot's nearest x; positions are read with `u.valToPos` against `u.cursor.left`
 * and `u.cursor.top` (all in CSS px).
 */
export function pointWithinReach(reachPx = HOVER_REACH_PX): (u: uPlot, seriesIdx: number, closestIdx: number) => number | null {
  return (u, seriesIdx, closestIdx) => {
    if (seriesIdx !== 0) return nearestPoint(u, seriesIdx, closestIdx, reachPx)?.index ?? null;
    let best: { index: number; distance: number } | undefined;
    for (let series = 1; series < u.data.length; series++) {
      const found = nearestPoint(u, series, closestIdx, reachPx);
      if (found && (!best || found.distance < best.distance)) best = found;
    }
    return best?.index ?? null;
  };
}

/** The point of `seriesIdx` nearest the pointer within `reachPx`, scanning out from `closestIdx` while the xs are within reach (they ascend). */
function nearestPoint(u: uPlot, seriesIdx: number, closestIdx: number, reachPx: number): { index: number; distance: number } | undefined {
  const xs = u.data[0];
  const values = u.data[seriesIdx];
  const { left, top } = u.cursor;
  if (!values || left == null || left < 0 || top == null) return undefined;
  const alongX = (index: number) => Math.abs(u.valToPos(xs[index]!, 'x') - left);
  const yScale = u.series[seriesIdx]?.scale ?? 'y';
  let best: { index: number; distance: number } | undefined;
  for (const step of [-1, 1]) {
    for (let i = step < 0 ? closestIdx : closestIdx + 1; i >= 0 && i < xs.length && alongX(i) <= reachPx; i += step) {
      const value = values[i];
      if (value == null) continue;
      const distance = Math.hypot(alongX(i), u.valToPos(value, yScale) - top);
      if (distance <= reachPx && (!best || distance < best.distance)) best = { index: i, distance };
    }
  }
  return best;
}

/** Whether uPlot's legend has no value to show: no pointer, or no series with a point near it. */
export function legendIdle(u: Pick<uPlot, 'cursor'>): boolean {
  return u.cursor.idx == null || (u.cursor.idxs ?? []).slice(1).every((idx) => idx == null);
}
