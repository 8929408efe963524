import type { LatencySamples } from '../../shared/model/metrics';
import type { ChartData } from './latency-chart-data';

/** Buckets per decade of latency: each bucket's upper edge is 10^(1/10), about 1.26 times its lower. */
export const BUCKETS_PER_DECADE = 10;
/** Answers faster than this (a local stdio server can answer in microseconds) count in the first bucket. */
const FLOOR_MS = 0.001;

/** Methods with fewer answers are left out (while some method has this many): see latencyHistogram. */
export const HISTOGRAM_MIN_ANSWERS = 10;

/** The histogram's columns, and the methods left out for having too few answers. */
export interface HistogramData extends ChartData {
  leftOut: string[];
}

/**
 * Each method's latency distribution as a histogram, for a bar chart: x the lower edges of
 * log-spaced buckets in ms (BUCKETS_PER_DECADE a decade, from the decade of the fastest answer to
 * the one past the slowest; the last x is the last bucket's upper edge), y each method's share of
 * its own answers in the bucket, in percent, so methods with very different counts can be
 * compared; null where a method has none (no bar). A log scale because latencies span orders of
 * magnitude: on a linear one every fast answer would crowd into the first bar beside a single
 * slow one. A method with fewer than HISTOGRAM_MIN_ANSWERS answers (the handshake's single
 * `server/discover`, one `tools/list`) would stand at 100 % and flatten every other: it is left
 * out while another method has that many. Methods keep the order main numbered them (the
 * colours of the latency-over-time chart); no samples give no buckets.
 */
export function latencyHistogram(samples: LatencySamples): HistogramData {
  const counted = new Map<number, number>();
  for (const id of samples.method) counted.set(id, (counted.get(id) ?? 0) + 1);
  const enough = [...counted].some(([, n]) => n >= HISTOGRAM_MIN_ANSWERS);
  const all = [...counted.keys()].sort((a, b) => a - b);
  const ids = enough ? all.filter((id) => counted.get(id)! >= HISTOGRAM_MIN_ANSWERS) : all;
  const name = (id: number) => samples.methods[id] ?? `method ${id}`;
  const methods = ids.map(name);
  const leftOut = all.filter((id) => !ids.includes(id)).map(name);
  if (ids.length === 0) return { methods, columns: [[]], leftOut };
  const column = new Map(ids.map((id, i) => [id, i]));
  let fastest = Infinity;
  let slowest = -Infinity;
  samples.method.forEach((id, i) => {
    if (!column.has(id)) return;
    fastest = Math.min(fastest, samples.latencyMs[i]!);
    slowest = Math.max(slowest, samples.latencyMs[i]!);
  });
  const firstDecade = Math.floor(Math.log10(Math.max(fastest, FLOOR_MS)));
  const lastDecade = Math.floor(Math.log10(Math.max(slowest, FLOOR_MS))) + 1;
  const buckets = (lastDecade - firstDecade) * BUCKETS_PER_DECADE;
  const edges = Array.from({ length: buckets + 1 }, (_, k) => 10 ** (firstDecade + k / BUCKETS_PER_DECADE));

  const counts = ids.map(() => new Array<number>(buckets + 1).fill(0));
  samples.method.forEach((id, i) => {
    const c = column.get(id);
    if (c === undefined) return;
    counts[c]![bucketOf(edges, Math.max(samples.latencyMs[i]!, FLOOR_MS), firstDecade)]!++;
  });
  const shares = counts.map((row, c) => row.map((count) => (count === 0 ? null : (count * 100) / counted.get(ids[c]!)!)));
  return { methods, columns: [edges, ...shares], leftOut };
}

/** The bucket holding `ms` (at least FLOOR_MS); the last edge closes the last bucket. */
function bucketOf(edges: number[], ms: number, firstDecade: number): number {
  const buckets = edges.length - 1;
  let bucket = Math.floor((Math.log10(ms) - firstDecade) * BUCKETS_PER_DECADE);
  // log10 is not exact at the edges (log10(1000) may read 2.9999…): the edges themselves decide.
  if (bucket > 0 && ms < edges[bucket]!) bucket--;
  if (bucket < buckets - 1 && ms >= edges[bucket + 1]!) bucket++;
  return Math.min(buckets - 1, Math.max(0, bucket));
}

/**
 * The bucket under a point of the x axis (`ms`), for the chart's cursor: the last edge at or
 * below it, never the closing edge. uPlot's own choice is the nearest x, which in the right half of
 * a bucket is the next bucket's edge.
 */
export function bucketUnder(edges: ArrayLike<number>, ms: number): number {
  let low = 0;
  let high = edges.length - 2;
  if (high < 0) return 0;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (edges[mid]! <= ms) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** A bucket's lower edge as the chart's axis and legend say it: "1.26 ms", "400 µs", "2.5 s". */
export function bucketEdgeLabel(ms: number): string {
  if (ms < 1) return `${round(ms * 1000)} µs`;
  if (ms >= 1000) return `${round(ms / 1000)} s`;
  return `${round(ms)} ms`;
}

function round(value: number): string {
  return String(Number(value.toPrecision(3)));
}
