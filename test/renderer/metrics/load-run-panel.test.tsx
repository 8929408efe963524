import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MainEvent } from '../../../shared/ipc/contract';
import type { ConnectionInfo } from '../../../shared/model/connection';
import type { LoadResult } from '../../../shared/model/load-run';
import type { LatencySamples, MetricsSnapshot } from '../../../shared/model/metrics';
import { startBridge } from '../../../renderer/bridge/start-bridge';
import { App } from '../../../renderer/views/app';
import { checkLoadForm, EMPTY_LOAD_FORM } from '../../../renderer/workbench/load-form';
import { FakeFailure, installFakePeriscope, makeRemote, resetStores } from '../support/fake-periscope';
import { installFakeLayout } from '../support/layout';

// uPlot needs a canvas jsdom lacks: the charts are stand-ins that say what they were given.
vi.mock('../../../renderer/components/metrics/latency-chart', () => ({
  LatencyChart: ({ samples, testId }: { samples: LatencySamples; testId?: string }) => <div data-testid={testId} data-points={samples.at.length} data-series={samples.methods.join(',')} />,
  LatencyDistributionChart: ({ samples, testId }: { samples: LatencySamples; testId?: string }) => <div data-testid={testId} data-points={samples.at.length} data-series={samples.methods.join(',')} />,
}));

installFakeLayout();
let stop: (() => void) | undefined;
beforeEach(resetStores);
afterEach(() => stop?.());

const info: ConnectionInfo = { connectionId: 'c1', label: 'Playground', state: 'connected', transport: 'streamable', url: 'http://127.0.0.1:4100/mcp', warnings: [] };
const EMPTY: MetricsSnapshot = { rows: [], total: { method: '(all requests)', count: 0, answered: 0, errors: {}, throughputPerS: 0 }, pending: 0 };
const figures = (p50: number) => ({ min: p50 / 2, mean: p50, p50, p90: p50 * 1.5, p95: p50 * 2, p99: p50 * 3, p999: p50 * 4, max: p50 * 5 });
const result = (over: Partial<LoadResult> = {}): LoadResult => ({ count: 100, ok: 100, errors: {}, durationMs: 500, throughputPerS: 200, latency: figures(2), cancelled: false, ...over });
const samples = (n: number, ms: number) => ({ at: Array.from({ length: n }, (_, i) => 1_700_000_000_000 + i), latencyMs: Array.from({ length: n }, () => ms) });

async function openPanel(handlers: Parameters<typeof installFakePeriscope>[0] = {}) {
  let runs = 0;
  const fake = installFakePeriscope({
    'connections:list': () => [],
    'remotes:list': () => [makeRemote()],
    'connections:open': () => info,
    'connections:metrics': () => EMPTY,
    'connections:latency-samples': () => ({ methods: [], from: 0, next: 0, at: [], latencyMs: [], method: [] }),
    'connections:list-tools': () => ({ tools: [{ name: 'echo' }, { name: 'add' }] }),
    'load:start': () => ({ runId: `r${++runs}` }),
    'load:cancel': () => ({ cancelled: true }),
    ...handlers,
  });
  stop = startBridge();
  render(<App />);
  fireEvent.click(await screen.findByTestId('connect-button'));
  fireEvent.click(await screen.findByRole('tab', { name: 'Latency' }));
  const panel = await screen.findByTestId('load-panel');
  return { fake, panel: within(panel), emit: (e: MainEvent) => act(() => fake.emit(e)) };
}

