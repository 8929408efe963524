import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionInfo } from '../../../shared/model/connection';
import type { MetricsRow, MetricsSnapshot } from '../../../shared/model/metrics';
import { startBridge } from '../../../renderer/bridge/start-bridge';
import { App } from '../../../renderer/views/app';
import { LIVE_METRICS_INTERVAL_MS } from '../../../renderer/views/latency-view';
import { installFakePeriscope, makeRemote, resetStores } from '../support/fake-periscope';
import { installFakeLayout } from '../support/layout';

installFakeLayout();
let stop: (() => void) | undefined;
beforeEach(resetStores);
afterEach(() => {
  stop?.();
  vi.useRealTimers();
});

const info: ConnectionInfo = { connectionId: 'c1', label: 'Playground', state: 'connected', transport: 'streamable', url: 'http://127.0.0.1:4100/mcp', warnings: [] };
const figures = (p50: number) => ({ min: p50 / 2, mean: p50, p50, p90: p50 * 1.5, p95: p50 * 2, p99: p50 * 3, p999: p50 * 4, max: p50 * 5 });
const row = (method: string, count: number, p50: number, extra: Partial<MetricsRow> = {}): MetricsRow => ({ method, count, answered: count, errors: {}, throughputPerS: 10, latency: figures(p50), ...extra });
const SNAPSHOT: MetricsSnapshot = {
  rows: [
    row('initialize', 1, 9),
    row('tools/call', 6, 3, { errors: { 'tool-error': 1, timeout: 1 } }),
    row('tools/call', 4, 2, { name: 'echo', errors: { cancelled: 1 } }),
    row('tools/call', 2, 40, { name: 'slow_operation', errors: { 'tool-error': 1, timeout: 1 } }),
    row('tools/list', 3, 1),
  ],
  total: row('(all requests)', 10, 2, { errors: { 'tool-error': 1, timeout: 1 } }),
  pending: 1,
};

async function openLatency(snapshot: () => MetricsSnapshot = () => SNAPSHOT) {
  const fake = installFakePeriscope({
    'connections:list': () => [],
    'remotes:list': () => [makeRemote()],
    'connections:open': () => info,
    'connections:metrics': () => snapshot(),
  });
  stop = startBridge();
  render(<App />);
  fireEvent.click(await screen.findByTestId('connect-button'));
  fireEvent.click(await screen.findByRole('tab', { name: 'Latency' }));
  await screen.findByTestId('metrics-table');
  return fake;
}

const rowKeys = () => screen.getAllByTestId('metrics-row').map((r) => `${r.getAttribute('data-method')}${r.getAttribute('data-name') ? ` › ${r.getAttribute('data-name')}` : ''}`);

