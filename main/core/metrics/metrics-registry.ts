import type { LatencySamples, MetricsSnapshot } from '../../../shared/model/metrics';
import type { TraceEntry } from '../../../shared/model/trace';
import { RequestMetrics } from './request-metrics';
import { keepNewest } from '../../../shared/collections/keep-newest';

/** Connections whose analytics are kept; the one with the oldest traffic gives way past this. */
export const METRICS_CONNECTIONS_KEPT = 64;

/** What a connection that has sent nothing (or was forgotten) shows: built once, not per question. */
const NOTHING_YET = new RequestMetrics();

/**
 * The live analytics of every connection, fed from the trace bus (every entry of every
 * connection, as it is emitted: no polling). Bounded: METRICS_CONNECTIONS_KEPT connections, the
 * least recently active forgotten first.
 */
export class MetricsRegistry {
  private readonly byConnection = new Map<string, RequestMetrics>();

  constructor(private readonly keep = METRICS_CONNECTIONS_KEPT) {}

  ingest(entry: TraceEntry): void {
    let metrics = this.byConnection.get(entry.connectionId);
    if (metrics) {
      // Most recently active last: Map order is the eviction order.
      this.byConnection.delete(entry.connectionId);
    } else {
      metrics = new RequestMetrics();
    }
    this.byConnection.set(entry.connectionId, metrics);
    metrics.ingest(entry);
    keepNewest(this.byConnection, this.keep);
  }

  /** The connection's answered requests from sequence number `since` on, for the charts. */
  samples(connectionId: string, since?: number): LatencySamples {
    return (this.byConnection.get(connectionId) ?? NOTHING_YET).samples.since(since);
  }

  /** The connection's figures; empty when it has sent nothing (or was forgotten). */
  snapshot(connectionId: string): MetricsSnapshot {
    return (this.byConnection.get(connectionId) ?? NOTHING_YET).snapshot();
  }
}
