import { connect } from 'node:net';
import type { TransportKind } from '../../../shared/model/connection';
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
