import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionInfo } from '../../../shared/model/connection';
import type { MessageEntry, TraceEntry } from '../../../shared/model/trace';
import { startBridge } from '../../../renderer/bridge/start-bridge';
import { LatencyTimeline } from '../../../renderer/components/metrics/latency-timeline';
import { buildTimeline } from '../../../renderer/timeline/timeline-spans';
import type { TimeRange } from '../../../renderer/timeline/timeline-range';
import { App } from '../../../renderer/views/app';
import { installFakePeriscope, makeRemote, resetStores } from '../support/fake-periscope';
import { installFakeLayout } from '../support/layout';

installFakeLayout();
let stop: (() => void) | undefined;
beforeEach(resetStores);
afterEach(() => stop?.());

let seq = 0;
const t0 = 1_750_000_000_000;
const base = (at: number) => ({ seq: ++seq, connectionId: 'c1', wallTime: t0 + at, monoTime: 1000 + at });
function request(at: number, name: string, token?: string): MessageEntry {
  const params = { name, arguments: {}, ...(token ? { _meta: { progressToken: token } } : {}) };
  return { ...base(at), type: 'message', direction: 'outgoing', messageKind: 'request', rpcId: seq, method: 'tools/call', size: 1, message: { jsonrpc: '2.0', id: seq, method: 'tools/call', params } };
}
function answer(to: MessageEntry, at: number): MessageEntry {
  return { ...base(at), type: 'message', direction: 'incoming', messageKind: 'response', rpcId: to.rpcId, requestSeq: to.seq, latencyMs: at - (to.monoTime - 1000), method: 'tools/call', size: 1, message: { jsonrpc: '2.0', id: to.rpcId, result: { content: [] } } };
}
function progress(at: number, token: string, value: number): MessageEntry {
  return { ...base(at), type: 'message', direction: 'incoming', messageKind: 'notification', method: 'notifications/progress', size: 1, message: { method: 'notifications/progress', params: { progressToken: token, progress: value, total: 3 } } };
}

/** A slow call with three progress ticks, and two echoes overlapping it, then one much later. */
function traffic(): { entries: TraceEntry[]; slow: MessageEntry; echo: MessageEntry; late: MessageEntry } {
  seq = 0;
  const slow = request(0, 'slow_operation', 'p1');
  const echo = request(10, 'echo');
  const echo2 = request(12, 'echo');
  const late = request(5000, 'echo');
  const entries = [slow, echo, echo2, answer(echo, 20), progress(100, 'p1', 1), answer(echo2, 130), progress(200, 'p1', 2), progress(300, 'p1', 3), answer(slow, 310), late, answer(late, 5010)];
  return { entries, slow, echo, late };
}

/** The component with its range held as the section holds it. */
function Harness({ entries, onSelect }: { entries: TraceEntry[]; onSelect(seq: number): void }) {
  const [range, setRange] = useState<TimeRange | undefined>();
  const model = buildTimeline(entries, 7000);
  return <LatencyTimeline model={model} range={range} onRangeChange={setRange} colourOf={() => '#2f7ed8'} onSelect={onSelect} />;
}

const rows = () => screen.queryAllByTestId('timeline-row');
const figure = () => screen.getByTestId('latency-timeline');
const bounds = () => [Number(figure().getAttribute('data-from')), Number(figure().getAttribute('data-to'))] as const;

