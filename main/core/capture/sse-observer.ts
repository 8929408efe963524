import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { ErrorInfo } from '../../../shared/model/error-info';
import type { SseEventEntry } from '../../../shared/model/trace';
import { monoNow } from './clock';
import type { Redactor } from './redaction';
import { emitSafely, type ExchangeBase } from './http-exchange';
import { ssePayloadLinks } from './sse-payload-links';
import type { TraceBus } from './trace-bus';

export interface EventStreamContext {
  bus: TraceBus;
  redactor: Redactor;
  base: ExchangeBase;
  timings: { sent: number; headers: number };
  /** True when the caller itself aborted the request: the stream then ended normally, not failed. */
  callerAborted: () => boolean;
  describeError: (error: unknown) => ErrorInfo | undefined;
  /** Called once when the stream ends, however it ends. */
  onEnd?: () => void;
}

/**
 * Records an event stream while handing it to the caller: the http entry goes out at headers
 * time, one sse-event entry per event, and a final 'complete' or 'failed' entry when it ends.
 *
 * Not a tee: the caller's stream pulls from the server's, and each chunk is parsed on its way
 * through. So nothing is buffered twice, the parser can never fall behind and stall the SDK,
 * a cancel by the caller reaches the server's stream directly, and every sse-event entry is
 * emitted before the SDK sees (and the traced transport records) the message it carries.
 */
export function observeEventStream(response: Response, ctx: EventStreamContext): Response {
  const { bus, redactor, base, timings } = ctx;
  emitSafely(bus, () => ({ ...base, phase: 'headers', streaming: true, timings }));

  let pendingRetry: number | undefined;
  const links = ssePayloadLinks(bus);
  const emitEvent = (event: Partial<EventSourceMessage>): void => {
    try {
      const data = event.data ?? '';
      const entry: Omit<SseEventEntry, 'seq' | 'connectionId' | 'wallTime' | 'monoTime'> = {
        type: 'sse-event',
        exchangeId: base.exchangeId,
        size: Buffer.byteLength(data, 'utf8'),
        data: redactor.text(data),
      };
      if (event.id !== undefined) entry.eventId = event.id;
      if (event.event !== undefined) entry.event = event.event;
      if (pendingRetry !== undefined) entry.retry = pendingRetry;
      pendingRetry = undefined;
      const recorded = bus.emit(entry);
      // The SDK parses message events (no event name, or "message") into the next message entry.
      if (data !== '' && (event.event === undefined || event.event === 'message')) links.offer(recorded.seq, data);
    } catch {
      // Recording must never disturb the stream.
    }
  };
  const parser = createParser({
    onEvent: emitEvent,
    // The parser reports retry on its own; it belongs to the event of the same block.
    onRetry: (retry) => (pendingRetry = retry),
  });
  const decoder = new TextDecoder();
  const observe = (chunk: Uint8Array): void => {
    try {
      const text = decoder.decode(chunk, { stream: true });
      parser.feed(text);
      // A block that carried only `retry:` dispatches no event: record it on its own.
      if (pendingRetry !== undefined && /\n\r?\n$|\r\r$/.test(text)) emitEvent({});
    } catch {
      // A parse problem is the SDK's to report; the bytes still reach it untouched.
    }
  };

  let finished = false;
  const finish = (error?: unknown): void => {
    if (finished) return;
    finished = true;
    ctx.onEnd?.();
    if (pendingRetry !== undefined) emitEvent({});
    const failed = error !== undefined && !ctx.callerAborted();
    emitSafely(bus, () => ({
      ...base,
      phase: failed ? 'failed' : 'complete',
      streaming: true,
      timings: { ...timings, done: monoNow() },
      ...(failed ? { error: ctx.describeError(error) } : {}),
    }));
  };

  const reader = response.body!.getReader();
  const forCaller = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let result: Awaited<ReturnType<typeof reader.read>>;
      try {
        result = await reader.read();
      } catch (error) {
        finish(error);
        controller.error(error);
        return;
      }
      if (result.done) {
        finish();
        controller.close();
        return;
      }
      observe(result.value);
      controller.enqueue(result.value);
    },
    cancel(reason) {
      finish();
      return reader.cancel(reason);
    },
  });

  const wrapped = new Response(forCaller, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  // The constructor cannot set these; some callers look at them (redirect checks, logging).
  Object.defineProperty(wrapped, 'url', { value: response.url });
  Object.defineProperty(wrapped, 'redirected', { value: response.redirected });
  return wrapped;
}
