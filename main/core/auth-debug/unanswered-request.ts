import type { AuthDebugArrow, AuthDebugParty } from '../../../shared/model/auth-debug';
import type { HttpEntry } from '../../../shared/model/trace';

/**
 * A request of a step that got no answer at all (nothing listening, no such host, the socket
 * closed, a timeout). fetch only says "fetch failed"; the recorder already classified the cause
 * in the exchange's `error` (the same words the app uses for a connection that fails), so a
 * step's finding, its stop reason and its diagram arrow are said from that instead.
 */
export type NoAnswer = NonNullable<HttpEntry['error']>;

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
    /** The step's arrows so far, the last one the request that was sent. */
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

/** The short words for the diagram's answer arrow: "no answer: connection refused". */
export function noAnswerLabel(noAnswer: NoAnswer): string {
  return `no answer: ${shortCause(noAnswer)}`;
}

function shortCause({ kind, detail }: NoAnswer): string {
  switch (kind) {
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

/** The stop reason for a step whose request got no answer: who did not answer, and why. */
export function noAnswerStop(party: AuthDebugParty, noAnswer: NoAnswer): string {
  return `${PARTY_NAME[party]} did not answer: ${noAnswer.message.replace(/\.$/, '')}.`;
}
