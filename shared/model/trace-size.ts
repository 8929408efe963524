import type { TraceEntry } from './trace';

/**
 * Byte limits on what a trace holds in memory, and how big an entry counts as. Shared by the main
 * process (the connection's buffer) and the renderer (its trace store), so both keep the same
 * promise: memory is bounded by bytes as well as by entries, and the whole payload is in the
 * session file.
 */

/** The most of one entry's payload an in-memory copy keeps (1 MiB); the rest is in the session file. */
export const DEFAULT_ENTRY_CAP_BYTES = 1024 * 1024;

/** The most one connection's in-memory buffer holds (64 MiB); the oldest entries go first. */
export const DEFAULT_CONNECTION_BUDGET_BYTES = 64 * 1024 * 1024;

/** The most one session file may grow to (500 MiB) before recording stops. */
export const DEFAULT_SESSION_FILE_CAP_BYTES = 500 * 1024 * 1024;

/** What an entry without a payload costs: its fields, object headers, the renderer's indexes. */
const ENTRY_OVERHEAD = 256;

/**
 * Approximate bytes an entry holds in memory: its payload (UTF-8 bytes where the entry knows
 * them, otherwise characters) plus a fixed overhead. Cheap: no serialization on the common path
 * (a message knows its size). Used to evict by bytes, never to report exact sizes.
 */
export function entryBytes(entry: TraceEntry): number {
  switch (entry.type) {
    case 'message':
      return ENTRY_OVERHEAD + (entry.truncated ? (entry.truncated.keptBytes ?? 0) : entry.size);
    case 'sse-event':
      return ENTRY_OVERHEAD + entry.data.length;
    case 'http':
      return (
        2 * ENTRY_OVERHEAD +
        (entry.requestBody?.length ?? 0) +
        (entry.responseBody?.length ?? 0) +
        headerChars(entry.requestHeaders) +
        headerChars(entry.responseHeaders)
      );
    case 'websocket':
      return ENTRY_OVERHEAD + headerChars(entry.requestHeaders) + headerChars(entry.responseHeaders) + (entry.closeReason?.length ?? 0);
    case 'stderr':
    case 'stdout':
      return ENTRY_OVERHEAD + (entry.truncated ? (entry.truncated.keptBytes ?? 0) : entry.line.length);
    case 'lifecycle':
      return 2 * ENTRY_OVERHEAD + entry.text.length + (entry.info ? 8 * ENTRY_OVERHEAD : 0) + (entry.error ? 4 * ENTRY_OVERHEAD : 0);
    case 'client-input':
      return 2 * ENTRY_OVERHEAD + (entry.truncated ? (entry.truncated.keptBytes ?? 0) : roughJsonChars(entry.request) + roughJsonChars(entry.answer));
  }
}

/** "512 B", "1.5 KB", "200.0 MB": the unit a person reads at a glance. */
export function describeBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${(bytes / (1024 * 1024 * 1024)).toFixed(2)} GB`;
}

function headerChars(headers: Record<string, string> | undefined): number {
  if (!headers) return 0;
  let chars = 0;
  for (const name in headers) chars += name.length + headers[name].length + 16;
  return chars;
}

/** Client-input entries are rare and small; their JSON length is a fair estimate. */
function roughJsonChars(value: unknown): number {
  if (value === undefined) return 0;
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return ENTRY_OVERHEAD;
  }
}
