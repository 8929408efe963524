import { isObject } from './envelope';

/**
 * A notification or a response POSTed to the server is acknowledged with 202 Accepted and no body
 * (MCP 2025-11-25 "Transports › Streamable HTTP › Sending messages to the server", step 4; the
 * same in 2026-07-28). A server that answers one with 200 and a body, an event stream above all,
 * stalls the client: the SDK reads that body to its end before it goes on (a connect waits on its
 * notifications/initialized). The trace says so on the exchange, when it happens.
 */

/** What an exchange's body carried, when it was a notification or a response (keyed by the exchange's entry). */
const carried = new WeakMap<object, string>();

/** Remembers that the exchange `base` carries `message`, when that is a notification or a response. */
export function noteCarriedMessage(base: object, message: unknown): void {
  if (!isObject(message)) return;
  if (typeof message.method === 'string' && message.id === undefined) carried.set(base, `a notification (${message.method})`);
  else if (message.method === undefined && message.id !== undefined) carried.set(base, 'a response');
}

/** A warning when such an exchange got a success other than 202 (an error status speaks for itself). */
export function acknowledgementWarnings(base: object, status: number, contentType: string): string[] {
  const what = carried.get(base);
  if (what === undefined || status === 202 || status < 200 || status >= 300) return [];
  const answer = `The server answered ${what} with HTTP ${status}`;
  const rule = "where MCP's Streamable HTTP transport acknowledges it with 202 Accepted and no body";
  if (!contentType) return [`${answer}, ${rule}`];
  const stream = /event-stream/i.test(contentType) ? ' (an event stream holds it until the server ends the stream)' : '';
  return [`${answer} and a body (${contentType.split(';')[0]!.trim()}), ${rule}. The client reads this body to its end before it goes on${stream}`];
}
