import type { ErrorInfo } from '../../../shared/model/error-info';
import { withoutTrailingPlace } from './error-text';

/** A notification's (or response's) POST the server answered with an event stream instead of 202 Accepted. */
export interface StalledAcknowledgement {
  /** The request's URL, as recorded (credentials already redacted). */
  url: string;
  /** What the POST carried, e.g. "notifications/initialized". */
  carried: string;
}

/**
 * A request (or the connect) that timed out while the server held an event stream open on a
 * notification's POST: the client reads that body to its end before it goes on (MCP's Streamable
 * HTTP transport acknowledges a notification with 202 Accepted and no body), so a longer timeout
 * would not help. `protocol`, naming the POST; the timeout is kept in the detail.
 * @param timeout the error as first classified.
 */
export function stalledAcknowledgementError(timeout: ErrorInfo, stalled: StalledAcknowledgement): ErrorInfo {
  return {
    kind: 'protocol',
    message: `The server answered ${stalled.carried} (POST ${stalled.url}) with an event stream instead of 202 Accepted, and the client waits for that stream to end before it goes on: ${withoutTrailingPlace(timeout.message)}`,
    hint: "the server must acknowledge a notification with 202 Accepted and no body (MCP's Streamable HTTP transport); a longer timeout will not help. The trace marks that exchange",
    detail: { stalledPost: { url: stalled.url, carried: stalled.carried }, then: { kind: timeout.kind, message: timeout.message } },
  };
}
