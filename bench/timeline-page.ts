import type { MessageEntry, TraceEntry } from '../shared/model/trace';
import { drawTimeline, timelineLayout } from '../renderer/components/metrics/timeline-canvas';
import { fitRange } from '../renderer/timeline/timeline-range';
import { buildTimeline } from '../renderer/timeline/timeline-spans';

/** The page's document, typed just enough: this file is type-checked with the Node settings (no DOM library). */
const page = globalThis as unknown as {
  document: { createElement(tag: 'canvas'): { width: number; height: number; getContext(kind: '2d'): Parameters<typeof drawTimeline>[0] } };
};

/** One call a millisecond, each 20 to 60 ms long (about 40 in flight at once), as a session file would hold them. */
function makeEntries(count: number): TraceEntry[] {
  const entries: TraceEntry[] = [];
  let seq = 0;
  for (let i = 0; i < count; i++) {
    const method = i % 3 === 0 ? 'tools/list' : 'tools/call';
    const latencyMs = 20 + (i % 41);
    const request: MessageEntry = { seq: ++seq, connectionId: 'bench', wallTime: 1_750_000_000_000 + i, monoTime: i, type: 'message', direction: 'outgoing', messageKind: 'request', rpcId: i, method, size: 60, message: { jsonrpc: '2.0', id: i, method } };
    entries.push(request, { seq: ++seq, connectionId: 'bench', wallTime: 1_750_000_000_000 + i + latencyMs, monoTime: i + latencyMs, type: 'message', direction: 'incoming', messageKind: 'response', rpcId: i, requestSeq: request.seq, latencyMs, method, size: 40, message: { jsonrpc: '2.0', id: i, result: {} } });
  }
  return entries;
}

const THEME = { text: '#1b1f24', muted: '#50575f', grid: '#c9ced6', danger: '#b3261e', accent: '#0b5cad', stream: '#50575f' };

/**
 * In the page: the timeline as the Latency section makes it, from the trace entries in hand to
 * the end of the first draw on a canvas (span model, lanes, layout, drawing every span), timed.
 */
(globalThis as Record<string, unknown>).periscopeTimelineBench = {
  render(count: number): { ms: number; drawn: number } {
    const entries = makeEntries(count);
    const canvas = page.document.createElement('canvas');
    const started = performance.now();
    const model = buildTimeline(entries, count + 100);
    const layout = timelineLayout(model, 1200);
    canvas.width = layout.width;
    canvas.height = layout.height;
    const range = fitRange(model.start, model.end);
    const drawn = drawTimeline(canvas.getContext('2d'), model, range, layout, THEME, (span) => (span.method === 'tools/list' ? '#0b5cad' : '#d4551b'));
    return { ms: performance.now() - started, drawn };
  },
};
