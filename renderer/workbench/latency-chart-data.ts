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
