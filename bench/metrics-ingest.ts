import { RequestMetrics } from '../main/core/metrics/request-metrics';
import { makeTraceEntries } from './trace-entries';

const ENTRIES = 200_000;

/**
 * Captured entries through the analytics: a realistic trace (tools/call over 97 tool names, their
 * answers with latencies, JSON-RPC errors, progress notifications and HTTP exchanges) fed to
 * RequestMetrics as the trace bus would, then one snapshot. The entries are made beforehand, so
 * the figure is the analytics' own cost on top of capture. Target: at least 100,000 entries/s.
 */
export async function benchMetricsIngest(): Promise<Record<string, number>> {
  const entries = makeTraceEntries(ENTRIES);
  // Warm-up: the JIT sees every path before the measured run.
  const warm = new RequestMetrics();
  for (const entry of entries.slice(0, 20_000)) warm.ingest(entry);
  warm.snapshot();

  const metrics = new RequestMetrics();
  const started = performance.now();
  for (const entry of entries) metrics.ingest(entry);
  const snapshot = metrics.snapshot();
  const seconds = (performance.now() - started) / 1000;
  if (snapshot.total.answered === 0 || snapshot.rows.length < 90) throw new Error('metrics-ingest: the analytics saw no answered tools/call');
  return { 'metrics-ingest-msgs-per-s': ENTRIES / seconds };
}