describe('the Load run form', () => {
  it('says what is wrong next to each field, in words, and sends nothing', async () => {
    const { fake, panel } = await openPanel();
    fireEvent.click(panel.getByLabelText('Any method'));
    fireEvent.change(panel.getByLabelText('Requests'), { target: { value: 'many' } });
    fireEvent.change(panel.getByLabelText('Concurrency'), { target: { value: '0' } });
    fireEvent.change(panel.getByLabelText('Fixed rate (requests/s)'), { target: { value: '-5' } });
    fireEvent.change(panel.getByLabelText('Params (JSON object, optional)'), { target: { value: '[1]' } });
    fireEvent.click(panel.getByRole('button', { name: 'Start load run' }));
    const method = panel.getByLabelText('Method');
    expect(method).toHaveAttribute('aria-invalid', 'true');
    expect(method).toHaveAccessibleDescription('Give the JSON-RPC method to send, e.g. tools/list.');
    expect(panel.getByLabelText('Requests')).toHaveAccessibleDescription('The number of requests must be a whole number from 1 to 1,000,000, not "many".');
    expect(panel.getByLabelText('Concurrency')).toHaveAccessibleDescription('Concurrency must be a whole number from 1 to 256, not "0".');
    expect(panel.getByLabelText('Fixed rate (requests/s)')).toHaveAccessibleDescription(/above 0/);
    expect(panel.getByLabelText('Params (JSON object, optional)')).toHaveAccessibleDescription('The params must be a JSON object, e.g. {"text": "hello"}.');
    expect(fake.calls('load:start')).toHaveLength(0);
    // Fixing a field clears its message.
    fireEvent.change(panel.getByLabelText('Concurrency'), { target: { value: '2' } });
    expect(panel.getByLabelText('Concurrency')).not.toHaveAttribute('aria-invalid');
  });

  it("shows main's refusal of the plan next to the field it names", async () => {
    const { panel } = await openPanel({
      'load:start': () => {
        throw new FakeFailure({ kind: 'invalid-input', message: 'The plan cannot run: concurrency is at most 256 here, not 300.', hint: 'h', detail: { field: 'concurrency' } });
      },
    });
    fireEvent.change(await panel.findByLabelText('Tool'), { target: { value: 'echo' } });
    fireEvent.click(panel.getByRole('button', { name: 'Start load run' }));
    await waitFor(() => expect(panel.getByLabelText('Concurrency')).toHaveAccessibleDescription('The plan cannot run: concurrency is at most 256 here, not 300.'));
  });

  it('turns the form into a request and plan: a tool with its argument text, a duration in ms, a rate, a warm-up', () => {
    const checked = checkLoadForm({ ...EMPTY_LOAD_FORM, tool: 'echo', toolArgs: '{"n": 7960607143101464577}', mode: 'duration', duration: '2.5', rate: '50', warmup: '10', concurrency: '8' });
    expect(checked).toEqual({ request: { kind: 'tool', name: 'echo', argumentsJson: '{"n": 7960607143101464577}' }, plan: { concurrency: 8, durationMs: 2500, ratePerS: 50, warmup: 10 } });
    expect(checkLoadForm({ ...EMPTY_LOAD_FORM, kind: 'prompt', prompt: 'greet', promptArgs: '{"n": 1}' })).toEqual({ errors: { promptArgs: 'Prompt arguments are text: put n in quotes.' } });
  });
});

