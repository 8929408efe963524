import { useMetricsStore } from '../stores/metrics-store';
import { periscope } from './api';

/** Asks main for a connection's analytics (computed there from the trace bus as traffic flows). */
export async function loadMetrics(connectionId: string): Promise<void> {
  const result = await periscope().connections.metrics(connectionId);
  useMetricsStore.getState().set(connectionId, result.ok ? { snapshot: result.value, at: Date.now() } : { error: result.error, at: Date.now() });
}
