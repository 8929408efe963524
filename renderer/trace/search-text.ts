import type { TraceEntry } from '../../shared/model/trace';

/**
 * The lowercase text a search matches against: the method, the payload and, for HTTP, the URL,
 * status, headers and bodies. Computed once per entry and cached by the trace log, because
 * stringifying 100,000 payloads on every keystroke would freeze the window.
 */
export function buildSearchText(entry: TraceEntry): string {
  return rawSearchText(entry);
}

/**
 * Texts up to this size are always searched whole. Bigger ones are too, while the log's budget
 * for big texts lasts (SEARCH_BIG_TEXT_BUDGET); past it, only their first part is searched and
 * the filter bar says how many entries that concerns.
 */
export const SEARCH_TEXT_LIMIT = 1_000_000;
export const SEARCH_BIG_TEXT_BUDGET = 200_000_000;

export function rawSearchText(entry: TraceEntry): string {
  switch (entry.type) {
    case 'message':
      return `${entry.method ?? ''} ${entry.rpcId ?? ''} ${safeStringify(entry.message)} ${entry.warnings?.join(' ') ?? ''}`.toLowerCase();
    case 'http':
      return [
        entry.method,
        entry.url,
        entry.status ?? '',
        entry.statusText ?? '',
        headerText(entry.requestHeaders),
        headerText(entry.responseHeaders),
        entry.requestBody ?? '',
        entry.responseBody ?? '',
        entry.error?.message ?? '',
        entry.warnings?.join(' ') ?? '',
      ]
        .join(' ')
        .toLowerCase();
    case 'sse-event':
      return `${entry.event ?? ''} ${entry.eventId ?? ''} ${entry.data}`.toLowerCase();
    case 'websocket':
      return `${entry.event} ${entry.url ?? ''} ${entry.closeCode ?? ''} ${entry.closeReason ?? ''}`.toLowerCase();
    case 'stderr':
      return entry.line.toLowerCase();
    case 'stdout':
      return `${entry.line} ${entry.warnings?.join(' ') ?? ''}`.toLowerCase();
    case 'lifecycle':
      return `${entry.state} ${entry.text} ${entry.error?.message ?? ''} ${entry.error?.hint ?? ''}`.toLowerCase();
    case 'client-input':
      return `${entry.method} ${entry.outcome} ${entry.source} ${safeStringify(entry.request)} ${safeStringify(entry.answer)}`.toLowerCase();
  }
}

function headerText(headers: Record<string, string> | undefined): string {
  if (!headers) return '';
  let out = '';
  for (const name in headers) out += `${name}: ${headers[name]} `;
  return out;
}

function safeStringify(value: unknown): string {
  if (value === undefined) return '';
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return String(value);
  }
}
