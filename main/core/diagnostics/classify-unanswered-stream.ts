import type { ErrorInfo } from '../../../shared/model/error-info';
import { withoutTrailingPlace } from './error-text';

/** A POST whose answer was an event stream that ended without the JSON-RPC response. */
export interface UnansweredStream {
  /** The request's URL, as recorded (credentials already redacted). */
  url: string;
  /** True when the stream's events carried ids, so the client could try to resume it. */
  eventIds: boolean;
  /** Why the stream broke off, when it did not end cleanly (a dropped connection), as recorded. */
  broke?: string;
}

/**
 * A request the server can no longer answer: it ended (or dropped) the event stream carrying the
 * answer before sending the response. "The server is slow" would send the user the wrong way:
 * `closed`, naming the stream. The request fails as soon as the stream ends for good (see
 * capture/unanswered-stream.ts); when it timed out first (a version negotiation probe, or a
 * transport that does not report its streams' end), the timeout is kept in the detail.
 * @param stream the last such stream seen during the operation.
 * @param timeout the error as first classified, when the request timed out.
 */
export function unansweredStreamError(stream: UnansweredStream, timeout?: ErrorInfo): ErrorInfo {
  const resume = stream.eventIds ? '; resuming it with Last-Event-ID brought no answer either' : ', and its events had no ids to resume it from';
  const ended = stream.broke === undefined ? `The server ended the event stream answering POST ${stream.url} without sending the response` : `The event stream answering POST ${stream.url} broke off (${stream.broke}) before the response came`;
  return {
    kind: 'closed',
    message: `${ended}${resume}`,
    hint: 'the server must send the JSON-RPC response on that stream before ending it (or give its events ids so the client can resume); look at the stream in the trace',
    detail: {
      stream: { url: stream.url, eventIds: stream.eventIds, ...(stream.broke === undefined ? {} : { broke: stream.broke }) },
      ...(timeout ? { then: { kind: timeout.kind, message: timeout.message } } : {}),
    },
  };
}

/**
 * A request that timed out while its stream was being resumed: the server ended the stream
 * carrying the answer, gave its events ids, and the client was still resuming it (a GET with
 * `Last-Event-ID`) when the time ran out. The server might yet have answered, so it stays a
 * `timeout`; the message says where the answer was awaited.
 */
export function resumedStreamTimeout(timeout: ErrorInfo, stream: UnansweredStream): ErrorInfo {
  return {
    ...timeout,
    // The timeout's own "(URL)" goes: the stream's URL follows.
    message: `${withoutTrailingPlace(timeout.message)}: the event stream answering POST ${stream.url} ended without the response, and resuming it with Last-Event-ID brought none before the timeout`,
    hint: 'the server must send the JSON-RPC response on that stream, or on the stream resumed from its last event id; if it is just slow, give the request a longer timeout. The trace shows each resumption',
    detail: { ...timeout.detail, stream: { url: stream.url, eventIds: stream.eventIds } },
  };
}
