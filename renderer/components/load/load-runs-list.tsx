import type { LoadRunRecord } from '../../stores/load-runs-store';
import { describeRun } from '../../workbench/load-form';
import { SidewaysScroll } from '../sideways-scroll';
import { timeOfDayLabel } from '../../workbench/chart-time-labels';

interface LoadRunsListProps {
  runs: LoadRunRecord[];
  shown?: string;
  compared: string[];
  onShow(runId: string): void;
  onToggleCompare(runId: string): void;
}

const STATUS: Record<LoadRunRecord['status'], string> = { running: 'running', done: 'done', cancelled: 'cancelled', failed: 'failed' };

/**
 * The load runs of this connection's session, newest first: each with its plan, when it started
 * and how it ended. "Show" puts its result below; ticking two runs compares them side by side.
 * In a narrow pane the table scrolls sideways, and says so (see SidewaysScroll).
 */
export function LoadRunsList({ runs, shown, compared, onShow, onToggleCompare }: LoadRunsListProps) {
  return (
    <SidewaysScroll label="Past load runs" testId="load-runs">
      <table className="metrics-table load-runs" data-testid="load-runs">
        <thead>
          <tr>
            <th scope="col">Compare</th>
            <th scope="col">Run</th>
            <th scope="col">Started</th>
            <th scope="col">Request and plan</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {[...runs].reverse().map((run) => {
            const ended = run.status !== 'running';
            const picked = compared.includes(run.runId);
            return (
              <tr key={run.runId} data-testid="load-run-row" data-status={run.status} aria-current={run.runId === shown ? 'true' : undefined}>
                <td>
                  <label className="load-compare-pick">
                    <input type="checkbox" checked={picked} disabled={!ended || run.status === 'failed' || (!picked && compared.length >= 2)} onChange={() => onToggleCompare(run.runId)} />
                    <span className="visually-hidden">Compare run {run.number}</span>
                  </label>
                </td>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => onShow(run.runId)} title="Show this run's result">
                    Run {run.number}
                    {run.runId === shown && <span className="visually-hidden"> (shown)</span>}
                  </button>
                </th>
                <td>{timeOfDayLabel(run.startedAt)}</td>
                <td className="load-run-plan">{describeRun(run.request, run.plan)}</td>
                <td className="load-run-outcome">
                  {STATUS[run.status]}
                  {run.result && ` · ${run.result.count.toLocaleString('en-US')} req${failedNote(run.result.count, run.result.ok)} · ${run.result.throughputPerS.toFixed(1)}/s`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </SidewaysScroll>
  );
}

/** ", 3 failed" or ", all failed" after the count, so a run whose requests failed does not read as a plain "done". */
function failedNote(count: number, ok: number): string {
  if (count === ok) return '';
  return ok === 0 ? ', all failed' : `, ${(count - ok).toLocaleString('en-US')} failed`;
}
