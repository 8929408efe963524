import type { ErrorInfo } from '../../../shared/model/error-info';
import type { ErrorContext } from './classify-error';

/** RFC 6455 §7.4 close codes in words, so "1006" means something to the reader. */
const CLOSE_CODES: Record<number, string> = {
  1000: 'normal closure',
  1001: 'the server is going away (shutting down or restarting)',
  1002: 'protocol error',
  1003: 'unsupported data',
  1005: 'no status code given',
  1006: 'abnormal closure: the connection dropped without a close frame',
  1007: 'invalid message data',
  1008: 'policy violation',
  1009: 'message too big',
  1010: 'a required extension is missing',
  1011: 'the server hit an internal error',
  1012: 'the server is restarting',
  1013: 'try again later',
  1015: 'TLS handshake failure',
};

export function describeCloseCode(code: number): string {
  if (CLOSE_CODES[code]) return CLOSE_CODES[code];
  if (code >= 4000 && code <= 4999) return 'application-defined close code';
  return 'unknown close code';
}

const CLOSED_TEXT = /connection closed|closed before the connection was established|websocket (is not open|closed)|stream (closed|ended)|process exited|premature close/i;

/**
 * Closes of a stream, socket or process. Uses the context because the thrown error rarely says
 * much ("Connection closed"), while the trace knows the close code or the stderr tail.
 */
export function classifyClose(error: unknown, message: string, context: ErrorContext): ErrorInfo | undefined {
  // The SDK's own "connection closed"; a server's JSON-RPC error -32000 is not a close (it is handled earlier).
  const isMcpClosed = (error as { code?: unknown })?.code === 'CONNECTION_CLOSED';
  const ws = context.lastWebSocket;
  const closeCode = ws?.event === 'close' ? ws.closeCode : undefined;
  if (!isMcpClosed && !CLOSED_TEXT.test(message) && closeCode === undefined) return undefined;

  if (context.transport === 'stdio') {
    const tail = context.stderrTail?.filter((line) => line.trim() !== '') ?? [];
    const last = tail.at(-1);
    return {
      kind: 'spawn',
      message: `The stdio server process exited${context.phase === 'connect' ? ' before completing initialize' : ''}${last ? `; its last stderr line: ${last}` : ''}`,
      hint: 'run the command by hand to see why it stops (missing arguments, environment variables or dependencies are common causes)',
      detail: { ...(tail.length ? { stderrTail: tail.slice(-20) } : {}), reason: message },
    };
  }

  if (closeCode !== undefined) {
    const reason = ws?.closeReason ? `, reason "${ws.closeReason}"` : '';
    return {
      kind: 'closed',
      message: `The WebSocket ${context.url ?? ws?.url ?? ''} closed with code ${closeCode} (${describeCloseCode(closeCode)}${reason})`.replace('  ', ' '),
      hint: closeHint(closeCode),
      detail: { closeCode, closeReason: ws?.closeReason, closeMeaning: describeCloseCode(closeCode) },
    };
  }

  const stream = context.transport === 'sse' || context.transport === 'streamable' ? 'event stream' : 'connection';
  return {
    kind: 'closed',
    message: `The ${stream} to ${context.url ?? 'the server'} closed unexpectedly (${message})`,
    hint: 'the server or a proxy dropped the connection; check the server logs, then reconnect',
    detail: { reason: message },
  };
}

function closeHint(code: number): string {
  if (code === 1008) return 'the server refused on policy grounds: check credentials and headers';
  if (code === 1009) return 'a message was too large for the server; send less at once';
  if (code === 1001 || code === 1012 || code === 1013) return 'the server is restarting or overloaded: reconnect in a moment';
  if (code === 1006) return 'the network or the server dropped the socket: check the server is still running, then reconnect';
  return 'check the server logs, then reconnect';
}
