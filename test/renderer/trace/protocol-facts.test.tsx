import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { TraceEntry } from '../../../shared/model/trace';
import { TraceDetail } from '../../../renderer/components/trace/trace-detail';

const base = { connectionId: 'c1', wallTime: 1_750_000_000_000, monoTime: 1 };

function show(entry: TraceEntry) {
  const onShowSeq = vi.fn();
  render(<TraceDetail entry={entry} pair={undefined} onShowSeq={onShowSeq} copy={vi.fn(async () => true)} />);
  return { onShowSeq, pane: screen.getByTestId('trace-detail') };
}

describe('2026-07-28 facts in the detail pane', () => {
  it('shows the round of a multi-round call with a link to its first request, the result type and cache hints', () => {
    const { pane, onShowSeq } = show({
      ...base, seq: 12, type: 'message', direction: 'incoming', messageKind: 'response', rpcId: 1, requestSeq: 11, size: 10,
      message: { jsonrpc: '2.0', id: 1, result: { resultType: 'complete', ttlMs: 300000, cacheScope: 'public' } },
      resultType: 'complete', cache: { ttlMs: 300000, cacheScope: 'public' }, call: { rootSeq: 4, round: 2 },
    });
    const facts = within(pane).getByTestId('protocol-facts');
    expect(facts).toHaveTextContent('Round 2 of the call started by request #4');
    expect(facts).toHaveTextContent('Result typecomplete');
    expect(facts).toHaveTextContent('fresh for 300000 ms, public');
    fireEvent.click(within(facts).getByRole('button', { name: 'request #4' }));
    expect(onShowSeq).toHaveBeenCalledWith(4);
  });

  it('says what a task result (tasks extension) means', () => {
    const { pane } = show({
      ...base, seq: 14, type: 'message', direction: 'incoming', messageKind: 'response', rpcId: 2, requestSeq: 13, size: 10,
      message: { jsonrpc: '2.0', id: 2, result: { resultType: 'task', taskId: 't1', status: 'working' } },
      resultType: 'task',
    });
    expect(within(pane).getByTestId('protocol-facts')).toHaveTextContent('Result typetask (the server made a task of the call: its status and result come from tasks/get');
  });

  it('shows the request envelope and the capture\'s warnings', () => {
    const { pane } = show({
      ...base, seq: 3, type: 'message', direction: 'outgoing', messageKind: 'request', rpcId: 0, method: 'tools/call', size: 10, message: {},
      envelope: { protocolVersion: '2026-07-28', clientInfo: { name: 'mcp-periscope', version: '0.1.0' }, logLevel: 'debug' },
      warnings: ['This result has no resultType'],
    });
    expect(within(pane).getByTestId('protocol-facts')).toHaveTextContent('Protocol version2026-07-28');
    expect(within(pane).getByTestId('protocol-facts')).toHaveTextContent('Log leveldebug');
    expect(within(pane).getByRole('list', { name: 'Protocol warnings' })).toHaveTextContent('This result has no resultType');
  });

  it('writes an envelope value that is JSON with spaces between its fields, so a narrow pane wraps it between them', () => {
    const { pane } = show({
      ...base, seq: 3, type: 'message', direction: 'outgoing', messageKind: 'request', rpcId: 0, method: 'tools/call', size: 10, message: {},
      envelope: { clientInfo: { name: 'MCP Periscope', version: '0.1.0', title: 'two\nlines' }, clientCapabilities: { elicitation: { form: {} }, roots: { listChanged: true } } },
    });
    const facts = within(pane).getByTestId('protocol-facts');
    expect(within(facts).getByText('{ "name": "MCP Periscope", "version": "0.1.0", "title": "two\\nlines" }')).toBeInTheDocument();
    expect(within(facts).getByText('{ "elicitation": { "form": {} }, "roots": { "listChanged": true } }')).toBeInTheDocument();
  });

  it('shows a listen acknowledgement with what was asked for and not honoured', () => {
    const { pane } = show({
      ...base, seq: 9, type: 'message', direction: 'incoming', messageKind: 'notification', method: 'notifications/subscriptions/acknowledged', size: 10, message: {},
      listen: { requestSeq: 8, requested: { toolsListChanged: true, promptsListChanged: true }, acknowledged: { toolsListChanged: true }, notHonored: ['promptsListChanged'] },
    });
    const facts = within(pane).getByTestId('protocol-facts');
    expect(facts).toHaveTextContent('opened by request #8');
    expect(facts).toHaveTextContent('Not honouredpromptsListChanged');
  });

  it('says who answered a server\'s question and in which era', () => {
    const { pane } = show({
      ...base, seq: 5, type: 'client-input', method: 'elicitation/create', era: 'modern', answeredBy: 'option', source: 'the --elicitation accept-defaults option',
      outcome: 'accept', request: { message: 'Who are you?' }, answer: { action: 'accept', content: { name: 'Ada' } },
    });
    expect(pane).toHaveTextContent('elicitation/create: accept. Answered by a configured option (the --elicitation accept-defaults option), inside a 2026-07-28 input_required round.');
    expect(pane).toHaveTextContent('What the server asked');
    expect(pane).toHaveTextContent('"name": "Ada"');
  });
});
