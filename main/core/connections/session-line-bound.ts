import type { TraceEntry } from '../../../shared/model/trace';

/** Room for an entry's fixed fields (seq, times, ids, method, warnings...) in its line. */
const FIELDS_BOUND = 4096;
/** JSON escapes a character in at most 6 bytes (`\u0000`); UTF-8 takes at most 3 per UTF-16 unit. */
const ESCAPED = 6;

/**
 * An upper bound of the bytes an entry's session-file line takes, without serializing it, so
 * the size cap can be enforced the moment an entry is emitted. A message's payload is embedded as
 * JSON (not escaped again): its `size` plus the room redaction may add. Text payloads (SSE data,
 * bodies, stderr) are escaped, so count 6 bytes per character. Small entries of other kinds get a
 * flat bound. Generous on purpose: it only decides when to measure exactly.
 */
export function lineBytesBound(entry: TraceEntry): number {
  switch (entry.type) {
    case 'message':
      // Twice the size: room for redaction ("[redacted]" for a secret) and the envelope's copy of `_meta`.
      return FIELDS_BOUND + (entry.envelope ? 3 : 2) * entry.size;
    case 'sse-event':
      return FIELDS_BOUND + ESCAPED * entry.data.length;
    case 'http':
      return (
        2 * FIELDS_BOUND +
        ESCAPED * ((entry.requestBody?.length ?? 0) + (entry.responseBody?.length ?? 0) + headerChars(entry.requestHeaders) + headerChars(entry.responseHeaders))
      );
    case 'stderr':
      return FIELDS_BOUND + ESCAPED * entry.line.length;
    case 'websocket':
      return FIELDS_BOUND + ESCAPED * (headerChars(entry.requestHeaders) + headerChars(entry.responseHeaders) + (entry.closeReason?.length ?? 0) + (entry.url?.length ?? 0));
    default:
      // Lifecycle and client-input entries are rare: measuring is cheaper than guessing.
      return Number.POSITIVE_INFINITY;
  }
}

function headerChars(headers: Record<string, string> | undefined): number {
  if (!headers) return 0;
  let chars = 0;
  for (const name in headers) chars += name.length + headers[name].length + 6;
  return chars;
}
