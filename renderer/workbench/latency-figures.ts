import type { LatencySamples } from '../../shared/model/metrics';
import { formatLatency } from '../trace/entry-fields';

/** One series' (a method's, a load run's) samples in figures. */
export interface SeriesFigures {
  series: string;
  count: number;
  p50: number;
  p95: number;
  p99: number;
}

/**
 * Each series' count and p50, p95 and p99 of the samples a latency chart draws (nearest rank, as
 * the percentile curves), in the charts' order (the order main numbered the series): the chart in
 * words, for those who cannot see the canvas. A series without samples is left out, as the charts
 * leave it out.
 */
export function seriesFigures(samples: LatencySamples): SeriesFigures[] {
  const counts = new Map<number, number>();
  for (const id of samples.method) counts.set(id, (counts.get(id) ?? 0) + 1);
  const ids = [...counts.keys()].sort((a, b) => a - b);
  // Typed arrays sort numbers natively: 100,000 samples stay a few milliseconds.
  const latencies = new Map(ids.map((id) => [id, { values: new Float64Array(counts.get(id)!), filled: 0 }]));
  samples.method.forEach((id, i) => {
    const own = latencies.get(id)!;
    own.values[own.filled++] = samples.latencyMs[i]!;
  });
  return ids.map((id) => {
    const sorted = latencies.get(id)!.values.sort();
    return { series: samples.methods[id] ?? `method ${id}`, count: sorted.length, p50: nearestRank(sorted, 50), p95: nearestRank(sorted, 95), p99: nearestRank(sorted, 99) };
  });
}

/** The value at percentile `p` of ascending `sorted` (not empty), by nearest rank. */
function nearestRank(sorted: Float64Array, p: number): number {
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

/** "tools/call: 1,204 requests, p50 3.2 ms, p95 8.1 ms, p99 12 ms". */
export function describeFigures({ series, count, p50, p95, p99 }: SeriesFigures): string {
  return `${series}: ${count.toLocaleString('en-US')} ${count === 1 ? 'request' : 'requests'}, p50 ${formatLatency(p50)}, p95 ${formatLatency(p95)}, p99 ${formatLatency(p99)}`;
}