describe('the Latency section', () => {
  it('sums up, then lists each method with its names under it, with failures by kind and the percentiles', async () => {
    await openLatency();
    expect(screen.getByTestId('latency-summary')).toHaveTextContent('10 requests, 10 answered, 2 failed, 1 waiting · p50 2.0 ms · p99 6.0 ms');
    expect(rowKeys()).toEqual(['initialize', 'tools/call', 'tools/call › echo', 'tools/call › slow_operation', 'tools/list']);
    const slow = screen.getAllByTestId('metrics-row')[3]!;
    const cells = within(slow).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(['2', '2 tool-error 1, timeout 1', '10.0', '20 ms', '40 ms', '60 ms', '80 ms', '120 ms', '160 ms', '200 ms']);
    // One kind is named alone under its count ("1" then "cancelled", not "cancelled 1" again).
    const echo = screen.getAllByTestId('metrics-row')[2]!;
    expect(within(echo).getAllByRole('cell')[1]).toHaveTextContent(/^1 cancelled$/);
  });

  it('says an open subscription stream apart from the requests waiting for an answer', async () => {
    await openLatency(() => ({ ...SNAPSHOT, pending: 0, streams: 1 }));
    const summary = screen.getByTestId('latency-summary');
    expect(summary).toHaveTextContent('10 requests, 10 answered, 2 failed, 1 subscription stream open (subscriptions/listen) · p50');
    expect(summary).not.toHaveTextContent('waiting');
  });

  it('over HTTP, two more columns: the median time to the response headers and to the first event', async () => {
    const phased = { ...SNAPSHOT, rows: SNAPSHOT.rows.map((r) => (r.name === 'echo' ? { ...r, phases: { count: 4, headersP50: 1.5, firstEventP50: 1.75 } } : r.method === 'tools/list' ? { ...r, phases: { count: 3, headersP50: 0.5 } } : r)) };
    await openLatency(() => phased);
    expect(screen.getByRole('button', { name: 'Headers p50' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '1st event p50' })).toBeInTheDocument();
    const cellsOf = (key: string) => {
      const found = screen.getAllByTestId('metrics-row').find((r) => `${r.getAttribute('data-method')}${r.getAttribute('data-name') ?? ''}` === key)!;
      return [within(found).getByTestId('metrics-headers-p50').textContent, within(found).getByTestId('metrics-first-event-p50').textContent];
    };
    expect(cellsOf('tools/callecho')).toEqual(['1.5 ms', '1.8 ms']);
    expect(cellsOf('tools/list')).toEqual(['0.5 ms', '—']);
    expect(cellsOf('initialize')).toEqual(['—', '—']);
  });

  it('sorts by a column on click (slowest p99 first), names staying under their method; again reverses; aria-sort says which', async () => {
    await openLatency();
    const p99 = screen.getByRole('button', { name: 'p99' });
    fireEvent.click(p99);
    expect(p99.closest('th')).toHaveAttribute('aria-sort', 'descending');
    expect(rowKeys()).toEqual(['initialize', 'tools/call', 'tools/call › slow_operation', 'tools/call › echo', 'tools/list']);
    fireEvent.click(p99);
    expect(p99.closest('th')).toHaveAttribute('aria-sort', 'ascending');
    expect(rowKeys()).toEqual(['tools/list', 'tools/call', 'tools/call › echo', 'tools/call › slow_operation', 'initialize']);
    expect(screen.getByRole('button', { name: 'Method · name' }).closest('th')).not.toHaveAttribute('aria-sort');
  });

  it('asks again every second while shown on a live connection, and stops when another section is shown', async () => {
    let requests = 3;
    const fake = await openLatency(() => ({ ...SNAPSHOT, total: { ...SNAPSHOT.total, count: requests } }));
    await waitFor(() => expect(screen.getByTestId('latency-summary')).toHaveTextContent('3 requests'));
    requests = 4;
    await act(() => new Promise((resolve) => setTimeout(resolve, LIVE_METRICS_INTERVAL_MS + 100)));
    expect(screen.getByTestId('latency-summary')).toHaveTextContent('4 requests');
    fireEvent.click(screen.getByRole('tab', { name: 'Trace' }));
    const asked = fake.calls('connections:metrics').length;
    await act(() => new Promise((resolve) => setTimeout(resolve, LIVE_METRICS_INTERVAL_MS + 100)));
    expect(fake.calls('connections:metrics')).toHaveLength(asked);
  });

  it('says what to do when there are no requests yet', async () => {
    const { latency: _none, ...total } = SNAPSHOT.total;
    installFakePeriscope({
      'connections:list': () => [],
      'remotes:list': () => [makeRemote()],
      'connections:open': () => info,
      'connections:metrics': () => ({ rows: [], total: { ...total, count: 0, answered: 0, errors: {} }, pending: 0 }),
    });
    stop = startBridge();
    render(<App />);
    fireEvent.click(await screen.findByTestId('connect-button'));
    fireEvent.click(await screen.findByRole('tab', { name: 'Latency' }));
    expect(await screen.findByText(/No requests yet: call a tool/)).toBeInTheDocument();
    expect(screen.getByTestId('latency-summary')).toHaveTextContent('0 requests, 0 answered, 0 failed');
    expect(screen.queryByTestId('metrics-table')).toBeNull();
  });
});
