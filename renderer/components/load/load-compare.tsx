import { lazy, Suspense, useMemo } from 'react';
import { compareLoadRuns, type FigureChange } from '../../../shared/load/load-compare';
import type { LoadRunRecord } from '../../stores/load-runs-store';
import { asLatencySamples } from '../../workbench/load-samples';
import { runColours, runSeriesName } from '../../workbench/run-colours';
import { SidewaysScroll } from '../sideways-scroll';

const LatencyDistributionChart = lazy(() => import('../metrics/latency-chart').then((m) => ({ default: m.LatencyDistributionChart })));

const value = (c: FigureChange, v: number) => (c.unit === 'ms' ? `${v.toFixed(v < 10 ? 2 : 1)} ms` : c.unit === 'requests/s' ? `${v.toFixed(1)}/s` : v.toLocaleString('en-US'));

/** "+12.5 %", or "—" when the earlier figure was 0. Whether it is better depends on the figure: words, not colours, say nothing more. */
const change = (c: FigureChange) => (c.change === null ? '—' : `${c.change >= 0 ? '+' : '−'}${Math.abs(c.change * 100).toFixed(1)} %`);

/**
 * Two ended runs side by side: each figure (throughput, p50 … max, failures) of the earlier and
 * the later run with the change (the same figures as `periscope load --compare`), and both
 * latency distributions as percentile curves in one chart, each run in its colour of its own chart.
 */
export function LoadCompareView({ before, after }: { before: LoadRunRecord; after: LoadRunRecord }) {
  const changes = useMemo(() => (before.result && after.result ? compareLoadRuns(before.result, after.result) : []), [before.result, after.result]);
  const samples = useMemo(
    () =>
      asLatencySamples([
        { name: runSeriesName(before.number), samples: before.samples ?? { at: [], latencyMs: [] } },
        { name: runSeriesName(after.number), samples: after.samples ?? { at: [], latencyMs: [] } },
      ]),
    [before, after],
  );
  const colourOf = useMemo(() => runColours([before.number, after.number]), [before.number, after.number]);
  return (
    <section className="load-compare" aria-label={`Run ${before.number} compared with run ${after.number}`} data-testid="load-compare">
      <h4>
        Run {before.number} compared with run {after.number}
      </h4>
      <SidewaysScroll label="Figures of both runs" testId="load-compare">
        <table className="metrics-table" data-testid="load-compare-table">
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col">Run {before.number}</th>
              <th scope="col">Run {after.number}</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.figure} data-figure={c.figure}>
                <th scope="row">{c.figure}</th>
                <td>{value(c, c.before)}</td>
                <td>{value(c, c.now)}</td>
                <td>{change(c)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </SidewaysScroll>
      {samples.at.length > 0 && (
        <Suspense fallback={<p className="muted" role="status">Loading the chart…</p>}>
          <LatencyDistributionChart samples={samples} label="Both distributions" what="run" testId="load-compare-chart" colourOf={colourOf} />
        </Suspense>
      )}
    </section>
  );
}
