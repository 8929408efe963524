import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionInfo } from '../../../shared/model/connection';
import type { InstanceCheck, SendToAllResult } from '../../../shared/model/instance-group';
import type { InstanceLoadFigures, LoadResult } from '../../../shared/model/load-run';
import { startBridge } from '../../../renderer/bridge/start-bridge';
import { App } from '../../../renderer/views/app';
import { FakeFailure, installFakePeriscope, makeRemote, resetStores } from '../support/fake-periscope';
import { installFakeLayout } from '../support/layout';

installFakeLayout();
let stop: (() => void) | undefined;
beforeEach(resetStores);
afterEach(() => stop?.());

const URLS = ['http://127.0.0.1:3001/mcp', 'http://127.0.0.1:3002/mcp', 'http://127.0.0.1:3003/mcp'];
const group = makeRemote({ id: 'g1', name: 'Balanced', url: URLS[0], instances: URLS.slice(1) });
const info: ConnectionInfo = {
  connectionId: 'c1',
  label: 'Balanced',
  state: 'connected',
  transport: 'streamable',
  url: URLS[0]!,
  serverInfo: { name: 'balanced-server', version: '1.4.2' },
  protocolVersion: '2026-07-28',
  capabilities: { tools: {} },
  warnings: [],
  connectedAt: 1_750_000_000_000,
};

const probe = (path: '/health' | '/ready', url: string, status: number, bodyStatus: string) => ({
  path,
  url: url.replace('/mcp', path),
  status,
  latencyMs: 2.5,
  bodyStatus,
  ok: status < 300,
  ...(status >= 300 ? { error: { kind: 'http-status' as const, message: `${path} answered HTTP ${status}.`, hint: 'Check its logs.' } } : {}),
});
const checks: InstanceCheck[] = URLS.map((url, i) => {
  const ready = i === 2 ? probe('/ready', url, 503, 'not ready') : probe('/ready', url, 200, 'ready');
  return { instance: url, health: { instance: url, health: probe('/health', url, 200, 'healthy'), ready, ok: ready.ok }, latencyMs: 4 + i, method: 'server/discover' };
});
const sent: SendToAllResult = {
  tool: 'get_version',
  outcomes: URLS.map((url, i) => ({ instance: url, latencyMs: 3, result: {}, answer: i === 2 ? 'B' : 'A' })),
  comparison: {
    groups: [
      { label: 'A', instances: URLS.slice(0, 2) },
      { label: 'B', instances: [URLS[2]!] },
    ],
    differing: [{ instance: URLS[2]!, label: 'B', differences: [{ path: 'structuredContent.version', expected: '"1.4.2"', actual: '"1.3.9"' }] }],
    agree: false,
  },
};

async function openGroup(extra: Parameters<typeof installFakePeriscope>[0] = {}, remote = group) {
  const fake = installFakePeriscope({
    'connections:list': () => [],
    'remotes:list': () => [remote],
    'connections:open': () => info,
    'connections:list-tools': () => ({ tools: [{ name: 'get_version', inputSchema: { type: 'object' } }, { name: 'echo', inputSchema: { type: 'object' } }] }),
    'connections:metrics': () => ({ total: { method: '*', count: 0, answered: 0, errors: {}, throughputPerS: 0 }, rows: [], pending: 0 }),
    'connections:latency-samples': () => ({ methods: [], from: 0, next: 0, at: [], latencyMs: [], method: [] }),
    ...extra,
  });
  stop = startBridge();
  render(<App />);
  fireEvent.click(await screen.findByTestId('connect-button'));
  await screen.findByRole('tab', { name: 'Overview' });
  return fake;
}

