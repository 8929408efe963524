import type { AuthDebugArrow, AuthDebugParty } from '../../../shared/model/auth-debug';
import type { HttpEntry } from '../../../shared/model/trace';

/**
 * A request of a step that got no answer at all (nothing listening, no such host, the socket
 * closed, a timeout), or was never sent (an invalid URL; a port on the Fetch standard's list of
 * blocked ports, which undici refuses before connecting). fetch only says "fetch failed"; the
 * recorder already classified the cause in the exchange's `error` (the same words the app uses
 * for a connection that fails), so a step's finding, its stop reason and its diagram arrows are
 * said from that instead.
 */
export type NoAnswer = NonNullable<HttpEntry['error']>;

/**
 * True when the request never left the client: the recorder classifies a URL fetch refuses
 * before connecting (malformed, or a blocked port: diagnostics/blocked-port.ts) as `invalid-url`.
 */
export function notSent(noAnswer: NoAnswer): boolean {
  return noAnswer.kind === 'invalid-url';
}

/** Who a party is in a sentence, for "… did not answer". */
const PARTY_NAME: Record<AuthDebugParty, string> = {
  client: 'The client',
  'user-agent': 'The browser',
  'mcp-server': 'The MCP server',
  'authorization-server': 'The authorization server',
};

/**
 * Thrown by a step's own request code in place of fetch's bare error, so the step's diagram
 * keeps the arrows up to and including the request that got no answer.
 */
export class UnansweredRequest extends Error {
  constructor(
    override readonly cause: unknown,
    /** The step's arrows so far, the last one the request that got no answer (or was not sent). */
    readonly arrows: AuthDebugArrow[],
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'UnansweredRequest';
  }
}

/** The last of these exchanges that ended without any answer, with the cause the recorder classified. */
export function unansweredOf(exchanges: HttpEntry[]): (HttpEntry & { error: NoAnswer }) | undefined {
  return exchanges.findLast((e): e is HttpEntry & { error: NoAnswer } => e.status === undefined && e.error !== undefined);
}

/** Its cause alone (see unansweredOf). */
export function noAnswerOf(exchanges: HttpEntry[]): NoAnswer | undefined {
  return unansweredOf(exchanges)?.error;
}

/** The short words for the diagram's missing answer: "no answer: connection refused". */
export function noAnswerLabel(noAnswer: NoAnswer): string {
  return `no answer: ${shortCause(noAnswer)}`;
}

/**
 * The diagram's arrows for `request` (client to a server) when it got no answer: the request,
 * then the missing answer (`missing: 'no-answer'`, drawn at the client, not as the server's
 * reply); or, never sent, the request alone, marked `not-sent` and saying why ("POST initialize
 * (no token) not sent: port 9 is on the Fetch standard's list of blocked ports").
 */
export function unansweredArrows(request: AuthDebugArrow, noAnswer: NoAnswer): AuthDebugArrow[] {
  if (notSent(noAnswer)) return [{ ...request, label: `${request.label} not sent: ${shortCause(noAnswer)}`, missing: 'not-sent' }];
  return [request, { from: request.to, to: request.from, label: noAnswerLabel(noAnswer), missing: 'no-answer' }];
}

function shortCause({ kind, detail }: NoAnswer): string {
  switch (kind) {
    case 'invalid-url':
      return detail?.port !== undefined ? `port ${String(detail.port)} is on the Fetch standard's list of blocked ports` : 'not a valid URL';
    case 'refused':
      return detail?.code === 'ECONNREFUSED' ? 'connection refused' : 'host unreachable';
    case 'dns':
      return 'host name not found';
    case 'timeout':
      return 'timed out';
    case 'closed':
      return 'connection closed';
    case 'tls':
      return 'TLS failed';
    default:
      return 'request failed';
  }
}

/** The cause and what to try, for a finding, as the app's error notices say them: "Connection refused by …. Try: is the server running? …". */
export function noAnswerWords(noAnswer: NoAnswer): string {
  const message = noAnswer.message.replace(/\.$/, '');
  const hint = noAnswer.hint?.replace(/\.$/, '');
  return hint ? `${message}. Try: ${hint}.` : `${message}.`;
}

/** noAnswerWords after what happened: "no answer: Connection refused by …" or "not sent: Port 9 of … is on the Fetch standard's list of blocked ports …". */
export function noAnswerWhy(noAnswer: NoAnswer): string {
  return `${notSent(noAnswer) ? 'not sent' : 'no answer'}: ${noAnswerWords(noAnswer)}`;
}

/**
 * The stop reason for a step whose request got no answer: who did not answer, and why ("The MCP
 * server did not answer: Connection refused by …"); for a request never sent, that it was not
 * (the server was never asked): "The request to the MCP server was not sent: Port 9 of …".
 */
export function noAnswerStop(party: AuthDebugParty, noAnswer: NoAnswer): string {
  const cause = noAnswer.message.replace(/\.$/, '');
  if (notSent(noAnswer)) return `The request to ${PARTY_NAME[party].replace(/^The /, 'the ')} was not sent: ${cause}.`;
  return `${PARTY_NAME[party]} did not answer: ${cause}.`;
}
