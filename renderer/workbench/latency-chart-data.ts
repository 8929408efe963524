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
export const CURVE_POINTS = 121;
export const CURVE_MAX_NINES = 4;

/** "p99.9" for 3 nines, "p50" for 0.301…: the percentile an x position stands for. */
export function ninesLabel(nines: number): string {
  const p = (1 - 10 ** -nines) * 100;
  return `p${Number(p.toFixed(p >= 99 ? Math.min(4, Math.max(1, Math.ceil(nines) - 2)) : 0))}`;
}

/**
 * Each method's latency distribution as a percentile curve (the HDR "percentile distribution"
 * plot): x in nines from p0 to p99.99, y the latency at that percentile (nearest rank) of the
 * method's samples. A point a method has too few samples to resolve (1/(1 - p) above its count)
 * is null, so a thin method's curve stops where its data does instead of inventing a tail.
 */
export function percentileCurves(samples: LatencySamples): ChartData {
  const byMethod = new Map<number, number[]>();
  samples.method.forEach((id, i) => {
    const list = byMethod.get(id) ?? [];
    list.push(samples.latencyMs[i]!);
    byMethod.set(id, list);
  });
  const ids = [...byMethod.keys()].sort((a, b) => a - b);
  const xs = Array.from({ length: CURVE_POINTS }, (_, i) => (i * CURVE_MAX_NINES) / (CURVE_POINTS - 1));
  const columns = ids.map((id) => {
    const sorted = byMethod.get(id)!.sort((a, b) => a - b);
    return xs.map((nines) => {
      const tail = 10 ** -nines;
      if (1 / tail > sorted.length && nines > 0) return null;
      const rank = Math.min(sorted.length, Math.max(1, Math.ceil((1 - tail) * sorted.length)));
      return sorted[rank - 1]!;
    });
  });
  return { methods: ids.map((id) => samples.methods[id] ?? `method ${id}`), columns: [xs, ...columns] };
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
