import type { ErrorInfo } from '../../../shared/model/error-info';

/** A POST whose answer was an event stream that ended without the JSON-RPC response. */
export interface UnansweredStream {
  /** The request's URL, as recorded (credentials already redacted). */
  url: string;
  /** True when the stream's events carried ids, so the client could try to resume it. */
  eventIds: boolean;
}

/**
 * A request that timed out because the server ended the event stream carrying its answer before
 * sending the response. Nothing could answer it after that, so "the server is slow" would send
 * the user the wrong way: `closed`, naming the stream, with the timeout kept in the detail.
 * @param timeout the timeout as first classified.
 * @param stream the last such stream seen during the operation.
 */
export function unansweredStreamError(timeout: ErrorInfo, stream: UnansweredStream): ErrorInfo {
  const resume = stream.eventIds ? '; resuming it with Last-Event-ID brought no answer either' : ', and its events had no ids to resume it from';
  return {
    kind: 'closed',
    message: `The server ended the event stream answering POST ${stream.url} without sending the response${resume}`,
    hint: 'the server must send the JSON-RPC response on that stream before ending it (or give its events ids so the client can resume); look at the stream in the trace',
    detail: { stream: { url: stream.url, eventIds: stream.eventIds }, then: { kind: timeout.kind, message: timeout.message } },
  };
}
