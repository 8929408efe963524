import type { TraceEntry } from '../../shared/model/trace';

/**
 * The lowercase text a search matches against: the method, the payload and, for HTTP, the URL,
 * status, headers and bodies. Computed once per entry and cached by the trace store, because
 * stringifying 100,000 payloads on every keystroke would freeze the window.
 */
export function buildSearchText(entry: TraceEntry): string {
  const text = rawSearchText(entry);
  // A multi-megabyte payload would otherwise be kept twice (entry + search copy) for the session.
  return text.length > SEARCH_TEXT_LIMIT ? text.slice(0, SEARCH_TEXT_LIMIT) : text;
}

/** Search covers the first megabyte of an entry's text. */
export const SEARCH_TEXT_LIMIT = 1_000_000;

function rawSearchText(entry: TraceEntry): string {
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
