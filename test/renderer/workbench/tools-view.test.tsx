import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeFailure, makeRemote, type Handlers } from '../support/fake-periscope';
import { openToolsSection, PLAYGROUND_INFO, setUpToolsSectionTests } from '../support/open-tools-section';
import { makeEntries } from '../support/make-entries';
import type { ToolCallOutcome } from '../../../shared/ipc/contract';

setUpToolsSectionTests();

const info = PLAYGROUND_INFO;

const TOOLS = [
  { name: 'add', title: 'Add', description: 'Adds two numbers.', inputSchema: { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } }, required: ['a', 'b'] }, annotations: { readOnlyHint: true, idempotentHint: true } },
  { name: 'delete_file', description: 'Deletes a file.', inputSchema: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] }, annotations: { destructiveHint: true, openWorldHint: false } },
  {
    name: 'weather',
    inputSchema: { type: 'object', properties: { city: { type: 'string' } } },
    outputSchema: { type: 'object', properties: { temperatureC: { type: 'number' } }, required: ['temperatureC'] },
  },
];

async function openTools(handlers: Handlers = {}) {
  const remote = makeRemote({ headers: [{ name: 'Authorization', value: '', description: '', is_required: true, is_secret: true, has_value: true }] });
  const opened = await openToolsSection({ info, remote, tools: TOOLS, handlers });
  return opened.fake;
}

const outcome = (result: Record<string, unknown>, latencyMs = 4.2): ToolCallOutcome => ({ result, elapsedMs: 6.5, latencyMs });

