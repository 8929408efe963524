import { noteFailedRequest } from '../diagnostics/failed-request';
import { bodyWithin, DEFAULT_MAX_ANSWER_BYTES, readBodyWithin } from './answer-limit';
import { monoNow } from './clock';
import type { Redactor } from './redaction';
import { bufferedResponse } from './buffered-response';
import { TextDecoder } from 'node:util';
import { decoderFor } from './declared-charset';
import { describeRequest, describeResponse, requestBodyOf } from './exchange-description';
import { capText, emitSafely, redactedErrorInfo, type ExchangeBase } from './http-exchange';
import { postBodyLinks } from './post-body-links';
import { SharedSignalFollower } from './request-signal';
import { observeEventStream } from './sse-observer';
import type { TraceBus } from './trace-bus';

export const DEFAULT_BODY_CAP_BYTES = 64 * 1024;
/** Stateless decodes (no `stream` option), so one decoder serves every exchange. */
const UTF8 = new TextDecoder();
const REDACTION_MARGIN_BYTES = 4096;

export interface RecordingFetchOptions {
  baseFetch?: typeof fetch;
  bodyCapBytes?: number;
  /** The most read of one answer (a body, or an event stream between events): DEFAULT_MAX_ANSWER_BYTES. */
  maxAnswerBytes?: number;
}

let exchangeCounter = 0;

/**
 * A fetch for the SDK transports' `fetch` option that records every HTTP exchange on the bus:
 * request and response headers (redacted), status, timings, the body where it is not a stream,
 * and each server-sent event as it arrives. What the SDK gets is the server's answer unchanged
 * (but for an LF after an event stream's final CR, which means the same: see sse-observer.ts),
 * and a network failure reaches it as the very same error, so the SDK behaves as without us.
 */
export function createRecordingFetch(bus: TraceBus, redactor: Redactor, opts: RecordingFetchOptions = {}): typeof fetch {
  const baseFetch = opts.baseFetch ?? globalThis.fetch;
  const bodyCap = opts.bodyCapBytes ?? DEFAULT_BODY_CAP_BYTES;
  const answerLimit = opts.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES;
  const links = postBodyLinks(bus);
  const signals = new SharedSignalFollower();

  const recordingFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const exchangeId = `${bus.connectionId}:http:${++exchangeCounter}`;
    const rawUrl = input instanceof Request ? input.url : String(input);
    const body = requestBodyOf(input, init, links);
    // Described once the request is on its way (see LaterWork), or when an answer or a failure
    // comes first: settle() runs what is queued in order, this description included.
    let described: ExchangeBase | undefined;
    const describe = (): ExchangeBase => (described ??= describeRequest(exchangeId, rawUrl, input, init, body, redactor, bodyCap));
    bus.later(describe);

    const sent = monoNow();
    const follow = signals.follow(init?.signal);
    let response: Response;
    try {
      response = await baseFetch(input, follow.signal ? { ...init, signal: follow.signal } : init);
    } catch (error) {
      bus.settle();
      const base = describe();
      follow.release();
      noteFailedRequest(error, base.url);
      emitSafely(bus, () => ({
        ...base,
        phase: 'failed',
        timings: { sent, done: monoNow() },
        error: redactedErrorInfo(redactor, error, rawUrl, { callerSignal: init?.signal }),
      }));
      throw error;
    }
    const headersAt = monoNow();
    const recording = (): ExchangeRecording => ({ bus, redactor, timings: { sent, headers: headersAt }, rawUrl, responseHeaders: response.headers, exchange: follow, callerSignal: init?.signal });
    try {
      // Before anyone sees the answer, the redactor learns what the exchange carries (a token in a
      // request header, a Set-Cookie): the answer must be masked with it. Describing the request
      // teaches it (settle() runs the queued description in order); the response head is learned
      // here, and described now or, for a JSON answer, with its entry.
      bus.settle();
      describe();
      const contentType = response.headers.get('content-type') ?? '';
      const describeWhole = (): ExchangeBase => describeResponse(describe(), response, contentType, redactor);
      if (response.body && response.ok && /^\s*application\/json/i.test(contentType)) {
        redactor.learnFromHeaders(response.headers);
        return await bufferJsonBody(recording(), response, describeWhole, { cap: bodyCap, answerLimit });
      }
      const base = describeWhole();
      if (response.body && /^\s*text\/event-stream/i.test(contentType)) {
        return observeEventStream(response, { bus, redactor, base, timings: { sent, headers: headersAt }, rawUrl, callerSignal: init?.signal, exchange: follow, answerLimit });
      }
      recordBody(recording(), response.body ? response.clone() : undefined, base, { cap: bodyCap, decoder: decoderFor(contentType) });
      // The caller reads the body itself (an error page, another type): it too stops at the limit.
      const headers = response.headers;
      return bodyWithin(response, answerLimit, (error) =>
        emitSafely(bus, () => ({
          ...base,
          phase: 'failed',
          timings: { sent, headers: headersAt, done: monoNow() },
          error: redactedErrorInfo(redactor, error, rawUrl, { responseHeaders: headers, callerSignal: init?.signal }),
        })),
      );
    } catch {
      // Recording must never cost the caller its response.
      follow.release();
    }
    return response;
  };
  return recordingFetch as typeof fetch;
}

