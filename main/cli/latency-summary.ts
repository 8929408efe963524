import type { TraceEntry } from '../../shared/model';
import { RequestMetrics } from '../core/metrics/request-metrics';

export interface MethodLatency {
  method: string;
  count: number;
  p50: number;
  p95: number;
  max: number;
}

/**
 * Latency per JSON-RPC method from a trace, through the same analytics the app shows
 * (RequestMetrics: HDR histograms, 3 significant digits): every answered request of each method.
 */
export function summarizeLatency(entries: TraceEntry[]): MethodLatency[] {
  const metrics = new RequestMetrics();
  for (const entry of entries) metrics.ingest(entry);
  return metrics
    .snapshot()
    .rows.filter((row) => row.name === undefined && row.latency)
    .map((row) => ({ method: row.method, count: row.answered, p50: row.latency!.p50, p95: row.latency!.p95, max: row.latency!.max }));
}

export function formatLatencyTable(rows: MethodLatency[]): string[] {
  if (rows.length === 0) return ['(no answered requests)'];
  const width = Math.max(6, ...rows.map((r) => r.method.length));
  const ms = (n: number) => n.toFixed(2).padStart(9);
  const header = `${'method'.padEnd(width)}  ${'count'.padStart(5)}  ${'p50 ms'.padStart(9)}  ${'p95 ms'.padStart(9)}  ${'max ms'.padStart(9)}`;
  return [header, ...rows.map((r) => `${r.method.padEnd(width)}  ${String(r.count).padStart(5)}  ${ms(r.p50)}  ${ms(r.p95)}  ${ms(r.max)}`)];
}
