import { lazy, Suspense, useEffect, useMemo, useRef, type RefObject } from 'react';
import { ErrorNotice } from '../components/error-notice';
import { LoadCompareView } from '../components/load/load-compare';
import { LoadFormView } from '../components/load/load-form';
import { LoadProgressBar } from '../components/load/load-progress';
import { LoadResultView } from '../components/load/load-result';
import { LoadRunsList } from '../components/load/load-runs-list';
import { InstanceFiguresTable } from '../components/load/instance-figures';
import { cancelLoadRun, exportLoadRunAsArtillery, startLoadRun } from '../bridge/load-actions';
import { loadTools } from '../bridge/tool-actions';
import { emptyLoadSlot, useLoadRunsStore, type LoadRunRecord } from '../stores/load-runs-store';
import { useToolsStore } from '../stores/tools-store';
import { asLatencySamples } from '../workbench/load-samples';
import { describeRun } from '../workbench/load-form';
import { runColours, runSeriesName } from '../workbench/run-colours';

// The chart library loads with the first chart.
const LatencyChart = lazy(() => import('../components/metrics/latency-chart').then((m) => ({ default: m.LatencyChart })));

/**
 * The Latency section's "Load run" panel: plan a run (what to send, how many, how fast), start it
 * in main on this connection, follow it (progress bar, live latency chart), cancel it, read its
 * result, and compare two runs of this session. Runs live as long as the tab (renderer only).
 * For a group's connection (`group`), a choice: spread the run round-robin over the
 * instances or run it on each in turn; the result then lists each instance's figures.
 */
export function LoadRunPanel({ connectionId, live, group }: { connectionId: string; live: boolean; group?: { remoteId: string; size: number } }) {
  const slot = useLoadRunsStore((s) => s.slots[connectionId]) ?? emptyLoadSlot();
  const patch = useLoadRunsStore((s) => s.patch);
  const tools = useToolsStore((s) => s.slots[connectionId]?.tools);
  const toolsListed = useToolsStore((s) => s.slots[connectionId] !== undefined);
  useEffect(() => {
    if (live && !toolsListed) void loadTools(connectionId);
  }, [connectionId, live, toolsListed]);
  const running = slot.runs.find((r) => r.status === 'running');
  const shown = slot.runs.find((r) => r.runId === slot.shown) ?? slot.runs.at(-1);
  const compared = slot.compared.map((id) => slot.runs.find((r) => r.runId === id)).filter((r): r is LoadRunRecord => r !== undefined).sort((a, b) => a.number - b.number);
  const idPrefix = `load-${connectionId}`;
  const section = useRef<HTMLElement>(null);
  useFocusFollowsRun(section, running?.runId);
  return (
    <section ref={section} className="load-panel" aria-labelledby={`${idPrefix}-title`} data-testid="load-panel">
      <h3 id={`${idPrefix}-title`}>Load run</h3>
      <p className="muted field-help">Send one request many times from Periscope and measure it. Every request is traced and counted in the figures above as well.</p>
      {slot.startError && <ErrorNotice error={slot.startError} title="The load run did not start" />}
      <LoadFormView
        idPrefix={idPrefix}
        form={slot.form}
        errors={slot.errors}
        tools={(tools ?? []).map((t) => t.name)}
        running={running !== undefined}
        canStart={live}
        onChange={(change) => patch(connectionId, { form: { ...slot.form, ...change }, errors: withoutFields(slot.errors, Object.keys(change)) })}
        onStart={() => void startLoadRun(connectionId, group)}
      />
      {group && (
        <fieldset className="load-spread" data-testid="load-spread">
          <legend>Instances of this group</legend>
          {SPREADS.map(([value, label]) => (
            <label key={value} className="load-kind">
              <input type="radio" name={`${idPrefix}-spread`} value={value} checked={slot.spread === value} onChange={() => patch(connectionId, { spread: value })} disabled={running !== undefined} />
              {label}
            </label>
          ))}
        </fieldset>
      )}
      {running && <RunningLoad run={running} onCancel={() => void cancelLoadRun(connectionId, running.runId)} />}
      {shown && shown.status !== 'running' && <EndedLoad run={shown} onExport={() => void exportLoadRunAsArtillery(connectionId, shown)} />}
      {slot.runs.length > 0 && (
        <>
          <h4>Runs of this session</h4>
          <LoadRunsList
            runs={slot.runs}
            shown={shown?.runId}
            compared={slot.compared}
            onShow={(runId) => patch(connectionId, { shown: runId })}
            onToggleCompare={(runId) => patch(connectionId, { compared: slot.compared.includes(runId) ? slot.compared.filter((id) => id !== runId) : [...slot.compared, runId].slice(-2) })}
          />
          {compared.length === 2 ? <LoadCompareView before={compared[0]!} after={compared[1]!} /> : <p className="muted field-help">Tick two ended runs to compare them side by side.</p>}
        </>
      )}
    </section>
  );
}