describe('the timeline component', () => {
  it('lists the spans in view with start, duration, outcome and progress; a row button selects its entry', () => {
    const { entries, slow, echo } = traffic();
    const onSelect = vi.fn();
    render(<Harness entries={entries} onSelect={onSelect} />);
    // Fitted, the view has a margin before the first span; the label counts from that span, as the axis does.
    expect(screen.getByRole('img', { name: /^Timeline of 4 spans \(3 lanes of calls, \d+ of streams and connects\), 4 in view from 0 ms to [\d.]+ (ms|s)\./ })).toBeInTheDocument();
    fireEvent.click(screen.getByText(/Spans in view as a table \(4\)/));
    expect(rows().map((r) => r.getAttribute('data-seq'))).toEqual([String(slow.seq), String(echo.seq), String(echo.seq + 1), expect.any(String)]);
    const slowRow = rows()[0]!;
    expect(slowRow).toHaveAttribute('data-progress', '3');
    expect(within(slowRow).getAllByRole('cell').map((c) => c.textContent)).toEqual([expect.stringMatching(/^\d\d:\d\d:\d\d\.000$/), '310 ms', 'answered', '—', '3 progress notifications, the last 3 of 3']);
    fireEvent.click(within(rows()[1]!).getByRole('button', { name: 'Show tools/call · echo in the trace' }));
    expect(onSelect).toHaveBeenCalledWith(echo.seq);
  });

  it('arrow keys pan, + and - zoom, 0 fits all again: the range and the spans listed follow', () => {
    const { entries } = traffic();
    render(<Harness entries={entries} onSelect={() => undefined} />);
    const chart = screen.getByRole('group', { name: /Timeline chart/ });
    const [from, to] = bounds();
    fireEvent.keyDown(chart, { key: '+' });
    const [zFrom, zTo] = bounds();
    expect(zTo - zFrom).toBeCloseTo((to - from) / 2, 6);
    fireEvent.keyDown(chart, { key: '+' });
    fireEvent.keyDown(chart, { key: '+' });
    // An eighth of the five seconds, around the middle: none of the four calls is in view.
    expect(screen.getByText(/Spans in view as a table \(0\)/)).toBeInTheDocument();
    const [pFrom] = bounds();
    fireEvent.keyDown(chart, { key: 'ArrowRight' });
    expect(bounds()[0]).toBeGreaterThan(pFrom);
    for (let i = 0; i < 18; i++) fireEvent.keyDown(chart, { key: 'ArrowLeft' });
    // Back at the start, zoomed in: only the first three calls.
    expect(screen.getByText(/Spans in view as a table \(3\)/)).toBeInTheDocument();
    fireEvent.keyDown(chart, { key: '-' });
    expect(bounds()[1] - bounds()[0]).toBeCloseTo((to - from) / 4, 6);
    fireEvent.keyDown(chart, { key: '0' });
    expect(bounds()).toEqual([from, to]);
    expect(screen.getByRole('button', { name: 'Fit all' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('the buttons do the same as the keys', () => {
    const { entries } = traffic();
    render(<Harness entries={entries} onSelect={() => undefined} />);
    const [from, to] = bounds();
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(bounds()[1] - bounds()[0]).toBeCloseTo((to - from) / 2, 6);
    fireEvent.click(screen.getByRole('button', { name: 'Later →' }));
    expect(bounds()[0]).toBeGreaterThan(from);
    fireEvent.click(screen.getByRole('button', { name: 'Fit all' }));
    expect(bounds()).toEqual([from, to]);
  });

  it('a click on a bar selects its entry; a drag pans instead', () => {
    const { entries, late } = traffic();
    const onSelect = vi.fn();
    render(<Harness entries={entries} onSelect={onSelect} />);
    const canvas = screen.getByRole('img', { name: /Timeline of/ });
    const [from, to] = bounds();
    // The late echo: lane 0 of the calls (the first lane starts 36 px down: axis and group label), at its start time.
    const x = ((1000 + 5005 - from) / (to - from)) * 900;
    fireEvent.pointerDown(canvas, { clientX: x, clientY: 40, pointerId: 1 });
    fireEvent.pointerUp(canvas, { clientX: x, clientY: 40, pointerId: 1 });
    expect(onSelect).toHaveBeenCalledWith(late.seq);
    onSelect.mockClear();
    // Hovering a bar says what it was; leaving hides it.
    fireEvent.pointerMove(canvas, { clientX: x, clientY: 40, pointerId: 1 });
    expect(screen.getByRole('tooltip')).toHaveTextContent(/^tools\/call · echo · at \d\d:\d\d:\d\d\.000 · 10 ms · answered$/);
    fireEvent.pointerLeave(canvas);
    expect(screen.queryByRole('tooltip')).toBeNull();
    fireEvent.pointerDown(canvas, { clientX: 400, clientY: 40, pointerId: 1 });
    fireEvent.pointerMove(canvas, { clientX: 300, clientY: 40, pointerId: 1 });
    fireEvent.pointerUp(canvas, { clientX: 300, clientY: 40, pointerId: 1 });
    expect(onSelect).not.toHaveBeenCalled();
    expect(bounds()[0]).toBeGreaterThan(from);
  });
});

describe('the timeline in the Latency section', () => {
  const info: ConnectionInfo = { connectionId: 'c1', label: 'Playground', state: 'connected', transport: 'streamable', url: 'http://127.0.0.1:4100/mcp', warnings: [] };

  it('a span clicked shows its entry selected in the Trace section; back in Latency, the span is the selected one', async () => {
    const fake = installFakePeriscope({
      'connections:list': () => [],
      'remotes:list': () => [makeRemote()],
      'connections:open': () => info,
      'connections:metrics': () => ({ rows: [], total: { method: '(all requests)', count: 0, answered: 0, errors: {}, throughputPerS: 0 }, pending: 0 }),
    });
    stop = startBridge();
    render(<App />);
    fireEvent.click(await screen.findByTestId('connect-button'));
    fireEvent.click(await screen.findByRole('tab', { name: 'Latency' }));
    await screen.findByTestId('latency-view');
    const { entries, echo } = traffic();
    act(() => fake.emit({ type: 'trace', connectionId: 'c1', entries }));
    await waitFor(() => expect(screen.getByTestId('latency-timeline')).toBeInTheDocument(), { timeout: 2000 });
    fireEvent.click(screen.getByText(/Spans in view as a table/));
    fireEvent.click(within(rows()[1]!).getByRole('button', { name: /Show tools\/call · echo/ }));
    expect(screen.getByRole('tab', { name: 'Trace' })).toHaveAttribute('aria-selected', 'true');
    const selectedRow = screen.getAllByTestId('trace-row').find((r) => r.getAttribute('aria-selected') === 'true');
    expect(selectedRow).toBeDefined();
    expect(screen.getByTestId('trace-detail')).toHaveTextContent(`#${echo.seq}`);
    fireEvent.click(screen.getByRole('tab', { name: 'Latency' }));
    await screen.findByTestId('latency-timeline');
    expect(screen.getByTestId('latency-timeline')).toHaveAttribute('data-selected', String(echo.seq));
    expect(screen.getByTestId('timeline-selected')).toHaveTextContent('Selected in the trace: tools/call · echo');
    fireEvent.click(screen.getByText(/Spans in view as a table/));
    expect(rows()[1]).toHaveAttribute('aria-current', 'true');
  });
});
