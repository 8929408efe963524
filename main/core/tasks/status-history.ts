import type { TaskStatusUpdate } from '../../../shared/model/task';

/** The most status changes one run keeps (a server that flips forever cannot grow it without end). */
export const TASK_HISTORY_CAP = 500;

/**
 * A task's status history as one run sees it: `seen` records an update only when the status or
 * its message changed (polling repeats the same answer), reports it to `onStatus`, and keeps at
 * most TASK_HISTORY_CAP entries (the first, then the latest). Shared by both eras' runners.
 */
export function statusHistory(onStatus?: (update: TaskStatusUpdate) => void) {
  const history: TaskStatusUpdate[] = [];
  return {
    history,
    seen(update: TaskStatusUpdate): TaskStatusUpdate {
      const last = history.at(-1);
      if (!last || last.status !== update.status || last.statusMessage !== update.statusMessage) {
        if (history.length >= TASK_HISTORY_CAP) history.splice(1, 1);
        history.push(update);
        onStatus?.(update);
      }
      return update;
    },
  };
}
