import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ToolCallOutcome } from '../../../shared/ipc/contract';
import type { ConnectionInfo } from '../../../shared/model/connection';
import type { Remote } from '../../../shared/model/remote';
import { useToolsStore } from '../../../renderer/stores/tools-store';
import { makeRemote } from '../support/fake-periscope';
import { openToolsSection, setUpToolsSectionTests } from '../support/open-tools-section';

/**
 * The Tools section's per-call timeout and history: the typed timeout reaches the call, a history
 * entry runs again (and is edited, and copied) with its own timeout, and stdio remotes get a CLI
 * command too.
 */
setUpToolsSectionTests();

const ADD = { name: 'add', inputSchema: { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } }, required: ['a', 'b'] } };
const outcome: ToolCallOutcome = { result: { content: [{ type: 'text', text: '5' }] }, elapsedMs: 3, latencyMs: 2 };

async function openTools(remote: Remote, info: ConnectionInfo) {
  const opened = await openToolsSection({ info, remote, tools: [ADD], handlers: { 'connections:call-tool': () => outcome } });
  act(() => useToolsStore.getState().setDraft('c1', 'add', '{"a": 2, "b": 3}'));
  return opened.fake;
}

function captureClipboard(): { text: string } {
  const copied = { text: '' };
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void (copied.text = t) } });
  return copied;
}

const urlInfo: ConnectionInfo = { connectionId: 'c1', label: 'Playground', state: 'connected', transport: 'streamable', url: 'http://127.0.0.1:4100/mcp', warnings: [] };
const timeoutsSent = (fake: Awaited<ReturnType<typeof openTools>>) => fake.calls('connections:call-tool').map((c) => (c as { timeoutMs?: number }).timeoutMs);

describe('per-call timeout and history', () => {
  it('the typed timeout reaches the call; Run again uses the entry\'s own timeout, not the one typed since', async () => {
    const fake = await openTools(makeRemote(), urlInfo);
    fireEvent.change(screen.getByTestId('call-timeout'), { target: { value: '2500' } });
    fireEvent.click(screen.getByTestId('call-tool'));
    const entry = await screen.findByTestId('history-entry');
    expect(within(entry).getByTestId('history-timeout')).toHaveTextContent('timeout 2500 ms');
    expect(fake.calls('connections:call-tool')).toEqual([expect.objectContaining({ name: 'add', timeoutMs: 2500 })]);

    // Another timeout typed, then the first call repeated: it keeps its 2.5 s.
    fireEvent.change(screen.getByTestId('call-timeout'), { target: { value: '9000' } });
    fireEvent.click(screen.getByTestId('history-rerun'));
    await waitFor(() => expect(screen.getAllByTestId('history-entry')).toHaveLength(2));
    expect(timeoutsSent(fake)).toEqual([2500, 2500]);

    // An empty field is the connection's default: no timeoutMs at all.
    fireEvent.change(screen.getByTestId('call-timeout'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('call-tool'));
    await waitFor(() => expect(screen.getAllByTestId('history-entry')).toHaveLength(3));
    expect(timeoutsSent(fake)).toEqual([2500, 2500, undefined]);
    expect(within(screen.getAllByTestId('history-entry')[0]).queryByTestId('history-timeout')).toBeNull();

    // Edit… loads the older call's timeout into the field with its arguments.
    fireEvent.click(screen.getAllByTestId('history-edit')[2]);
    expect(screen.getByTestId('call-timeout')).toHaveValue('2500');
    // …and editing the newest (no timeout) empties it again.
    fireEvent.click(screen.getAllByTestId('history-edit')[0]);
    expect(screen.getByTestId('call-timeout')).toHaveValue('');
  });

  it('copies a call with its timeout as --timeout', async () => {
    await openTools(makeRemote(), urlInfo);
    fireEvent.change(screen.getByTestId('call-timeout'), { target: { value: '750' } });
    fireEvent.click(screen.getByTestId('call-tool'));
    await screen.findByTestId('history-entry');
    const copied = captureClipboard();
    fireEvent.click(screen.getByTestId('history-copy-cli'));
    await waitFor(() => expect(copied.text).toBe(`periscope call http://127.0.0.1:4100/mcp add --args '{"a":2,"b":3}' --timeout 750 --transport streamable`));
  });

  it.each(['0', '-5', '1.5', 'abc'])('a timeout of %s is refused as not a positive whole number (0 is a whole number too)', async (typed) => {
    await openTools(makeRemote(), urlInfo);
    fireEvent.change(screen.getByTestId('call-timeout'), { target: { value: typed } });
    expect(screen.getByTestId('call-timeout-problem')).toHaveTextContent('The timeout must be a positive whole number of milliseconds.');
    expect(screen.getByTestId('call-tool')).toBeDisabled();
  });

  it('a timeout beyond the longest timer is refused next to the field, and nothing is sent', async () => {
    const fake = await openTools(makeRemote(), urlInfo);
    fireEvent.change(screen.getByTestId('call-timeout'), { target: { value: '2147483648' } });
    expect(screen.getByTestId('call-timeout-problem')).toHaveTextContent('The timeout is too long: enter at most 2147483647 ms');
    expect(screen.getByTestId('call-timeout')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('call-tool')).toBeDisabled();
    fireEvent.click(screen.getByTestId('call-tool'));
    expect(fake.calls('connections:call-tool')).toEqual([]);
  });

  it('a stdio remote offers Copy as CLI command: --stdio, the command after --, credential variables as placeholders', async () => {
    const stdio = makeRemote({ transport: 'stdio', url: undefined, command: 'node', args: ['server.js', '--port', '3 000'], env: { API_KEY: '', MODE: 'dev' }, envHasValue: { API_KEY: true } });
    await openTools(stdio, { ...urlInfo, transport: 'stdio', url: undefined });
    fireEvent.change(screen.getByTestId('call-timeout'), { target: { value: '4000' } });
    fireEvent.click(screen.getByTestId('call-tool'));
    await screen.findByTestId('history-entry');
    const copied = captureClipboard();
    fireEvent.click(screen.getByTestId('history-copy-cli'));
    await waitFor(() =>
      expect(copied.text).toBe(`periscope call --stdio add --args '{"a":2,"b":3}' --timeout 4000 --env 'API_KEY=<secret API_KEY>' --env MODE=dev -- node server.js --port '3 000'`),
    );
  });
});
