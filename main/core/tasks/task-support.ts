import { toolTaskSupport } from '../../../shared/model/task';
import { PeriscopeError } from '../diagnostics/periscope-error';

export { toolTaskSupport };

/** Why a tool cannot run as a task here, as an error; undefined when it can. */
export function taskRefusal(name: string, capabilities: Record<string, unknown> | undefined, tool: { execution?: { taskSupport?: string } } | undefined): PeriscopeError | undefined {
  const { support, serverOffers } = toolTaskSupport(capabilities, tool);
  if (!serverOffers) {
    return new PeriscopeError({
      kind: 'invalid-input',
      message: 'This server does not run tools as tasks (its capabilities have no tasks.requests.tools.call).',
      hint: 'Call the tool as a plain call, not as a task.',
    });
  }
  if (support === 'forbidden') {
    return new PeriscopeError({
      kind: 'invalid-input',
      message: `The tool ${name} does not run as a task (its execution.taskSupport is "forbidden" or absent).`,
      hint: 'Call it as a plain call, not as a task.',
    });
  }
  return undefined;
}

export function tasksUnavailable(): PeriscopeError {
  return new PeriscopeError({
    kind: 'protocol-version',
    message: 'Tasks in the 2026-07-28 era are an extension (SEP-2663, tasks/get and tasks/cancel re-defined) that Periscope does not speak yet; it runs tasks as MCP 2025-11-25 defines them.',
    hint: 'If the server also speaks 2025, connect in the 2025 protocol era (legacy) to run it as a task, or call it as a plain call.',
  });
}
