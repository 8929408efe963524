import type { LoadRunRecord } from '../../stores/load-runs-store';
import { countNoun } from '../../../shared/text/count-noun';

/**
 * A running load run's progress bar (role=progressbar, with its values for assistive tech): by
 * requests done of those planned, or by seconds elapsed of the duration planned.
 */
export function LoadProgressBar({ run }: { run: LoadRunRecord }) {
  const { done, failed, elapsedMs } = run.progress;
  const byCount = run.plan.count !== undefined;
  // A run on each of a group's instances runs the whole plan once per instance.
  const times = run.spread === 'each' ? (run.instanceCount ?? 1) : 1;
  const max = (byCount ? run.plan.count! : (run.plan.durationMs ?? 0) / 1000) * times;
  const now = Math.min(max, byCount ? done : Math.floor(elapsedMs / 100) / 10);
  const seconds = (elapsedMs / 1000).toFixed(1);
  const words = byCount
    ? `${done.toLocaleString('en-US')} of ${countNoun(max, 'request')}, ${failed.toLocaleString('en-US')} failed, ${seconds} s`
    : `${seconds} of ${max.toLocaleString('en-US')} s, ${countNoun(done, 'request')}, ${failed.toLocaleString('en-US')} failed`;
  const percent = max > 0 ? (now / max) * 100 : 0;
  return (
    <div className="load-progress">
      <div
        className="load-progress-track"
        role="progressbar"
        aria-label={`Run ${run.number} progress`}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={now}
        aria-valuetext={words}
        data-testid="load-progress"
      >
        <div className="load-progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="load-progress-words" aria-live="off">
        {words}
        {run.cancelling && <span className="muted"> · stopping, waiting for the requests in flight…</span>}
      </p>
    </div>
  );
}
