import type { LatencySamples } from '../../shared/model/metrics';
import type { ChartData } from './latency-chart-data';

/** Buckets per decade of latency: each bucket's upper edge is 10^(1/10), about 1.26 times its lower. */
export const BUCKETS_PER_DECADE = 10;
/** Answers faster than this (a local stdio server can answer in microseconds) count in the first bucket. */
const FLOOR_MS = 0.001;

/**
 * Each method's latency distribution as a histogram, for a stepped chart: x the lower edges of
 * log-spaced buckets in ms (BUCKETS_PER_DECADE a decade, from the decade of the fastest answer to
 * the one past the slowest), y each method's share of its own answers in the bucket, in percent,
 * so methods with very different counts can be compared. A log scale because latencies span
 * orders of magnitude: on a linear one every fast answer would crowd into the first bar beside a
 * single slow one. The last x is the last bucket's upper edge, with 0 for every method, so the
 * steps come down at the end. Methods are in the order main numbered them (the colours of the
 * latency-over-time chart); no samples give no buckets.
 */
export function latencyHistogram(samples: LatencySamples): ChartData {
  const ids = [...new Set(samples.method)].sort((a, b) => a - b);
  const methods = ids.map((id) => samples.methods[id] ?? `method ${id}`);
  if (samples.latencyMs.length === 0) return { methods, columns: [[]] };
  let fastest = Infinity;
  let slowest = -Infinity;
  for (const ms of samples.latencyMs) {
    fastest = Math.min(fastest, ms);
    slowest = Math.max(slowest, ms);
  }
  const firstDecade = Math.floor(Math.log10(Math.max(fastest, FLOOR_MS)));
  const lastDecade = Math.floor(Math.log10(Math.max(slowest, FLOOR_MS))) + 1;
  const buckets = (lastDecade - firstDecade) * BUCKETS_PER_DECADE;
  const edges = Array.from({ length: buckets + 1 }, (_, k) => 10 ** (firstDecade + k / BUCKETS_PER_DECADE));

  const column = new Map(ids.map((id, i) => [id, i]));
  const counts = ids.map(() => new Array<number>(buckets + 1).fill(0));
  const totals = ids.map(() => 0);
  samples.method.forEach((id, i) => {
    const ms = Math.max(samples.latencyMs[i]!, FLOOR_MS);
    let bucket = Math.floor((Math.log10(ms) - firstDecade) * BUCKETS_PER_DECADE);
    // log10 is not exact at the edges (log10(1000) may read 2.9999…): the edges themselves decide.
    if (bucket > 0 && ms < edges[bucket]!) bucket--;
    if (bucket < buckets - 1 && ms >= edges[bucket + 1]!) bucket++;
    const c = column.get(id)!;
    counts[c]![Math.min(buckets - 1, Math.max(0, bucket))]!++;
    totals[c]!++;
  });
  const shares = counts.map((row, c) => row.map((count) => (count * 100) / totals[c]!));
  return { methods, columns: [edges, ...shares] };
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
