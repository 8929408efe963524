import type {
  ClientInputEntry,
  HttpEntry,
  LifecycleEntry,
  MessageEntry,
  SseEventEntry,
  TraceEntry,
  WebSocketEntry,
} from '../../../shared/model/trace';

/**
 * One human line per trace entry, for the CLI's --trace:
 *   +12.345ms → request      #3 tools/call                 412 B
 *   +16.553ms ← response     #3 tools/call       4.21ms    1.2 KB
 *   +16.601ms   http         POST http://127.0.0.1:3000/mcp 200 (12ms)
 * `startMono` is the monoTime the offsets count from (the first entry's time when omitted).
 * Entries are already redacted, so nothing here needs to mask anything.
 */
export function formatTraceLine(entry: TraceEntry, startMono?: number): string {
  const time = formatOffset(entry.monoTime - (startMono ?? entry.monoTime));
  const line = `${time} ${describe(entry)}`.trimEnd();
  // Memory holds a cut copy of a huge or too-deep payload: say so, and where the whole one is.
  const truncated = 'truncated' in entry ? entry.truncated : undefined;
  return truncated ? `${line}\n  ${'truncated'.padEnd(12)} ${truncated.note}` : line;
}

function describe(entry: TraceEntry): string {
  switch (entry.type) {
    case 'message':
      return describeMessage(entry);
    case 'http':
      return describeHttp(entry);
    case 'sse-event':
      return describeSseEvent(entry);
    case 'websocket':
      return describeWebSocket(entry);
    case 'stderr':
      return `  ${'stderr'.padEnd(12)} ${oneLine(entry.line)}`;
    case 'stdout':
      return `  ${'stdout'.padEnd(12)} ${oneLine(entry.line)} (not JSON-RPC)`;
    case 'lifecycle':
      return describeLifecycle(entry);
    case 'client-input':
      return describeClientInput(entry);
  }
}

function describeMessage(e: MessageEntry): string {
  const arrow = e.direction === 'outgoing' ? '→' : '←';
  const id = e.rpcId !== undefined ? `#${e.rpcId}` : '';
  let what = e.method ?? '';
  if (e.messageKind === 'error') {
    const error = (e.message as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    if (error) what = `${what} ${String(error.code ?? '')} ${oneLine(String(error.message ?? ''), 60)}`.trim();
  }
  if (e.outcome) {
    const target = e.endsRequestSeq !== undefined ? ` (ends seq ${e.endsRequestSeq})` : '';
    what = `${what} ${e.outcome}${target}`;
  }
  if (e.resultType && e.resultType !== 'complete') what = `${what} ${e.resultType}`;
  if (e.call && e.call.round > 1) what = `${what} (round ${e.call.round})`;
  const latency = e.latencyMs !== undefined ? formatMs(e.latencyMs) : '';
  const line = `${arrow} ${e.messageKind.padEnd(12)} ${id.padEnd(5)} ${what.padEnd(28)} ${latency.padStart(9)} ${formatBytes(e.size).padStart(8)}`;
  return withWarnings(line, e.warnings);
}

/** Who answered a server's question, in one line: "← elicitation/create accept by the user". */
function describeClientInput(e: ClientInputEntry): string {
  const who = e.answeredBy === 'default' ? 'by default' : `by ${e.source}`;
  return `? ${'input'.padEnd(12)} ${e.method} ${e.outcome} ${who}`;
}

function withWarnings(line: string, warnings: string[] | undefined): string {
  return warnings?.length ? `${line}\n${warnings.map((w) => `  ${'warning'.padEnd(12)} ${oneLine(w, 160)}`).join('\n')}` : line;
}

/** Who ended an event stream, as the line says it (files written before `endedBy` say only that it closed). */
const STREAM_END = { server: 'stream ended by the server', client: 'stream closed by Periscope', unknown: 'stream closed' } as const;

function describeHttp(e: HttpEntry): string {
  const head = `  ${'http'.padEnd(12)} ${e.method} ${e.url}`;
  if (e.phase === 'failed') {
    const status = e.status !== undefined ? ` ${e.status}` : '';
    return `${head}${status} failed: ${oneLine(e.error?.message ?? 'unknown error', 100)}`;
  }
  const status = `${e.status ?? ''}${e.statusText ? ` ${e.statusText}` : ''}`;
  if (e.phase === 'headers') return `${head} ${status} stream open (${formatMs(elapsed(e.timings.sent, e.timings.headers))})`;
  const took = formatMs(elapsed(e.timings.sent, e.timings.done ?? e.timings.headers));
  const stream = e.streaming ? ` ${STREAM_END[e.endedBy ?? 'unknown']}` : '';
  const body = e.responseBody !== undefined ? ` ${formatBytes(Buffer.byteLength(e.responseBody))}${e.bodyTruncated ? '+' : ''}` : '';
  return withWarnings(`${head} ${status}${stream} (${took})${body}`, e.warnings);
}

function describeSseEvent(e: SseEventEntry): string {
  const parts = [e.event ?? 'message'];
  if (e.eventId !== undefined) parts.push(`id=${e.eventId}`);
  if (e.retry !== undefined) parts.push(`retry=${e.retry}`);
  return `  ${'sse-event'.padEnd(12)} ${parts.join(' ').padEnd(34)} ${''.padStart(9)} ${formatBytes(e.size).padStart(8)}`;
}

function describeWebSocket(e: WebSocketEntry): string {
  const arrow = e.event === 'frame-out' ? '→' : e.event === 'frame-in' ? '←' : ' ';
  const label = `ws ${e.event}`.padEnd(12);
  switch (e.event) {
    case 'upgrade':
      return `${arrow} ${label} ${e.url ?? ''} ${e.status ?? ''}`.trimEnd();
    case 'open':
      return `${arrow} ${label} ${e.url ?? ''}${e.protocol ? ` (subprotocol ${e.protocol})` : ''}`;
    case 'close':
      return `${arrow} ${label} code ${e.closeCode ?? '?'}${e.closeReason ? ` ${oneLine(e.closeReason, 80)}` : ''}`;
    default:
      return `${arrow} ${label} ${''.padEnd(34)} ${''.padStart(9)} ${e.size !== undefined ? formatBytes(e.size).padStart(8) : ''}`;
  }
}

function describeLifecycle(e: LifecycleEntry): string {
  const text = e.error ? `${e.text}: ${e.error.message}` : e.text;
  return `● ${e.state.padEnd(12)} ${oneLine(text, 160)}`;
}

function elapsed(from: number, to: number | undefined): number | undefined {
  return to === undefined ? undefined : to - from;
}

/** `+12.345ms` below a second, `+1.234s` below a minute, `+2m03.456s` beyond: always sortable by eye. */
export function formatOffset(ms: number): string {
  if (ms < 1000) return `+${ms.toFixed(3)}ms`;
  if (ms < 60_000) return `+${(ms / 1000).toFixed(3)}s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = ((ms % 60_000) / 1000).toFixed(3).padStart(6, '0');
  return `+${minutes}m${seconds}s`;
}

/** Sub-millisecond precision where it matters (fast local calls), whole numbers where it does not. */
export function formatMs(ms: number | undefined): string {
  if (ms === undefined) return '?';
  if (ms < 10) return `${ms.toFixed(2)}ms`;
  if (ms < 1000) return `${Math.round(ms)}ms`;
  return `${(ms / 1000).toFixed(2)}s`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function oneLine(text: string, max = 200): string {
  const flat = text.replace(/\s*[\r\n]+\s*/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
