import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exposeBenchHooks } from '../../../renderer/bridge/bench-hooks';
import { startBridge } from '../../../renderer/bridge/start-bridge';
import { App } from '../../../renderer/views/app';
import { FakeFailure, installFakePeriscope, makeRemote, resetStores } from '../support/fake-periscope';
import { installFakeLayout } from '../support/layout';
import { makeEntries } from '../support/make-entries';

installFakeLayout();
let stop: (() => void) | undefined;
beforeEach(resetStores);
afterEach(() => stop?.());

function start(handlers: Parameters<typeof installFakePeriscope>[0]) {
  const fake = installFakePeriscope({ 'connections:list': () => [], 'remotes:list': () => [makeRemote()], ...handlers });
  stop = startBridge();
  render(<App />);
  return fake;
}

describe('Session files and first launch', () => {
  it('greets a new user with the Playground and what to press', async () => {
    start({ 'remotes:list': () => [makeRemote({ url: 'http://playground.localhost/mcp' })] });
    const welcome = screen.getByTestId('welcome');
    await waitFor(() => expect(welcome).toHaveTextContent('Press Connect next to Playground'));
    expect(await screen.findByRole('button', { name: 'Connect Playground' })).toBeInTheDocument();
  });

  it('opens a saved session read-only in its own tab', async () => {
    start({
      'session:open': () => ({
        cancelled: false as const,
        path: '/home/u/bug-123.periscope.ndjson',
        header: { format: 'mcp-periscope-session', version: 1, createdAt: Date.UTC(2026, 0, 2, 3, 4, 5) },
        entries: makeEntries(12, 'old-conn'),
      }),
    });
    fireEvent.click(screen.getByTestId('open-session'));
    const tab = await screen.findByRole('tab', { name: /bug-123\.periscope\.ndjson \(read-only\)/ });
    expect(tab).toHaveAttribute('aria-selected', 'true');
    const panel = screen.getByRole('tabpanel');
    expect(within(panel).getByRole('note')).toHaveTextContent('Read-only session file /home/u/bug-123.periscope.ndjson');
    // Written as the charts write a date and time: "2026-01-02 03:04:05" in local time.
    const saved = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
    const two = (n: number) => String(n).padStart(2, '0');
    expect(within(panel).getByRole('note')).toHaveTextContent(`saved ${saved.getFullYear()}-${two(saved.getMonth() + 1)}-${two(saved.getDate())} ${two(saved.getHours())}:${two(saved.getMinutes())}:${two(saved.getSeconds())}`);
    expect(within(panel).getAllByTestId('trace-row')).toHaveLength(12);
    expect(within(panel).queryByTestId('connection-disconnect')).toBeNull();
    expect(within(panel).queryByTestId('save-session')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Close tab: bug-123.periscope.ndjson' }));
    expect(screen.queryByRole('tab')).toBeNull();
  });

  it('shows the latency figures computed over the whole file in a Latency section', async () => {
    const figures = { min: 1, mean: 2, p50: 2, p90: 3, p95: 3, p99: 4, p999: 4, max: 5 };
    start({
      'session:open': () => ({
        cancelled: false as const,
        path: '/home/u/ticket-42.ndjson',
        header: { format: 'mcp-periscope-session', version: 1 },
        entries: makeEntries(3, 'old-conn'),
        evicted: 5000,
        metrics: {
          rows: [{ method: 'tools/call', count: 5003, answered: 5003, errors: {}, throughputPerS: 50, latency: figures }],
          total: { method: '(all requests)', count: 5003, answered: 5003, errors: {}, throughputPerS: 50, latency: figures },
          pending: 0,
        },
      }),
    });
    fireEvent.click(screen.getByTestId('open-session'));
    const sections = await screen.findByRole('tablist', { name: 'Sections of ticket-42.ndjson' });
    fireEvent.click(within(sections).getByRole('tab', { name: 'Latency' }));
    expect(await screen.findByTestId('latency-summary')).toHaveTextContent('5,003 requests, 5,003 answered, 0 failed · p50 2.0 ms · p99 4.0 ms · from the whole session file');
    expect(screen.getAllByTestId('metrics-row').map((r) => r.getAttribute('data-method'))).toEqual(['tools/call']);
  });

  it('does nothing when the user cancels the dialog, and reports a bad file', async () => {
    let answer: 'cancel' | 'bad' = 'cancel';
    start({
      'session:open': () => {
        if (answer === 'cancel') return { cancelled: true as const };
        throw new FakeFailure({ kind: 'storage', message: 'bug.ndjson is not an MCP Periscope session file', hint: 'Open a file saved with “Save session”.' });
      },
    });
    await act(async () => fireEvent.click(screen.getByTestId('open-session')));
    expect(screen.queryByRole('tab')).toBeNull();
    expect(screen.queryAllByTestId(/^notice-/)).toHaveLength(0);
    expect(screen.getByTestId('notices')).not.toBeVisible();
    answer = 'bad';
    fireEvent.click(screen.getByTestId('open-session'));
    expect(await screen.findByTestId('notice-error')).toHaveTextContent(
      'Could not open the session file: bug.ndjson is not an MCP Periscope session file. Try: open a file saved with “Save session”.',
    );
  });

  it('lets the benchmark bulk-load a trace into a tab', async () => {
    start({});
    exposeBenchHooks();
    let id = '';
    act(() => {
      id = window.periscopeBench!.loadTrace(makeEntries(3000), 'Bench');
    });
    await waitFor(() => expect(screen.getByTestId('trace-count')).toHaveTextContent('3,000 entries'));
    act(() => window.periscopeBench!.appendEntries(id, makeEntries(10, 'c1', 3001)));
    expect(screen.getByTestId('trace-count')).toHaveTextContent('3,010 entries');
    window.periscopeBench!.warmUpSearch();
    fireEvent.change(screen.getByTestId('trace-filter-text'), { target: { value: 'city 1000"' } });
    expect(screen.getByTestId('trace-count')).toHaveTextContent('1 of 3,010');
  });
});

describe('Big session files and the session file cap', () => {
  it('says how much of a big file is shown, and which lines could not be read', async () => {
    start({
      'session:open': () => ({
        cancelled: false as const,
        path: '/home/u/huge.ndjson',
        header: { format: 'mcp-periscope-session', version: 1 },
        entries: makeEntries(5, 'old-conn'),
        evicted: 120_000,
        problems: [{ kind: 'storage' as const, message: 'Line 7 of the session file /home/u/huge.ndjson could not be read: it is 600.0 MB long, more than the 256.0 MB a line may have', hint: 'the rest was read' }],
      }),
    });
    fireEvent.click(screen.getByTestId('open-session'));
    expect(await screen.findByTestId('notice-info')).toHaveTextContent('huge.ndjson: showing the last 5 entries; 120,000 older ones are only in the file.');
    expect(screen.getByTestId('notice-warning')).toHaveTextContent('Line 7 of the session file /home/u/huge.ndjson could not be read: it is 600.0 MB long');
    expect(screen.getByTestId('notice-warning')).toHaveTextContent('The rest of the file was read.');
  });

  it('shows the session file cap and saves a new one', async () => {
    const fake = start({
      'settings:get': () => ({ sessionFileCapMB: 500 }),
      'settings:update': (input: never) => ({ sessionFileCapMB: (input as { patch: { sessionFileCapMB: number } }).patch.sessionFileCapMB }),
    });
    const input = await screen.findByLabelText('Stop recording a session file at (MB)');
    expect(input).toHaveValue(500);
    const save = screen.getByRole('button', { name: 'Save' });
    expect(save).toBeDisabled();
    fireEvent.change(input, { target: { value: '0' } });
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(save).toBeDisabled();
    fireEvent.change(input, { target: { value: '50' } });
    await act(async () => fireEvent.click(save));
    expect(fake.calls('settings:update')).toEqual([{ patch: { sessionFileCapMB: 50 } }]);
    expect(await screen.findByTestId('notice-info')).toHaveTextContent('session files stop recording at 50 MB');
    expect(screen.getByLabelText('Stop recording a session file at (MB)')).toHaveValue(50);
  });
});
