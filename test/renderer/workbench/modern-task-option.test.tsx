import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ConnectionInfo } from '../../../shared/model/connection';
import type { ToolCallOutcome } from '../../../shared/ipc/contract';
import { openToolsSection, setUpToolsSectionTests } from '../support/open-tools-section';

/**
 * "Run as task" on a 2026-07-28 connection: offered when the server declares the tasks extension
 * (SEP-2663) in its capabilities, and then the call goes out with asTask; not offered otherwise.
 */
setUpToolsSectionTests();

const TOOLS = [{ name: 'slow_report', description: 'Builds a report.', inputSchema: { type: 'object', properties: {} } }];
const modern = (capabilities: Record<string, unknown>): ConnectionInfo => ({
  connectionId: 'c1',
  label: 'Tasks server',
  state: 'connected',
  transport: 'streamable',
  url: 'http://127.0.0.1:4100/mcp',
  warnings: [],
  era: 'modern',
  capabilities,
});

async function openTools(info: ConnectionInfo) {
  const call = (): ToolCallOutcome => ({ result: { content: [{ type: 'text', text: 'ready' }] }, elapsedMs: 5, task: { taskId: 't1', status: 'completed', history: [{ taskId: 't1', status: 'completed', at: 1 }] } });
  const opened = await openToolsSection({ info, tools: TOOLS, handlers: { 'connections:call-tool': call } });
  return opened.fake;
}

describe('Run as task in the 2026-07-28 era', () => {
  it('is offered when the server declares the tasks extension, and the call asks for a task', async () => {
    const fake = await openTools(modern({ tools: {}, extensions: { 'io.modelcontextprotocol/tasks': {} } }));
    const box = screen.getByRole('checkbox', { name: 'Run as task' });
    expect(box).toHaveAccessibleDescription(/declares the tasks extension \(SEP-2663\)/);
    fireEvent.click(box);
    fireEvent.click(screen.getByTestId('call-tool'));
    await waitFor(() => expect(fake.calls('connections:call-tool')).toEqual([expect.objectContaining({ name: 'slow_report', asTask: true })]));
  });

  it('is not offered when the server does not declare the extension', async () => {
    await openTools(modern({ tools: {}, tasks: { requests: { tools: { call: {} } } } }));
    expect(screen.queryByTestId('run-as-task')).toBeNull();
  });
});
