import { mergeSamples, useMetricsStore } from '../stores/metrics-store';
import { periscope } from './api';

/**
 * Asks main for a connection's analytics (computed there from the trace bus as traffic flows)
 * and the answered requests the charts have not seen yet.
 */
export async function loadMetrics(connectionId: string): Promise<void> {
  const since = useMetricsStore.getState().slots[connectionId]?.samples?.next;
  const [metrics, samples] = await Promise.all([periscope().connections.metrics(connectionId), periscope().connections.latencySamples(connectionId, since)]);
  const store = useMetricsStore.getState();
  if (!metrics.ok) return store.patch(connectionId, { error: metrics.error, at: Date.now() });
  const held = store.slots[connectionId]?.samples;
  store.patch(connectionId, {
    snapshot: metrics.value,
    at: Date.now(),
    error: undefined,
    ...(samples.ok ? { samples: mergeSamples(held, samples.value) } : {}),
  });
}