describe('the Instances section of a group connection', () => {
  it('is there only for a group', async () => {
    await openGroup({}, makeRemote({ id: 'single', name: 'Single', url: URLS[0] }));
    expect(screen.queryByRole('tab', { name: 'Instances' })).toBeNull();
  });

  it('checks health and latency on request, each instance in a row; the one not ready says so', async () => {
    const fake = await openGroup({ 'group:check': () => ({ instances: checks }) });
    fireEvent.click(screen.getByRole('tab', { name: 'Instances' }));
    const view = await screen.findByTestId('instances-view');
    expect(within(view).getByRole('heading', { name: 'Instances (3)' })).toBeInTheDocument();
    expect(fake.calls('group:check')).toEqual([]);
    fireEvent.click(within(view).getByRole('button', { name: 'Check health and latency' }));
    await waitFor(() => expect(within(view).getAllByTestId('instance-row')).toHaveLength(3));
    expect(fake.calls('group:check')).toEqual([{ remoteId: 'g1' }]);
    const rows = within(view).getAllByTestId('instance-row');
    expect(rows[0]).toHaveTextContent(/✓ 200 “healthy” · 2\.5\d* ms/);
    expect(within(rows[0]!).getByTestId('instance-latency')).toHaveTextContent(/^4\.0*\s*ms \(server\/discover\)$/);
    expect(rows[0]).toHaveAttribute('data-ok', 'true');
    expect(within(rows[2]!).getByTestId('probe-ready')).toHaveTextContent('✗ 503 “not ready”');
    expect(rows[2]).not.toHaveAttribute('data-ok');
    expect(within(view).getByRole('button', { name: 'Check again' })).toBeInTheDocument();
  });

  it('an instance without /health or /ready (404, 405, 501) says "not served" and is not marked failing', async () => {
    const notServed = (path: '/health' | '/ready', url: string, status: number) => ({
      ...probe(path, url, status, ''),
      bodyStatus: undefined,
      notServed: true,
      error: { kind: 'http-status' as const, message: `${path} is not served here (HTTP ${status}).`, hint: `The instance has no ${path} endpoint (health endpoints are optional).` },
    });
    const statuses = [404, 405, 501];
    const without: InstanceCheck[] = URLS.map((url, i) => {
      const [health, ready] = [notServed('/health', url, statuses[i]!), notServed('/ready', url, statuses[i]!)];
      return { instance: url, health: { instance: url, health, ready, ok: false }, latencyMs: 4, method: 'server/discover' };
    });
    await openGroup({ 'group:check': () => ({ instances: without }) });
    fireEvent.click(screen.getByRole('tab', { name: 'Instances' }));
    const view = await screen.findByTestId('instances-view');
    fireEvent.click(within(view).getByRole('button', { name: 'Check health and latency' }));
    await waitFor(() => expect(within(view).getAllByTestId('instance-row')).toHaveLength(3));
    within(view).getAllByTestId('instance-row').forEach((row, i) => {
      expect(within(row).getByTestId('probe-health')).toHaveTextContent(new RegExp(`^– ${statuses[i]} not served · 2\\.5\\d* ms$`));
      expect(row).toHaveAttribute('data-ok', 'true');
      expect(row).not.toHaveTextContent('✗');
    });
  });

  it('says why a check could not run', async () => {
    await openGroup({ 'group:check': () => Promise.reject(new FakeFailure({ kind: 'missing-secret', message: 'Remote "Balanced" needs a value for required header "Authorization"; nothing was sent.', hint: 'Enter it.' })) });
    fireEvent.click(screen.getByRole('tab', { name: 'Instances' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Check health and latency' }));
    expect(await screen.findByText(/needs a value for required header "Authorization"/)).toBeInTheDocument();
  });

  it('sends the same call to all and marks the stale instance with the paths where it differs', async () => {
    const fake = await openGroup({ 'group:send-to-all': () => sent });
    fireEvent.click(screen.getByRole('tab', { name: 'Instances' }));
    const view = await screen.findByTestId('instances-view');
    fireEvent.change(within(view).getByLabelText('Tool'), { target: { value: 'get_version' } });
    fireEvent.change(within(view).getByLabelText('Arguments (JSON object)'), { target: { value: 'not json' } });
    fireEvent.click(within(view).getByRole('button', { name: 'Send to all 3' }));
    expect(within(view).getByLabelText('Arguments (JSON object)')).toHaveAccessibleDescription(/The arguments are not JSON/);
    expect(fake.calls('group:send-to-all')).toEqual([]);
    fireEvent.change(within(view).getByLabelText('Arguments (JSON object)'), { target: { value: '{}' } });
    fireEvent.change(within(view).getByLabelText('Leave out of the comparison'), { target: { value: '_meta, structuredContent.servedAt' } });
    fireEvent.click(within(view).getByRole('button', { name: 'Send to all 3' }));
    await screen.findByTestId('send-to-all-result');
    expect(fake.calls('group:send-to-all')).toEqual([{ remoteId: 'g1', name: 'get_version', argumentsJson: '{}', ignore: ['_meta', 'structuredContent.servedAt'] }]);
    expect(screen.getByTestId('send-to-all-summary')).toHaveTextContent('2 different answers to get_version: 2 of 3 gave answer A; 1 differs.');
    const rows = screen.getAllByTestId('answer-row');
    expect(rows.map((r) => r.getAttribute('data-odd'))).toEqual([null, null, 'true']);
    expect(rows[2]).toHaveTextContent('⚠ answer B: differs from answer A');
    const differences = screen.getByRole('region', { name: `Where ${URLS[2]} differs` });
    expect(differences).toHaveTextContent('structuredContent.version: "1.4.2" → "1.3.9"');
  });
});

describe('the Load run panel of a group connection', () => {
  it('offers round-robin or each, sends the choice with the run, and shows each instance\'s figures', async () => {
    const fake = await openGroup({ 'load:start': () => ({ runId: 'run-1' }) });
    fireEvent.click(screen.getByRole('tab', { name: 'Latency' }));
    const panel = await screen.findByTestId('load-panel');
    const choice = within(panel).getByRole('group', { name: 'Instances of this group' });
    expect(within(choice).getByLabelText(/Spread round-robin/)).toBeChecked();
    fireEvent.click(within(choice).getByLabelText(/Run the whole plan on each instance/));
    fireEvent.change(within(panel).getByLabelText('Tool', { exact: true }), { target: { value: 'echo' } });
    fireEvent.change(within(panel).getByLabelText('Requests', { exact: true }), { target: { value: '9' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Start load run' }));
    await waitFor(() => expect(fake.calls('load:start')).toHaveLength(1));
    expect(fake.calls('load:start')[0]).toMatchObject({ connectionId: 'c1', instances: 'each', remoteId: 'g1' });
    // The whole plan once per instance: 9 requests on each of 3.
    expect(await within(panel).findByRole('progressbar', { name: 'Run 1 progress' })).toHaveAttribute('aria-valuemax', '27');
    const figures = (instance: string, count: number, ok: number): InstanceLoadFigures => ({
      instance,
      count,
      ok,
      errors: ok < count ? { timeout: { count: count - ok, example: 'timed out' } } : {},
      throughputPerS: 10,
      latency: { min: 1, mean: 2, p50: 2, p90: 3, p95: 3, p99: 4, p999: 4, max: 4 },
    });
    const result: LoadResult = { count: 9, ok: 8, errors: { timeout: { count: 1, example: 'timed out' } }, durationMs: 900, throughputPerS: 10, cancelled: false, spread: 'each', instances: [figures(URLS[0]!, 3, 3), figures(URLS[1]!, 3, 3), figures(URLS[2]!, 3, 2)] };
    fake.emit({ type: 'load-ended', connectionId: 'c1', runId: 'run-1', result, samples: { at: [], latencyMs: [] } });
    const table = await within(panel).findByTestId('load-instance-figures');
    expect(table).toHaveTextContent('Run on each of 3 instances in turn');
    const rows = within(table).getAllByTestId('load-instance-row');
    expect(rows).toHaveLength(3);
    expect(rows[2]).toHaveTextContent('✗ 1 (timeout 1)');
    expect(within(panel).queryByTestId('load-export-artillery')).toBeNull();
  });
});