describe('a load run in the panel', () => {
  it('starts the tool chosen from the list, moves the progress bar, cancels, and shows the partial result marked cancelled', async () => {
    const { fake, panel, emit } = await openPanel();
    fireEvent.change(await panel.findByLabelText('Tool'), { target: { value: 'echo' } });
    fireEvent.change(panel.getByLabelText('Arguments (JSON object)'), { target: { value: '{"text": "hi"}' } });
    fireEvent.click(panel.getByRole('button', { name: 'Start load run' }));
    await panel.findByTestId('load-running');
    expect(fake.calls('load:start')).toEqual([{ connectionId: 'c1', request: { kind: 'tool', name: 'echo', argumentsJson: '{"text": "hi"}' }, plan: { count: 100, concurrency: 4 } }]);
    expect(panel.getByRole('button', { name: 'Start load run' })).toBeDisabled();
    const bar = panel.getByRole('progressbar', { name: 'Run 1 progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '0');
    expect(bar).toHaveAttribute('aria-valuemax', '100');
    emit({ type: 'load-progress', connectionId: 'c1', runId: 'r1', done: 30, failed: 2, elapsedMs: 1500, planned: 100, latest: samples(30, 1) });
    expect(bar).toHaveAttribute('aria-valuenow', '30');
    expect(bar).toHaveAttribute('aria-valuetext', '30 of 100 requests, 2 failed, 1.5 s');
    expect(await panel.findByTestId('load-live-chart')).toHaveAttribute('data-points', '30');
    fireEvent.click(panel.getByRole('button', { name: 'Cancel run' }));
    await waitFor(() => expect(fake.calls('load:cancel')).toEqual([{ runId: 'r1' }]));
    const partial = result({ count: 42, ok: 40, cancelled: true, errors: { timeout: { count: 2, example: 'tools/call timed out after 50 ms' } } });
    emit({ type: 'load-ended', connectionId: 'c1', runId: 'r1', result: partial, samples: samples(42, 1) });
    expect(panel.queryByRole('progressbar')).not.toBeInTheDocument();
    const shown = panel.getByTestId('load-result');
    expect(within(shown).getByTestId('load-cancelled')).toHaveTextContent('cancelled: partial result');
    expect(within(shown).getByTestId('load-summary')).toHaveTextContent('42 requests in 0.50 s · 40 ok · 2 failed · 200.0 requests/s');
    expect(within(shown).getAllByRole('cell').map((c) => c.textContent)).toEqual(['1.0 ms', '2.0 ms', '3.0 ms', '4.0 ms', '6.0 ms', '8.0 ms', '10 ms']);
    expect(within(shown).getByTestId('load-errors')).toHaveTextContent('timeout: 2, e.g. tools/call timed out after 50 ms');
    expect(await panel.findByTestId('load-result-chart')).toHaveAttribute('data-points', '42');
    expect(panel.getByTestId('load-run-row')).toHaveAttribute('data-status', 'cancelled');
    expect(panel.getByRole('button', { name: 'Start load run' })).toBeEnabled();
  });

  it('keeps the keyboard in the panel: Start hands focus to Cancel run, and the end of the run hands it back', async () => {
    const { panel, emit } = await openPanel();
    fireEvent.change(await panel.findByLabelText('Tool'), { target: { value: 'echo' } });
    const start = panel.getByRole('button', { name: 'Start load run' });
    start.focus();
    fireEvent.click(start);
    await panel.findByTestId('load-running');
    // Start is disabled now; the focus must not fall to the page's top.
    await waitFor(() => expect(document.activeElement).toBe(panel.getByRole('button', { name: 'Cancel run' })));
    emit({ type: 'load-ended', connectionId: 'c1', runId: 'r1', result: result(), samples: samples(100, 1) });
    await waitFor(() => expect(document.activeElement).toBe(panel.getByRole('button', { name: 'Start load run' })));
  });

  it('holds at most the latest 5,000 live points however long the run goes', async () => {
    const { panel, emit } = await openPanel();
    fireEvent.change(await panel.findByLabelText('Tool'), { target: { value: 'echo' } });
    fireEvent.change(panel.getByLabelText('Requests', { exact: true }), { target: { value: '20000' } });
    fireEvent.click(panel.getByRole('button', { name: 'Start load run' }));
    await panel.findByTestId('load-running');
    for (let i = 1; i <= 24; i++) emit({ type: 'load-progress', connectionId: 'c1', runId: 'r1', done: i * 500, failed: 0, elapsedMs: i * 100, planned: 20_000, latest: samples(500, i) });
    expect(panel.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '12000');
    expect(await panel.findByTestId('load-live-chart')).toHaveAttribute('data-points', '5000');
  });

  it('keeps events that arrive before the start is answered', async () => {
    const { fake, panel } = await openPanel({
      'load:start': async () => {
        fake.emit({ type: 'load-progress', connectionId: 'c1', runId: 'early', done: 5, failed: 0, elapsedMs: 10, planned: 100, latest: samples(5, 1) });
        return { runId: 'early' };
      },
    });
    fireEvent.change(await panel.findByLabelText('Tool'), { target: { value: 'echo' } });
    fireEvent.click(panel.getByRole('button', { name: 'Start load run' }));
    await waitFor(() => expect(panel.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '5'));
  });

  it('compares two ended runs: the figures with their change, both distributions in one chart', async () => {
    const { panel, emit } = await openPanel();
    fireEvent.change(await panel.findByLabelText('Tool'), { target: { value: 'echo' } });
    for (const [runId, r, ms] of [['r1', result(), 2], ['r2', result({ throughputPerS: 250, latency: figures(1), ok: 98 }), 1]] as const) {
      fireEvent.click(panel.getByRole('button', { name: 'Start load run' }));
      await panel.findByTestId('load-running');
      emit({ type: 'load-ended', connectionId: 'c1', runId, result: r, samples: samples(100, ms) });
    }
    expect(panel.getAllByTestId('load-run-row').map((row) => row.getAttribute('data-status'))).toEqual(['done', 'done']);
    expect(panel.queryByTestId('load-compare')).not.toBeInTheDocument();
    fireEvent.click(panel.getByLabelText('Compare run 1'));
    fireEvent.click(panel.getByLabelText('Compare run 2'));
    const compare = within(panel.getByTestId('load-compare'));
    const rowOf = (figure: string) => compare.getAllByRole('row').find((r) => r.getAttribute('data-figure') === figure)!;
    expect(within(rowOf('throughput')).getAllByRole('cell').map((c) => c.textContent)).toEqual(['200.0/s', '250.0/s', '+25.0 %']);
    expect(within(rowOf('p99')).getAllByRole('cell').map((c) => c.textContent)).toEqual(['6.00 ms', '3.00 ms', '−50.0 %']);
    expect(within(rowOf('failed')).getAllByRole('cell').map((c) => c.textContent)).toEqual(['0', '2', '—']);
    expect(await compare.findByTestId('load-compare-chart')).toHaveAttribute('data-series', 'Run 1,Run 2');
    expect(compare.getByTestId('load-compare-chart')).toHaveAttribute('data-points', '200');
  });

  it('exports an ended run as an Artillery scenario: its request and plan to main, then where it went and what to set', async () => {
    const { fake, panel, emit } = await openPanel({ 'load:export-artillery': () => ({ cancelled: false, path: '/tmp/echo.artillery.yml', env: ['PERISCOPE_HEADER_AUTHORIZATION'] }) });
    fireEvent.change(await panel.findByLabelText('Tool'), { target: { value: 'echo' } });
    fireEvent.click(panel.getByRole('button', { name: 'Start load run' }));
    await panel.findByTestId('load-running');
    expect(panel.queryByRole('button', { name: 'Export as Artillery scenario…' })).not.toBeInTheDocument();
    emit({ type: 'load-ended', connectionId: 'c1', runId: 'r1', result: result(), samples: samples(100, 1) });
    const button = panel.getByRole('button', { name: 'Export as Artillery scenario…' });
    expect(button).toHaveAccessibleDescription(/secret values become environment variables/);
    fireEvent.click(button);
    // The very request and plan the run was started with.
    await waitFor(() => expect(fake.calls('load:export-artillery')).toHaveLength(1));
    expect(fake.calls('load:export-artillery')).toEqual(fake.calls('load:start'));
    expect(fake.calls('load:export-artillery')[0]).toMatchObject({ connectionId: 'c1', request: { kind: 'tool', name: 'echo' }, plan: { count: 100, concurrency: 4 } });
    expect(await screen.findByText(/Saved run 1 as an Artillery scenario to \/tmp\/echo\.artillery\.yml\. Set PERISCOPE_HEADER_AUTHORIZATION in the environment/)).toBeInTheDocument();
  });

  it("shows main's refusal to export in words", async () => {
    const { panel, emit } = await openPanel({
      'load:export-artillery': () => {
        throw new FakeFailure({ kind: 'invalid-input', message: 'A load run for a duration without a fixed rate has no Artillery equivalent.', hint: 'Add a rate.' });
      },
    });
    fireEvent.change(await panel.findByLabelText('Tool'), { target: { value: 'echo' } });
    fireEvent.click(panel.getByRole('button', { name: 'Start load run' }));
    await panel.findByTestId('load-running');
    emit({ type: 'load-ended', connectionId: 'c1', runId: 'r1', result: result(), samples: samples(100, 1) });
    fireEvent.click(panel.getByRole('button', { name: 'Export as Artillery scenario…' }));
    expect(await screen.findByText(/no Artillery equivalent/)).toBeInTheDocument();
  });
});
