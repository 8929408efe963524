import { connect } from 'node:net';
import type { ConnectionState, TransportKind } from '../../../shared/model/connection';
import type { ErrorInfo } from '../../../shared/model/error-info';

/** The SDK's words when a dropped event stream could not be reopened (Streamable HTTP). */
export const STREAM_GAVE_UP = /Maximum reconnection attempts/i;

/**
 * A request failure that means the server is gone, not that one request went wrong: nothing
 * listens any more, the name no longer resolves, or a socket/process transport closed. (A closed
 * HTTP request alone is not enough: a keep-alive socket can close under one request.)
 */
export function serverGone(info: ErrorInfo, transport: TransportKind | undefined): boolean {
  if (info.kind === 'refused' || info.kind === 'dns') return true;
  return info.kind === 'closed' && (transport === 'websocket' || transport === 'stdio');
}

/**
 * An HTTP request cut off mid-way ('closed') may be one dropped keep-alive socket or a server that
 * died. One TCP connect tells them apart: refused means nobody listens any more.
 */
export function isClosedHttpFailure(info: ErrorInfo, transport: TransportKind | undefined): boolean {
  return info.kind === 'closed' && (transport === 'streamable' || transport === 'sse');
}

/**
 * What a failed request does to the connection's state: `expired` (a session the server forgot,
 * with renewal off: stop, visibly; with it on, renewal handles it), `lost` (the server is gone),
 * `lost-if-nobody-listens` (an HTTP request cut off mid-way: lost only if a TCP connect is
 * refused, not for one dropped keep-alive socket), or nothing.
 */
export function requestFailureEffect(
  info: ErrorInfo,
  now: { state: ConnectionState; transport: TransportKind | undefined; renewsSessions: boolean },
): 'expired' | 'lost' | 'lost-if-nobody-listens' | undefined {
  if (info.kind === 'session-expired' && now.state === 'connected' && !now.renewsSessions) return 'expired';
  if (serverGone(info, now.transport)) return 'lost';
  if (isClosedHttpFailure(info, now.transport) && now.state === 'connected') return 'lost-if-nobody-listens';
  return undefined;
}

/** True when a TCP connect to the URL's host and port is refused within `timeoutMs` (nobody listens). */
export async function nobodyListens(url: string | undefined, timeoutMs = 1_000): Promise<boolean> {
  let target: URL;
  try {
    target = new URL(url ?? '');
  } catch {
    return false;
  }
  const port = Number(target.port || (target.protocol === 'https:' || target.protocol === 'wss:' ? 443 : 80));
  const host = target.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (refused: boolean) => {
      socket.destroy();
      resolve(refused);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(false));
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code === 'ECONNREFUSED'));
  });
}

/** What a request on a lost connection is answered with: the loss and its reason, at once. */
export function refusedAfterLoss(label: string, reason: ErrorInfo): ErrorInfo {
  return {
    ...reason,
    message: `The connection "${label}" was lost, so nothing was sent: ${reason.message}`,
    hint: `connect again once the server is back${reason.hint ? `; ${reason.hint}` : ''}`,
  };
}
