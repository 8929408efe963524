import type { HttpEntry } from '../../../shared/model/trace';
import { toErrorInfo } from '../diagnostics/classify-error';
import type { Redactor } from './redaction';
import type { TraceBus } from './trace-bus';

/** The fields every http entry of one exchange shares. */
export type ExchangeBase = Pick<
  HttpEntry,
  'type' | 'exchangeId' | 'method' | 'url' | 'requestHeaders' | 'requestBody' | 'messageSeq' | 'status' | 'statusText' | 'responseHeaders' | 'warnings'
>;

/** Cuts text to at most `cap` UTF-8 bytes (after redaction, so a secret is never cut in half and half shown). */
export function capText(text: string, cap: number): { text: string; truncated: boolean } {
  // Every UTF-16 unit is at most 3 UTF-8 bytes: most bodies skip the byte count entirely.
  if (text.length * 3 <= cap || Buffer.byteLength(text, 'utf8') <= cap) return { text, truncated: false };
  return { text: Buffer.from(text, 'utf8').subarray(0, cap).toString('utf8'), truncated: true };
}

/** Emits one http entry; building or emitting it can never throw into the caller's request. */
export function emitSafely(bus: TraceBus, build: () => Omit<HttpEntry, 'seq' | 'connectionId' | 'wallTime' | 'monoTime'> & Partial<Pick<HttpEntry, 'wallTime' | 'monoTime'>>): void {
  try {
    bus.emit(build());
  } catch {
    // A recording failure must never surface in the caller's request.
  }
}

/**
 * A failure of this exchange in words. `callerSignal`: the signal the client gave the fetch; once
 * aborted, the client itself stopped the exchange (closed, cancelled), which is no timeout, at
 * whatever point it failed. The response's Content-Encoding names a body that did not decode.
 */
export function redactedErrorInfo(
  redactor: Redactor,
  error: unknown,
  url: string,
  options: { callerSignal?: AbortSignal | null; responseHeaders?: Headers } = {},
): HttpEntry['error'] {
  const contentEncoding = options.responseHeaders?.get('content-encoding') ?? undefined;
  const abandoned = options.callerSignal?.aborted === true;
  const context = { url, ...(abandoned ? { phase: 'request' as const } : {}), ...(contentEncoding ? { contentEncoding } : {}) };
  return redactor.errorInfo(toErrorInfo(error, context));
}
