import { createParser, type EventSourceMessage, type EventSourceParser } from 'eventsource-parser';
import type { SseEventEntry } from '../../../shared/model/trace';
import { AnswerTooLargeError, DEFAULT_MAX_ANSWER_BYTES } from './answer-limit';
import { monoNow } from './clock';
import type { Redactor } from './redaction';
import { emitSafely, redactedErrorInfo, type ExchangeBase } from './http-exchange';
import { ssePayloadLinks, type SsePayloadLinks } from './sse-payload-links';
import { streamedResponse } from './streamed-response';
import type { TraceBus } from './trace-bus';

export interface EventStreamContext {
  bus: TraceBus;
  redactor: Redactor;
  base: ExchangeBase;
  timings: { sent: number; headers: number };
  /** The URL as requested (for a failure's words; redacted there). */
  rawUrl: string;
  /** The caller's own signal: aborted, the stream then ended normally, not failed. */
  callerSignal?: AbortSignal | null;
  /** Told once when the stream ends, however it ends. */
  exchange?: { release(): void };
  /** The most the stream may send without ending an event (answer-limit.ts); past it the stream fails. */
  answerLimit?: number;
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
  emitSafely(ctx.bus, () => ({ ...ctx.base, phase: 'headers', streaming: true, timings: ctx.timings }));
  const observer = new EventStreamObserver(response, ctx);
  return streamedResponse(response, new ReadableStream<Uint8Array>(observer));
}

const CR = 0x0d;
/** A line ending followed by another: the empty line that ends an event stream block. */
const BLANK_LINE = /(?:\r\n|\r(?!\n)|\n)(?:\r\n|\r|\n)/g;
/**
 * LF, added after a stream's final CR. An event stream's lines may end with CR alone
 * (HTML Living Standard, "Server-sent events", parsing an event stream), but the event stream
 * parser (ours and the SDK's, eventsource-parser) holds a CR back to see whether an LF follows,
 * and at the end of the stream it never learns: the last event of a CR-only stream, often the
 * response, was lost. CR LF is the same one line ending as CR, so the stream means the same.
 */
const LF = 0x0a;

/**
 * The caller's stream's underlying source (pull, cancel) and the parser's listener in one
 * object: one is made per response stream, and its methods are made once, where closures would
 * be made (and, in the bundled CLI, named) for every response.
 */
class EventStreamObserver {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly parser: EventSourceParser;
  private readonly decoder = new TextDecoder();
  private readonly links: SsePayloadLinks;
  private pendingRetry: number | undefined;
  private finished = false;
  /** The last byte so far was a CR (see LF). */
  private endsWithCr = false;
  /** Bytes since the last event ended: what the parsers (ours and the SDK's) may be holding. */
  private sinceEvent = 0;

  constructor(
    private readonly response: Response,
    private readonly ctx: EventStreamContext,
  ) {
    this.reader = response.body!.getReader();
    this.links = ssePayloadLinks(ctx.bus);
    this.parser = createParser({
      onEvent: this.emitEvent.bind(this),
      // The parser reports retry on its own; it belongs to the event of the same block.
      onRetry: this.noteRetry.bind(this),
    });
  }

  async pull(controller: ReadableStreamDefaultController<Uint8Array>): Promise<void> {
    let result: Awaited<ReturnType<typeof this.reader.read>>;
    try {
      result = await this.reader.read();
    } catch (error) {
      this.finish('read-failed', error);
      controller.error(error);
      return;
    }
    if (result.done) {
      if (this.endsWithCr) {
        // A new array each time: the caller may take (transfer) what it is given.
        const lf = Uint8Array.of(LF);
        this.observe(lf);
        controller.enqueue(lf);
      }
      this.finish('server');
      controller.close();
      return;
    }
    const chunk = result.value;
    if (chunk.byteLength > 0) this.endsWithCr = chunk[chunk.byteLength - 1] === CR;
    this.sinceEvent += chunk.byteLength;
    this.observe(chunk);
    const limit = this.ctx.answerLimit ?? DEFAULT_MAX_ANSWER_BYTES;
    if (this.sinceEvent > limit) {
      // An event (or a line) that never ends would fill memory until the process dies.
      const error = new AnswerTooLargeError(limit, 'event');
      this.reader.cancel(error).catch(() => undefined);
      this.finish('read-failed', error);
      controller.error(error);
      return;
    }
    controller.enqueue(chunk);
  }

  cancel(reason: unknown): Promise<void> {
    this.finish('client');
    return this.reader.cancel(reason);
  }

  private observe(chunk: Uint8Array): void {
    try {
      const text = this.decoder.decode(chunk, { stream: true });
      // A block that carried only `retry:` dispatches no event: it is recorded on its own once its
      // blank line has gone through, so a chunk that mentions retry is fed block by block (else
      // the retry would be pinned on the next block's event).
      if (!text.includes('retry:')) return this.feed(text);
      let from = 0;
      for (const end of text.matchAll(BLANK_LINE)) {
        this.feed(text.slice(from, end.index + end[0].length));
        from = end.index + end[0].length;
      }
      if (from < text.length) this.feed(text.slice(from));
    } catch {
      // A parse problem is the SDK's to report; the bytes still reach it untouched.
    }
  }

  /** Feeds the parser; a retry-only block that ends here is recorded. */
  private feed(text: string): void {
    this.parser.feed(text);
    if (this.pendingRetry !== undefined && /\n\r?\n$|\r\r$/.test(text)) this.emitEvent({});
  }

  private noteRetry(retry: number): void {
    this.pendingRetry = retry;
  }

  /** One sse-event entry. Its data is redacted by the bus, like every string of every entry. */
  private emitEvent(event: Partial<EventSourceMessage>): void {
    this.sinceEvent = 0;
    try {
      const data = event.data ?? '';
      const entry: Omit<SseEventEntry, 'seq' | 'connectionId' | 'wallTime' | 'monoTime'> = {
        type: 'sse-event',
        exchangeId: this.ctx.base.exchangeId,
        size: Buffer.byteLength(data, 'utf8'),
        data,
      };
      if (event.id !== undefined) entry.eventId = event.id;
      if (event.event !== undefined) entry.event = event.event;
      if (this.pendingRetry !== undefined) entry.retry = this.pendingRetry;
      this.pendingRetry = undefined;
      const recorded = this.ctx.bus.emit(entry);
      // The SDK parses message events (no event name, or "message") into the next message entry.
      if (data !== '' && (event.event === undefined || event.event === 'message')) this.links.offer(recorded.seq, data);
    } catch {
      // Recording must never disturb the stream.
    }
  }

  /**
   * The stream's last entry. `how`: the server ended the body, the caller cancelled its stream,
   * or a read failed; a read that failed because the caller aborted the request is the caller's
   * end, not a failure.
   */
  private finish(how: 'server' | 'client' | 'read-failed', error?: unknown): void {
    if (this.finished) return;
    this.finished = true;
    const { bus, base, timings, redactor, rawUrl } = this.ctx;
    this.ctx.exchange?.release();
    if (this.pendingRetry !== undefined) this.emitEvent({});
    const endedBy = how === 'read-failed' ? (this.ctx.callerSignal?.aborted === true ? 'client' : undefined) : how;
    const headers = this.response.headers;
    emitSafely(bus, () => ({
      ...base,
      phase: endedBy === undefined ? 'failed' : 'complete',
      streaming: true,
      ...(endedBy ? { endedBy } : {}),
      timings: { ...timings, done: monoNow() },
      ...(endedBy === undefined ? { error: redactedErrorInfo(redactor, error, rawUrl, { responseHeaders: headers }) } : {}),
    }));
  }
}
