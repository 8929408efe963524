import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { TaskOption } from '../../../renderer/components/tools/task-option';
import { TaskHistory, TaskStatusLine } from '../../../renderer/components/tools/task-status';
import { cliCallCommand } from '../../../renderer/workbench/cli-command';
import { requestOrigin } from '../../../renderer/components/server-requests/request-heading';

describe('Run as task', () => {
  it('is offered for an optional task tool on a server with tasks, and toggles', () => {
    const onChange = vi.fn();
    render(<TaskOption toolName="slow_report" support="optional" serverOffers era="legacy" checked={false} onChange={onChange} />);
    const box = screen.getByRole('checkbox', { name: 'Run as task' });
    expect(box).toHaveAccessibleDescription(/polled with tasks\/get, and Cancel sends tasks\/cancel/);
    fireEvent.click(box);
    expect(onChange).toHaveBeenCalledWith(true);
  });

  it('is checked and fixed for a tool that requires it; absent where tasks are not offered', () => {
    const { rerender, container } = render(<TaskOption toolName="build" support="required" serverOffers era="legacy" checked={false} onChange={() => undefined} />);
    expect(screen.getByRole('checkbox', { name: 'Run as task' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Run as task' })).toBeDisabled();
    rerender(<TaskOption toolName="echo" support="forbidden" serverOffers era="legacy" checked={false} onChange={() => undefined} />);
    expect(container).toBeEmptyDOMElement();
    rerender(<TaskOption toolName="build" support="optional" serverOffers={false} era="legacy" checked={false} onChange={() => undefined} />);
    expect(container).toBeEmptyDOMElement();
    rerender(<TaskOption toolName="build" support="optional" serverOffers={false} era="modern" checked={false} onChange={() => undefined} />);
    expect(container).toBeEmptyDOMElement();
    // 2026-07-28: offered where the server declares the tasks extension; the server decides per call.
    rerender(<TaskOption toolName="build" support="optional" serverOffers era="modern" checked={false} onChange={() => undefined} />);
    expect(screen.getByRole('checkbox', { name: 'Run as task' })).toHaveAccessibleDescription(/It may answer at once instead/);
  });

  it('shows the status line and the history', () => {
    const history = [
      { taskId: '0123456789abcdef', status: 'working' as const, pollInterval: 50, at: 1 },
      { taskId: '0123456789abcdef', status: 'input_required' as const, statusMessage: 'needs a name', at: 2 },
    ];
    render(
      <>
        <TaskStatusLine update={history[1]} />
        <TaskHistory history={history} />
      </>,
    );
    expect(screen.getByTestId('task-status')).toHaveTextContent('Task 01234567…: input required, needs a name');
    expect(screen.getByTestId('task-history')).toHaveTextContent('Task status history (2)');
  });

  it('copies as a CLI command with --task', () => {
    expect(cliCallCommand({ remote: undefined, url: 'http://127.0.0.1:1/mcp', tool: 'slow_report', argumentsText: '{"steps":3}', asTask: true })).toBe(`periscope call http://127.0.0.1:1/mcp slow_report --args '{"steps":3}' --task`);
  });
});

describe('a question asked by a 2026-07-28 task', () => {
  it('says which task of which call asked', () => {
    const round = { rootSeq: 3, round: 1, method: 'tools/call', name: 'ask_name', key: 'name-1', taskId: '786512e2-9e0d-44bd-8f29-789f320fe840' };
    expect(requestOrigin({ era: 'modern', round })).toBe('Inside your tools/call ask_name task 786512e2…, question 1 (2026-07-28 tasks extension)');
    expect(requestOrigin({ era: 'modern', round: { ...round, taskId: undefined } })).toBe('Inside your tools/call ask_name call, round 1 (2026-07-28 input_required)');
  });
});