describe('Tools section', () => {
  it('lists tools with titles and annotation badges, and searches them', async () => {
    await openTools();
    const list = screen.getByTestId('tool-list');
    expect(within(list).getAllByTestId('tool-item').map((b) => b.getAttribute('data-tool'))).toEqual(['add', 'delete_file', 'weather']);
    const add = within(list).getAllByTestId('tool-item')[0];
    expect(add).toHaveTextContent('Add');
    expect(within(add).getAllByTestId('tool-badge').map((b) => b.textContent)).toEqual(['read-only', 'idempotent']);
    expect(within(within(list).getAllByTestId('tool-item')[1]).getAllByTestId('tool-badge').map((b) => b.textContent)).toEqual(['destructive', 'closed world']);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search tools' }), { target: { value: 'deletes' } });
    expect(within(list).getAllByTestId('tool-item').map((b) => b.getAttribute('data-tool'))).toEqual(['delete_file']);
    expect(list).toHaveTextContent('1 of 3 tools');
  });

  it('calls from the form: a bad value is blocked next to its field; a good call shows result, elapsed time and latency', async () => {
    const fake = await openTools({ 'connections:call-tool': () => outcome({ content: [{ type: 'text', text: '5' }] }) });
    fireEvent.change(screen.getByLabelText(/^a/), { target: { value: '2' } });
    fireEvent.click(screen.getByTestId('call-tool'));
    // b is required and empty: nothing is sent, the error sits by the field.
    await waitFor(() => expect(screen.getByTestId('tool-workbench')).toHaveTextContent('A value is required'));
    expect(fake.calls('connections:call-tool')).toEqual([]);
    fireEvent.change(screen.getByLabelText(/^b/), { target: { value: '3' } });
    fireEvent.click(screen.getByTestId('call-tool'));
    const result = await screen.findByTestId('call-result');
    expect(result).toHaveAttribute('data-outcome', 'result');
    expect(within(result).getByTestId('content-text')).toHaveTextContent('5');
    expect(within(result).getByTestId('call-timing')).toHaveTextContent(/elapsed .*ms · round trip 4\.2 ms/);
    expect(fake.calls('connections:call-tool')).toEqual([{ connectionId: 'c1', name: 'add', argumentsJson: '{\n  "a": 2,\n  "b": 3\n}', callId: expect.any(String) }]);
  });

  it('sends JSON mode text as typed (big integers, escapes) and shows schema problems there', async () => {
    const fake = await openTools({ 'connections:call-tool': () => outcome({ content: [] }) });
    fireEvent.click(screen.getByTestId('mode-json'));
    await waitFor(() => expect(screen.getByTestId('json-editor')).toHaveAttribute('data-ready', 'true'));
    const { useToolsStore } = await import('../../../renderer/stores/tools-store');
    act(() => useToolsStore.getState().setDraft('c1', 'add', '{"a": "two", "b": 3}'));
    fireEvent.click(screen.getByTestId('call-tool'));
    expect(await screen.findByTestId('json-problems')).toHaveTextContent('/a must be a number');
    act(() => useToolsStore.getState().setDraft('c1', 'add', '{"a": 7960607143101464577, "b": 1.0}'));
    fireEvent.click(screen.getByTestId('call-tool'));
    await waitFor(() => expect(fake.calls('connections:call-tool')).toHaveLength(1));
    expect(fake.calls('connections:call-tool')[0]).toMatchObject({ argumentsJson: '{"a": 7960607143101464577, "b": 1.0}' });
    // Back in the form, the digits stay in the text.
    fireEvent.click(screen.getByTestId('mode-form'));
    expect(useToolsStore.getState().slots.c1!.drafts.add).toBe('{"a": 7960607143101464577, "b": 1.0}');
  });

  it('shows progress while running, cancels, and tells a cancel, a protocol error and a tool error apart', async () => {
    let cancel!: (failure: FakeFailure) => void;
    const running = new Promise<ToolCallOutcome>((_, reject) => (cancel = reject));
    let answer: () => Promise<ToolCallOutcome> = () => running;
    const fake = await openTools({
      'connections:call-tool': () => answer(),
      'connections:cancel-call': () => {
        cancel(new FakeFailure({ kind: 'cancelled', message: 'The request was cancelled', hint: 'nothing to fix' }));
        return { cancelled: true };
      },
    });
    fireEvent.click(screen.getByRole('button', { name: /delete_file/ }));
    fireEvent.change(await screen.findByLabelText(/^path/), { target: { value: '/tmp/x' } });
    fireEvent.click(screen.getByTestId('call-tool'));
    await screen.findByTestId('call-running');
    const callId = (fake.calls('connections:call-tool')[0] as { callId: string }).callId;
    act(() => fake.emit({ type: 'call-progress', connectionId: 'c1', callId, progress: 2, total: 5, message: 'step 2 of 5' }));
    expect(screen.getByTestId('call-progress-text')).toHaveTextContent('2 of 5 — step 2 of 5');
    fireEvent.click(screen.getByTestId('cancel-call'));
    expect(await screen.findByTestId('call-result')).toHaveAttribute('data-outcome', 'cancelled');
    expect(fake.calls('connections:cancel-call')).toEqual([{ connectionId: 'c1', callId }]);

    answer = async () => {
      throw new FakeFailure({ kind: 'protocol', message: 'The server answered with JSON-RPC error -32602: Invalid params', hint: 'Check the arguments.' });
    };
    fireEvent.click(screen.getByTestId('call-tool'));
    await waitFor(() => expect(screen.getByTestId('call-result')).toHaveAttribute('data-outcome', 'protocol-error'));
    expect(screen.getByTestId('call-result')).toHaveTextContent('Protocol error: the call failed, no result');

    // A timeout (the user's own limit) is said as one, not as the server's protocol error.
    answer = async () => {
      throw new FakeFailure({ kind: 'timeout', message: 'The server did not answer the request after 500 ms', hint: 'raise the timeout' });
    };
    fireEvent.click(screen.getByTestId('call-tool'));
    await waitFor(() => expect(screen.getByTestId('call-result')).toHaveTextContent('Timed out: no answer within the timeout, no result'));
    expect(screen.getByTestId('call-result')).not.toHaveTextContent('Protocol error');

    answer = async () => outcome({ isError: true, content: [{ type: 'text', text: 'no such file' }] });
    fireEvent.click(screen.getByTestId('call-tool'));
    await waitFor(() => expect(screen.getByTestId('call-result')).toHaveAttribute('data-outcome', 'tool-error'));
    expect(screen.getByTestId('call-result')).toHaveTextContent('Tool error: the tool ran and reported a failure (isError)');
  });

  it('checks structuredContent against the outputSchema and shows each violation', async () => {
    await openTools({ 'connections:call-tool': () => outcome({ content: [], structuredContent: { temperatureC: 'warm', extra: 1 } }) });
    fireEvent.click(screen.getByRole('button', { name: /weather/ }));
    fireEvent.click(await screen.findByTestId('call-tool'));
    const violations = await screen.findByTestId('output-violations');
    expect(violations).toHaveTextContent('/temperatureC must be a number');
    expect(screen.getByTestId('structured-json')).toHaveTextContent('"temperatureC": "warm"');
  });

  it('keeps a history: run again, edit and run again, and copy as a CLI command with secrets as placeholders', async () => {
    let n = 0;
    const fake = await openTools({ 'connections:call-tool': () => outcome({ content: [{ type: 'text', text: `answer ${++n}` }] }) });
    const { useToolsStore } = await import('../../../renderer/stores/tools-store');
    act(() => useToolsStore.getState().setDraft('c1', 'add', '{\n  "a": 2,\n  "b": 3\n}'));
    fireEvent.click(screen.getByTestId('call-tool'));
    await screen.findByTestId('history-entry');
    fireEvent.click(screen.getByTestId('history-rerun'));
    await waitFor(() => expect(screen.getAllByTestId('history-entry')).toHaveLength(2));
    expect(screen.getAllByTestId('history-entry')[0]).toHaveTextContent('ok: answer 2');
    expect(fake.calls('connections:call-tool').map((c) => (c as { argumentsJson: string }).argumentsJson)).toEqual(['{\n  "a": 2,\n  "b": 3\n}', '{\n  "a": 2,\n  "b": 3\n}']);

    act(() => useToolsStore.getState().setDraft('c1', 'add', '{"a": 9, "b": 9}'));
    fireEvent.click(screen.getAllByTestId('history-edit')[1]);
    expect(useToolsStore.getState().slots.c1!.drafts.add).toBe('{\n  "a": 2,\n  "b": 3\n}');
    expect((screen.getByLabelText(/^a/) as HTMLInputElement).value).toBe('2');

    let copied = '';
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void (copied = t) } });
    fireEvent.click(screen.getAllByTestId('history-copy-cli')[0]);
    await waitFor(() => expect(copied).toBe(`periscope call http://127.0.0.1:4100/mcp add --args '{"a":2,"b":3}' -H 'Authorization: <secret Authorization>' --transport streamable`));
  });

  it('pins a call: it is listed first, says so, and stays however many calls follow', async () => {
    let n = 0;
    await openTools({ 'connections:call-tool': () => outcome({ content: [{ type: 'text', text: `answer ${++n}` }] }) });
    const { useToolsStore } = await import('../../../renderer/stores/tools-store');
    act(() => useToolsStore.getState().setDraft('c1', 'add', '{"a": 2, "b": 3}'));
    fireEvent.click(screen.getByTestId('call-tool'));
    await screen.findByTestId('history-entry');
    fireEvent.click(screen.getByTestId('history-rerun'));
    await waitFor(() => expect(screen.getAllByTestId('history-entry')).toHaveLength(2));
    const older = screen.getAllByTestId('history-entry')[1];
    expect(older).toHaveTextContent('answer 1');
    const pin = within(older).getByRole('button', { name: /^Pin the call of add/ });
    expect(pin).toHaveAttribute('aria-pressed', 'false');
    fireEvent.click(pin);
    const first = screen.getAllByTestId('history-entry')[0];
    expect(first).toHaveTextContent('Pinned');
    expect(first).toHaveTextContent('answer 1');
    expect(within(first).getByRole('button', { name: /^Unpin the call of add/ })).toHaveAttribute('aria-pressed', 'true');

    const { useToolCallsStore, HISTORY_LIMIT, callsOf } = await import('../../../renderer/stores/tool-calls-store');
    act(() => {
      for (let i = 0; i < HISTORY_LIMIT + 5; i++) {
        useToolCallsStore.getState().start({ id: `bulk-${i}`, connectionId: 'c1', tool: 'add', argumentsText: '{}', startedAt: Date.now(), status: 'done' });
      }
    });
    const kept = callsOf(useToolCallsStore.getState(), 'c1');
    expect(kept.filter((c) => c.pinned !== true)).toHaveLength(HISTORY_LIMIT);
    expect(kept.filter((c) => c.pinned === true).map((c) => c.outcome?.result)).toEqual([{ content: [{ type: 'text', text: 'answer 1' }] }]);
    fireEvent.click(within(screen.getAllByTestId('history-entry')[0]).getByRole('button', { name: /^Unpin/ }));
    expect(callsOf(useToolCallsStore.getState(), 'c1').some((c) => c.pinned)).toBe(false);
  });

  it('lists again when the server says its tools changed, and says so', async () => {
    let listed = 0;
    const fake = await openTools({ 'connections:list-tools': () => ({ tools: ++listed === 1 ? TOOLS : [...TOOLS, { name: 'new_tool', inputSchema: { type: 'object' } }] }) });
    const [entry] = makeEntries(1, 'c1');
    act(() => fake.emit({ type: 'trace', connectionId: 'c1', entries: [{ ...entry, seq: 99, type: 'message', direction: 'incoming', messageKind: 'notification', method: 'notifications/tools/list_changed', size: 10, message: {} } as never] }));
    expect(await screen.findByTestId('tools-changed')).toHaveTextContent('The server said its tools changed');
    expect(screen.getAllByTestId('tool-item').map((b) => b.getAttribute('data-tool'))).toContain('new_tool');
  });

  it('moves between sections with the arrow keys', async () => {
    await openTools();
    const tools = screen.getByRole('tab', { name: 'Tools' });
    fireEvent.keyDown(tools, { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Requests' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Requests' })).toHaveFocus();
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Requests' }), { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Trace' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Trace' })).toHaveFocus();
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Trace' }), { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Latency' })).toHaveAttribute('aria-selected', 'true');
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Latency' }), { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('connection-info')).toBeInTheDocument();
  });

  it('a connection lost while another section is open says so above it, with a way to the whole error', async () => {
    const fake = await openTools();
    expect(screen.queryByTestId('connection-failure')).toBeNull();
    const error = { kind: 'closed' as const, message: 'The connection was lost: the WebSocket closed (code 1006)', hint: 'connect again once the server is back' };
    act(() => fake.emit({ type: 'connection-state', info: { ...info, state: 'lost', error } }));
    const failure = await screen.findByTestId('connection-failure');
    expect(failure).toHaveTextContent('The connection was lost: the WebSocket closed (code 1006)');
    fireEvent.click(within(failure).getByRole('button', { name: 'What to try…' }));
    expect(screen.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('error-notice')).toHaveTextContent('connect again once the server is back');
    // Overview shows the whole notice: the summary above it would only repeat it.
    expect(screen.queryByTestId('connection-failure')).toBeNull();
  });
});
