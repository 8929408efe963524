import type { LatencySamples } from '../../shared/model/metrics';

/** Colours of the methods' points, in order; each reads on both the light and the dark background. */
export const SERIES_COLOURS = ['#2f7ed8', '#e0622a', '#2e9e5b', '#b04fc2', '#c9a227', '#d6336c', '#1aa3a3', '#8a6d3b', '#6c7ae0', '#7f8c8d'];

/** uPlot's aligned data: x (seconds since the epoch, ascending), then one y column per method (null where another method's sample sits). */
export interface ChartData {
  methods: string[];
  columns: [number[], ...Array<Array<number | null>>];
}

/**
 * The samples as a scatter per method over time. Methods with no sample in the window are left
 * out; the rest keep the order main numbered them in, so a method keeps its colour as data
 * arrives. Samples are ordered by time (answers may arrive out of order between methods).
 */
export function chartData(samples: LatencySamples): ChartData {
  const n = samples.at.length;
  const order = Array.from({ length: n }, (_, i) => i);
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = samples.at[i - 1]! <= samples.at[i]!;
  if (!sorted) order.sort((a, b) => samples.at[a]! - samples.at[b]!);
  const used = [...new Set(samples.method)].sort((a, b) => a - b);
  const column = new Map(used.map((id, i) => [id, i]));
  const xs = new Array<number>(n);
  const ys = used.map(() => new Array<number | null>(n).fill(null));
  order.forEach((sample, row) => {
    xs[row] = samples.at[sample]! / 1000;
    ys[column.get(samples.method[sample]!)!]![row] = samples.latencyMs[sample]!;
  });
  return { methods: used.map((id) => samples.methods[id] ?? `method ${id}`), columns: [xs, ...ys] };
}

/** The percentile curve's x axis: "nines", -log10(1 - p): 0 is p0, 1 is p90, 2 is p99, 3 is p99.9. */
export const CURVE_MAX_NINES = 4;
/** Points of the curve per nine (121 from p0 to p99.99), besides each method's end. */
export const CURVE_POINTS_PER_NINE = 30;

/** "p99.9" for 3 nines, "p50" for 0.301…, "p87.5" for 0.903…: the percentile an x position stands for. */
export function ninesLabel(nines: number): string {
  const p = (1 - 10 ** -nines) * 100;
  return `p${Number(p.toFixed(p >= 99 ? Math.min(4, Math.max(1, Math.ceil(nines) - 2)) : 1))}`;
}

/**
 * Each method's latency distribution as a percentile curve (the HDR "percentile distribution"
 * plot): x in nines from p0 to p99.99 (further when a method has more than 10,000 answers), y the
 * latency at that percentile (nearest rank) of the method's samples, as the table beside the chart
 * gives it. With n samples, every percentile past 1 - 1/n (log10(n) nines) is the slowest answer:
 * the curve reaches its max (the table's max) exactly there, on an x of its own, rather than at
 * the next grid point (with 8 answers, p87 is still the 7th slowest), then runs flat at the max to
 * the axis' right edge, so every percentile, p99 included, has its value under the cursor. A
 * method with one answer is flat at that answer from p0 on. Each end is an x of its own (the
 * grid's x when one falls there, which then appears twice: the step up to the max is vertical).
 */
export function percentileCurves(samples: LatencySamples): ChartData {
  const byMethod = new Map<number, number[]>();
  samples.method.forEach((id, i) => {
    const list = byMethod.get(id) ?? [];
    list.push(samples.latencyMs[i]!);
    byMethod.set(id, list);
  });
  const ids = [...byMethod.keys()].sort((a, b) => a - b);
  const sortedOf = ids.map((id) => byMethod.get(id)!.sort((a, b) => a - b));
  const ends = sortedOf.map((sorted) => Math.log10(sorted.length));
  const top = Math.max(CURVE_MAX_NINES, ...ends);
  const grid = Array.from({ length: Math.floor(top * CURVE_POINTS_PER_NINE + 1e-9) + 1 }, (_, i) => i / CURVE_POINTS_PER_NINE);
  // A one-answer method's end is p0, already a grid point with its one value.
  const endXs = [...new Set(ends.filter((end) => end > 0))];
  const points = [...grid.map((x) => ({ x, end: false })), ...endXs.map((x) => ({ x, end: true }))].sort((a, b) => a.x - b.x || Number(a.end) - Number(b.end));
  const columns = sortedOf.map((sorted, c) => {
    const end = ends[c]!;
    const max = sorted[sorted.length - 1]!;
    return points.map(({ x, end: isEnd }) => {
      // At and past its own end every percentile is the max (named so: the rank's arithmetic
      // at exactly 1 - 1/n may land on the answer below it).
      if (x > end || (isEnd && x === end)) return max;
      const rank = Math.min(sorted.length, Math.max(1, Math.ceil((1 - 10 ** -x) * sorted.length)));
      return sorted[rank - 1]!;
    });
  });
  return { methods: ids.map((id) => samples.methods[id] ?? `method ${id}`), columns: [points.map((p) => p.x), ...columns] };
}

/**
 * The index where a percentile curve first reaches its max (-1 if it has no value): where its dot
 * sits, and from where on the legend says "(max)". With ties at the top (1008, 1008) that is
 * before the method's end; with one answer, p0.
 */
export function maxReachedIndex(column: ArrayLike<number | null | undefined>): number {
  let max = -Infinity;
  let index = -1;
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    if (v != null && v > max) [max, index] = [v, i];
  }
  return index;
}

/**
 * The colour each method has in the latency-over-time chart (the same order as chartData: the
 * methods with samples, in the order main numbered them), so other views can match it. A method
 * without samples takes the next colour in turn, in the order asked for.
 */
export function methodColours(samples: LatencySamples | undefined): (method: string) => string {
  const colours = new Map<string, string>();
  if (samples) {
    const used = [...new Set(samples.method)].sort((a, b) => a - b);
    used.forEach((id, i) => colours.set(samples.methods[id] ?? `method ${id}`, SERIES_COLOURS[i % SERIES_COLOURS.length]!));
  }
  return (method) => {
    let colour = colours.get(method);
    if (colour === undefined) colours.set(method, (colour = SERIES_COLOURS[colours.size % SERIES_COLOURS.length]!));
    return colour;
  };
}
