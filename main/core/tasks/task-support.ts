import { TASKS_EXTENSION, toolTaskSupport } from '../../../shared/model/task';
import { PeriscopeError } from '../diagnostics/periscope-error';

export { toolTaskSupport };

/**
 * Why a tool cannot run as a task here, as an `invalid-input` error; undefined when it can. The
 * rules of each era are toolTaskSupport's: MCP 2025-11-25's `tasks` capability and the tool's
 * `execution.taskSupport`, or the 2026-07-28 tasks extension (SEP-2663) in the server's capabilities.
 */
export function taskRefusal(
  name: string,
  capabilities: Record<string, unknown> | undefined,
  tool: { execution?: { taskSupport?: string } } | undefined,
  era?: 'legacy' | 'modern',
): PeriscopeError | undefined {
  const { support, serverOffers } = toolTaskSupport(capabilities, tool, era);
  if (!serverOffers) {
    return new PeriscopeError(
      era === 'modern'
        ? {
            kind: 'invalid-input',
            message: `This server does not run tools as tasks (its server/discover capabilities have no extensions["${TASKS_EXTENSION}"], the 2026-07-28 tasks extension, SEP-2663).`,
            hint: 'Call the tool as a plain call, not as a task; or, if the server also speaks 2025 with tasks, connect in the 2025 protocol era (legacy).',
          }
        : {
            kind: 'invalid-input',
            message: 'This server does not run tools as tasks (its capabilities have no tasks.requests.tools.call).',
            hint: 'Call the tool as a plain call, not as a task.',
          },
    );
  }
  if (support === 'forbidden') {
    return new PeriscopeError({
      kind: 'invalid-input',
      message:
        era === 'modern'
          ? `The tool ${name} does not run as a task (its execution.taskSupport is "forbidden").`
          : `The tool ${name} does not run as a task (its execution.taskSupport is "forbidden" or absent).`,
      hint: 'Call it as a plain call, not as a task.',
    });
  }
  return undefined;
}
