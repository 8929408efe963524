import { lazy, Suspense, useEffect } from 'react';
import { ErrorNotice } from '../components/error-notice';
import { ConnectionSetupBars } from '../components/metrics/connection-setup-bars';
import { MetricsTable } from '../components/metrics/metrics-table';
import { useConnectionSetup } from '../components/metrics/use-connection-setup';
import { loadMetrics } from '../bridge/metrics-actions';
import { useMetricsStore } from '../stores/metrics-store';
import { formatLatency } from '../trace/entry-fields';
import { LatencyTimelineSection } from './latency-timeline-section';
import { LoadRunPanel } from './load-run-panel';
import { countNoun } from '../../shared/text/count-noun';

// The chart library loads with the first chart.
const LatencyChart = lazy(() => import('../components/metrics/latency-chart').then((m) => ({ default: m.LatencyChart })));
const LatencyDistributionChart = lazy(() => import('../components/metrics/latency-chart').then((m) => ({ default: m.LatencyDistributionChart })));

/** How often a live connection's figures are asked for again while the section is shown, in ms. */
export const LIVE_METRICS_INTERVAL_MS = 1000;

/**
 * The Latency section: request analytics per method and per tool, resource or prompt name
 * (count, failures by kind, throughput, HDR percentiles). For a connection, main computes them
 * from the trace bus as traffic flows and the section asks for them again every second while
 * shown; for an opened session file they came with the file (`connectionId` absent). A
 * connection's section ends with its Load run panel (see LoadRunPanel); for a group's connection
 * (`group`), that panel can spread a run over the instances or run it on each. Under the charts,
 * the timeline of the tab's trace (see LatencyTimelineSection); a click on one of its spans
 * selects the entry and calls `onShowInTrace`.
 */
export function LatencyView({
  tabId,
  connectionId,
  live,
  group,
  onShowInTrace,
}: {
  tabId: string;
  connectionId?: string;
  live?: boolean;
  group?: { remoteId: string; size: number };
  onShowInTrace?: () => void;
}) {
  const slot = useMetricsStore((s) => s.slots[tabId]);
  const setup = useConnectionSetup(tabId, connectionId);
  useEffect(() => {
    if (!connectionId) return;
    void loadMetrics(connectionId);
    if (!live) return;
    const timer = setInterval(() => void loadMetrics(connectionId), LIVE_METRICS_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [connectionId, live]);
  if (slot?.error) return <ErrorNotice error={slot.error} title="Could not compute the latency figures" />;
  const snapshot = slot?.snapshot;
  if (!snapshot) return <p className="muted" role="status">Computing the latency figures…</p>;
  const { total } = snapshot;
  const failures = Object.values(total.errors).reduce((sum, n) => sum + n, 0);
  return (
    <section className="latency-view" aria-label="Latency" data-testid="latency-view">
      <p className="latency-summary" data-testid="latency-summary">
        <strong>{total.count.toLocaleString('en-US')}</strong> {total.count === 1 ? 'request' : 'requests'}, {total.answered.toLocaleString('en-US')} answered, {failures.toLocaleString('en-US')} failed
        {snapshot.pending > 0 && <>, {snapshot.pending.toLocaleString('en-US')} waiting</>}
        {snapshot.streams !== undefined && snapshot.streams > 0 && <>, {countNoun(snapshot.streams, 'subscription stream')} open (subscriptions/listen)</>}
        {total.latency && (
          <>
            {' '}
            · p50 {formatLatency(total.latency.p50)} · p99 {formatLatency(total.latency.p99)}
          </>
        )}
        <span className="muted">
          {' '}
          · {connectionId ? (live ? 'live, updated every second' : 'the connection has ended') : 'from the whole session file'}
        </span>
      </p>
      {setup && <ConnectionSetupBars setup={setup} />}
      {slot.samples && slot.samples.at.length > 0 && (
        <Suspense fallback={<p className="muted" role="status">Loading the chart…</p>}>
          <LatencyChart samples={slot.samples} label="Latency over time" />
          <LatencyDistributionChart samples={slot.samples} />
        </Suspense>
      )}
      <LatencyTimelineSection tabId={tabId} live={live === true} onShowInTrace={onShowInTrace} />
      {snapshot.rows.length === 0 ? (
        <p className="muted">No requests yet: call a tool, read a resource or get a prompt, and its figures appear here.</p>
      ) : (
        <MetricsTable rows={snapshot.rows} label="Latency per method and name" />
      )}
      <p className="muted field-help">
        Round trip as captured: from the request leaving Periscope to its answer arriving. Percentiles from an HDR histogram (within 0.1 %). Each round of a 2026-07-28 multi-round call counts as a
        request.
      </p>
      {connectionId && <LoadRunPanel connectionId={connectionId} live={live === true} {...(group ? { group } : {})} />}
    </section>
  );
}
