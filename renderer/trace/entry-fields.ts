import type { Direction, TraceEntry } from '../../shared/model/trace';

/**
 * The columns of one trace row, derived from an entry on demand. Only visible rows are
 * summarised, so this never runs over the whole trace.
 */
export type TraceKind = 'message' | 'http' | 'sse' | 'websocket' | 'stderr' | 'stdout' | 'lifecycle' | 'client-input';

export function traceKind(entry: TraceEntry): TraceKind {
  switch (entry.type) {
    case 'sse-event':
      return 'sse';
    default:
      return entry.type;
  }
}

/** Direction relative to Periscope; entries with no natural direction (lifecycle) have none. */
export function entryDirection(entry: TraceEntry): Direction | undefined {
  switch (entry.type) {
    case 'message':
      return entry.direction;
    case 'http':
      return 'outgoing';
    case 'sse-event':
    case 'stderr':
    case 'stdout':
      return 'incoming';
    case 'websocket':
      if (entry.event === 'frame-out' || entry.event === 'ping' || entry.event === 'upgrade') return 'outgoing';
      if (entry.event === 'frame-in' || entry.event === 'pong') return 'incoming';
      return undefined;
    case 'lifecycle':
      return undefined;
    case 'client-input':
      return 'outgoing';
  }
}

/** A short word for the kind column: "request", "response", "HTTP", "SSE", ... */
export function kindLabel(entry: TraceEntry): string {
  switch (entry.type) {
    case 'message':
      return entry.messageKind;
    case 'http':
      return 'http';
    case 'sse-event':
      return 'sse';
    case 'websocket':
      return `ws ${entry.event}`;
    case 'stderr':
      return 'stderr';
    case 'stdout':
      return 'stdout';
    case 'lifecycle':
      return entry.state;
    case 'client-input':
      return 'answer';
  }
}

/** What the method column shows: the JSON-RPC method, or a short HTTP/WebSocket/lifecycle line. */
export function methodLabel(entry: TraceEntry): string {
  switch (entry.type) {
    case 'message':
      return entry.method ?? (entry.outcome ? `(${entry.outcome})` : '');
    case 'http':
      return `${entry.method} ${shortUrl(entry.url)}${entry.status ? ` → ${entry.status}` : ''}${entry.phase === 'failed' ? ' failed' : ''}`;
    case 'sse-event':
      return entry.event ?? 'message';
    case 'websocket':
      return entry.closeCode !== undefined ? `close ${entry.closeCode}` : entry.url ? shortUrl(entry.url) : '';
    case 'stderr':
    case 'stdout':
      return entry.line;
    case 'lifecycle':
      return entry.text;
    case 'client-input':
      return `${entry.method}: ${entry.outcome} (${entry.answeredBy === 'default' ? 'default answer' : entry.source})`;
  }
}

export function rpcIdLabel(entry: TraceEntry): string {
  return entry.type === 'message' && entry.rpcId !== undefined ? String(entry.rpcId) : '';
}

export function latencyOf(entry: TraceEntry): number | undefined {
  if (entry.type === 'message') return entry.latencyMs;
  if (entry.type === 'http' && entry.timings.done !== undefined) return entry.timings.done - entry.timings.sent;
  return undefined;
}

export function sizeOf(entry: TraceEntry): number | undefined {
  switch (entry.type) {
    case 'message':
    case 'sse-event':
      return entry.size;
    case 'websocket':
      return entry.size;
    case 'http':
      return entry.responseBody !== undefined || entry.requestBody !== undefined
        ? (entry.requestBody?.length ?? 0) + (entry.responseBody?.length ?? 0)
        : undefined;
    default:
      return undefined;
  }
}

/** True for anything a user hunting for failures wants to see. */
export function isErrorEntry(entry: TraceEntry): boolean {
  switch (entry.type) {
    case 'message':
      return entry.messageKind === 'error' || entry.outcome !== undefined || isToolError(entry.message) || (entry.warnings?.length ?? 0) > 0;
    case 'http':
      return entry.phase === 'failed' || entry.error !== undefined || (entry.status ?? 0) >= 400 || (entry.warnings?.length ?? 0) > 0;
    case 'websocket':
      return entry.event === 'error' || (entry.closeCode !== undefined && ![1000, 1005].includes(entry.closeCode));
    case 'stdout':
      return true;
    case 'lifecycle':
      return entry.state === 'error' || entry.state === 'warning' || entry.error !== undefined;
    case 'client-input':
      return entry.outcome === 'error';
    default:
      return false;
  }
}

/** A tools/call result with isError: true is a failure even though JSON-RPC calls it a success. */
function isToolError(message: unknown): boolean {
  if (typeof message !== 'object' || message === null) return false;
  const result = (message as { result?: unknown }).result;
  return typeof result === 'object' && result !== null && (result as { isError?: unknown }).isError === true;
}

function shortUrl(raw: string): string {
  try {
    const url = new URL(raw);
    return `${url.pathname}${url.search}`;
  } catch {
    return raw;
  }
}

export function formatLatency(ms: number | undefined): string {
  if (ms === undefined) return '';
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

export function formatSize(bytes: number | undefined): string {
  if (bytes === undefined) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** hh:mm:ss.mmm in local time: the trace is read by a person at their own clock. */
export function formatTime(wallTime: number): string {
  const d = new Date(wallTime);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}