const SPREADS = [
  ['round-robin', 'Spread round-robin over the instances (one connection each)'],
  ['each', 'Run the whole plan on each instance in turn'],
] as const;

function RunningLoad({ run, onCancel }: { run: LoadRunRecord; onCancel(): void }) {
  const samples = useMemo(() => asLatencySamples([{ name: runSeriesName(run.number), samples: run.live }]), [run.live, run.number]);
  const colourOf = useMemo(() => runColours([run.number]), [run.number]);
  return (
    <div className="load-running" data-testid="load-running">
      <h4>Run {run.number} running: {describeRun(run.request, run.plan)}</h4>
      <div className="load-running-bar">
        <LoadProgressBar run={run} />
        <button type="button" className="danger" onClick={onCancel} disabled={run.cancelling} data-testid="load-cancel">
          Cancel run
        </button>
      </div>
      {samples.at.length > 0 && (
        <Suspense fallback={<p className="muted" role="status">Loading the chart…</p>}>
          <LatencyChart samples={samples} label={`Run ${run.number} latency over time (live, latest ${samples.at.length.toLocaleString('en-US')})`} testId="load-live-chart" what="run" colourOf={colourOf} />
        </Suspense>
      )}
    </div>
  );
}

function EndedLoad({ run, onExport }: { run: LoadRunRecord; onExport(): void }) {
  const samples = useMemo(() => asLatencySamples([{ name: runSeriesName(run.number), samples: run.samples ?? { at: [], latencyMs: [] } }]), [run.samples, run.number]);
  const colourOf = useMemo(() => runColours([run.number]), [run.number]);
  const title = `Run ${run.number}: ${describeRun(run.request, run.plan)}`;
  if (run.error) return <ErrorNotice error={run.error} title={`Run ${run.number} could not run`} />;
  if (!run.result) return null;
  return (
    <div className="load-ended">
      <LoadResultView result={run.result} title={title} />
      {run.result.spread && run.result.instances && <InstanceFiguresTable spread={run.result.spread} figures={run.result.instances} />}
      {/* A group's run went over connections of its own: the tab's trace does not hold its requests. */}
      {!run.result.spread && <p className="load-export">
        <button type="button" onClick={onExport} data-testid="load-export-artillery" aria-describedby={`load-export-help-${run.runId}`}>
          Export as Artillery scenario…
        </button>{' '}
        <span id={`load-export-help-${run.runId}`} className="muted field-help">
          The same requests as an Artillery test script, to load the server from many machines; secret values become environment variables.
        </span>
      </p>}
      {samples.at.length > 0 && (
        <Suspense fallback={<p className="muted" role="status">Loading the chart…</p>}>
          <LatencyChart samples={samples} label={`Run ${run.number} latency over time`} testId="load-result-chart" what="run" colourOf={colourOf} />
        </Suspense>
      )}
    </div>
  );
}

/**
 * Start is disabled while a run goes, and Cancel run goes away when it ends: either way the browser
 * drops the focus to the page's top. Where the focus was on the control that went (or already
 * fell to the page), it moves to Cancel run when a run starts and back to Start when it ends.
 */
function useFocusFollowsRun(section: RefObject<HTMLElement | null>, runningId: string | undefined): void {
  const before = useRef(runningId);
  useEffect(() => {
    const was = before.current;
    before.current = runningId;
    if (was === runningId || !section.current) return;
    const start = section.current.querySelector<HTMLElement>('[data-testid="load-start"]');
    const cancel = section.current.querySelector<HTMLElement>('[data-testid="load-cancel"]');
    const active = document.activeElement;
    const lost = !active || active === document.body || !active.isConnected;
    if (runningId && (lost || active === start)) cancel?.focus();
    else if (!runningId && (lost || active === cancel)) start?.focus();
  }, [runningId, section]);
}

/** The errors without those of the fields just edited (a fixed field stops saying it is wrong). */
function withoutFields<T extends Record<string, unknown>>(errors: T, fields: string[]): T {
  const kept = { ...errors };
  for (const f of fields) delete kept[f];
  return kept;
}
