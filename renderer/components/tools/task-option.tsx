import type { TaskSupport } from '../../../shared/model/task';

interface TaskOptionProps {
  toolName: string;
  /** The tool's execution.taskSupport, and whether the server runs tools as tasks at all. */
  support: TaskSupport;
  serverOffers: boolean;
  era?: 'legacy' | 'modern';
  checked: boolean;
  onChange(checked: boolean): void;
}

/**
 * "Run as task" for a tool that supports it (see toolTaskSupport): in the 2025 era, MCP
 * 2025-11-25 tasks (the server's tasks.requests.tools.call and the tool's execution.taskSupport);
 * in the 2026-07-28 era, the tasks extension (SEP-2663) the server declares, where the server
 * decides per call whether to make a task. A tool whose taskSupport is 'required' always runs as
 * a task. Nothing is shown for other tools.
 */
export function TaskOption({ toolName, support, serverOffers, era, checked, onChange }: TaskOptionProps) {
  if (!serverOffers || support === 'forbidden') return null;
  const required = support === 'required';
  return (
    <div className="task-option" data-testid="task-option">
      <label className="check">
        <input type="checkbox" checked={required || checked} disabled={required} onChange={(e) => onChange(e.target.checked)} aria-describedby="task-option-help" data-testid="run-as-task" />
        Run as task
      </label>
      <span id="task-option-help" className="muted">
        {required
          ? `${toolName} runs only as a task: its status is polled with tasks/get until it ends.`
          : era === 'modern'
            ? 'The call declares the tasks extension (SEP-2663); if the server answers with a task, its status is polled with tasks/get, and Cancel sends tasks/cancel. It may answer at once instead.'
            : 'The server answers with a task at once; its status is polled with tasks/get, and Cancel sends tasks/cancel.'}
      </span>
    </div>
  );
}
