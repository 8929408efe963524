import type { TaskStatusUpdate } from '../../../shared/model/task';
import { timeOfDayLabel } from '../../workbench/chart-time-labels';

/** A task's latest status as one line: "Task 1a2b…: working, step 2 of 3 (the server suggests polling every 100 ms)". */
export function TaskStatusLine({ update }: { update: TaskStatusUpdate }) {
  return (
    <span className={`task-status task-${update.status}`} data-testid="task-status" data-status={update.status}>
      Task <code title={update.taskId}>{shortId(update.taskId)}</code>: <strong>{update.status.replace('_', ' ')}</strong>
      {update.statusMessage && `, ${update.statusMessage}`}
      {update.pollInterval !== undefined && <span className="muted"> (the server suggests polling every {update.pollInterval} ms)</span>}
    </span>
  );
}

/** Every status the task was seen in, with the time each was seen. */
export function TaskHistory({ history }: { history: readonly TaskStatusUpdate[] }) {
  return (
    <details className="task-history" data-testid="task-history">
      <summary>Task status history ({history.length})</summary>
      <ol>
        {history.map((h, i) => (
          <li key={i}>
            <time dateTime={new Date(h.at).toISOString()}>{timeOfDayLabel(h.at)}</time> {h.status.replace('_', ' ')}
            {h.statusMessage && `, ${h.statusMessage}`}
          </li>
        ))}
      </ol>
    </details>
  );
}

function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}