/** What recording an answered exchange's body needs, whichever way the body is read. */
interface ExchangeRecording {
  bus: TraceBus;
  redactor: Redactor;
  timings: { sent: number; headers: number };
  /** The URL as the caller gave it, for a failure's words. */
  rawUrl: string;
  responseHeaders: Headers;
  /** Told once the body has been read to its end (or failed): the exchange is over. */
  exchange: { release(): void };
  /** The caller's signal, for a failure's words (redactedErrorInfo): its own stop is no timeout. */
  callerSignal: AbortSignal | null | undefined;
}

/**
 * Reads a clone of a non-stream body in the background, up to the cap, then emits the complete
 * exchange. A clone, so the SDK reads (or cancels) its own copy undisturbed; past the cap our
 * copy is cancelled, so a huge body is never held twice.
 */
function recordBody(
  { bus, redactor, timings, rawUrl, responseHeaders, exchange, callerSignal }: ExchangeRecording,
  copy: Response | undefined,
  base: ExchangeBase,
  /** `decoder`: for the charset the response declares (an error page in Latin-1 reads as such). */
  { cap, decoder }: { cap: number; decoder: TextDecoder },
): void {
  if (!copy?.body) {
    exchange.release();
    emitSafely(bus, () => ({ ...base, phase: 'complete', timings: { ...timings, done: timings.headers } }));
    return;
  }
  // Read a little past the cap: redaction runs before the final cut, so a secret straddling
  // the cap is masked whole instead of leaving its first half visible.
  const readLimit = cap + REDACTION_MARGIN_BYTES;
  const reader = copy.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  let truncated = false;
  const finish = (error?: unknown): void => {
    exchange.release();
    const done = monoNow();
    const capped = capText(redactor.body(decoder.decode(Buffer.concat(chunks))), cap);
    if (capped.truncated) truncated = true;
    emitSafely(bus, () => ({
      ...base,
      phase: error === undefined ? 'complete' : 'failed',
      responseBody: capped.text,
      ...(truncated ? { bodyTruncated: true } : {}),
      timings: { ...timings, done },
      ...(error === undefined ? {} : { error: redactedErrorInfo(redactor, error, rawUrl, { responseHeaders, callerSignal }) }),
    }));
  };
  const pump = async (): Promise<void> => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      const room = readLimit - bytes;
      if (value.byteLength > room) {
        chunks.push(value.subarray(0, room));
        truncated = true;
        // Not awaited: cancelling one branch of a tee settles only once the other branch (the
        // caller's) ends, and a body that never ends would keep the exchange unrecorded.
        reader.cancel().catch(() => undefined);
        return;
      }
      chunks.push(value);
      bytes += value.byteLength;
    }
  };
  pump().then(
    () => finish(),
    (error: unknown) => finish(error),
  );
}

/**
 * A successful JSON answer is read whole here and handed to the SDK as the same Response with its
 * body served from the bytes (buffered-response.ts). The SDK reads such a body whole anyway
 * (`response.json()`), so it waits no longer, and this skips the tee of `clone()` (two more web
 * streams and a second reader per request: the largest share of capture's cost per round trip).
 * A body that fails mid-way reaches the SDK as a body that fails with the same error.
 */
async function bufferJsonBody(
  { bus, redactor, timings, rawUrl, responseHeaders, exchange, callerSignal }: ExchangeRecording,
  response: Response,
  /** The entry's request and response head (exchange-description.ts), made once, when the entry is. */
  describe: () => ExchangeBase,
  { cap, answerLimit }: { cap: number; answerLimit: number },
): Promise<Response> {
  const init = { status: response.status, statusText: response.statusText, headers: response.headers };
  let bytes: Uint8Array;
  try {
    bytes = await readBodyWithin(response, answerLimit);
  } catch (error) {
    exchange.release();
    const done = monoNow();
    emitSafely(bus, () => ({
      ...describe(),
      phase: 'failed',
      timings: { ...timings, done },
      error: redactedErrorInfo(redactor, error, rawUrl, { responseHeaders, callerSignal }),
    }));
    return new Response(new ReadableStream({ start: (controller) => controller.error(error) }), init);
  }
  exchange.release();
  let decoded: string | undefined;
  try {
    const done = monoNow();
    const wallTime = Date.now();
    // As in recordBody: a little past the cap, so redaction runs before the cut.
    const readLimit = cap + REDACTION_MARGIN_BYTES;
    const head = bytes.byteLength > readLimit ? bytes.subarray(0, readLimit) : bytes;
    const headText = UTF8.decode(head);
    if (head === bytes) decoded = headText;
    // Learned now: a credential field in the answer (an OAuth token in a tool's result) must be
    // masked in its message entry and in the result the caller gets, which come before the entry.
    redactor.learnFromBody(headText);
    // The entry waits until the SDK has its answer (see LaterWork); it keeps the time it was done.
    bus.later(() => {
      const capped = capText(redactor.text(headText), cap);
      emitSafely(bus, () => ({
        ...describe(),
        phase: 'complete',
        responseBody: capped.text,
        ...(capped.truncated || head !== bytes ? { bodyTruncated: true } : {}),
        timings: { ...timings, done },
        monoTime: done,
        wallTime,
      }));
    });
  } catch {
    // Recording must never cost the caller its response.
  }
  return bufferedResponse(response, bytes, decoded);
}
