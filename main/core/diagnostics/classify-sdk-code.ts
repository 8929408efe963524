import { SdkErrorCode, type SdkError } from '@modelcontextprotocol/client';
import type { ErrorInfo } from '../../../shared/model/error-info';
import type { ErrorContext } from './classify-error';
import { classifyClose } from './classify-close';
import { classifyJsonRpcError } from './classify-protocol-error';
// Called at run time only (the two modules import each other), to classify a probe's cause.
import { toErrorInfo } from './classify-error';
import { FIX } from './fixes';

/**
 * The v2 SDK's own (non-HTTP) error codes as ErrorInfo; undefined for codes better explained by
 * the evidence (the caller falls back to the close and network classifiers).
 */
export function classifySdkCode(error: SdkError, context: ErrorContext): ErrorInfo | undefined {
  const data = (error.data ?? {}) as Record<string, unknown>;
  const where = context.url ? ` (${context.url})` : '';
  switch (error.code) {
    case SdkErrorCode.RequestTimeout: {
      const ms = typeof data.timeout === 'number' ? data.timeout : undefined;
      const probing = /negotiation probe/i.test(error.message);
      // The handshake got what was left of the connect timeout; the user set the whole of it.
      const waited = context.phase === 'connect' && context.connectTimeoutMs !== undefined ? context.connectTimeoutMs : ms;
      return {
        kind: 'timeout',
        message: probing
          ? `The server did not answer the server/discover probe${ms !== undefined ? ` within ${ms} ms` : ''}${where}`
          : `The server did not answer ${context.phase === 'connect' ? 'the connection handshake' : 'the request'}${waited !== undefined ? ` after ${waited} ms` : ''}${where}`,
        hint: probing
          ? 'the server is down or stuck: check it, or raise the connect timeout; a 2025-era server that ignores unknown requests needs the legacy protocol era'
          : 'the server is slow or stuck: raise the timeout, or check the server; progress notifications reset the timer',
        fixes: probing ? [FIX.connectTimeout, FIX.legacyEra] : [context.phase === 'connect' ? FIX.connectTimeout : FIX.requestTimeout],
        detail: { code: error.code, ...(ms !== undefined ? { timeoutMs: ms } : {}) },
      };
    }
    case SdkErrorCode.ConnectionClosed:
    case SdkErrorCode.NotConnected:
      return (
        classifyClose(error, error.message, context) ?? {
          kind: 'closed',
          message: `The connection closed before the answer arrived${where}`,
          hint: 'the server dropped the connection; check the server logs, then reconnect',
          detail: { code: error.code },
        }
      );
    case SdkErrorCode.EraNegotiationFailed: {
      // A probe that failed for a reason of its own (broken JSON, a dropped socket) is that failure.
      const cause = (error as { cause?: unknown }).cause ?? data.cause;
      if (cause !== undefined) {
        const info = toErrorInfo(cause, context);
        return { ...info, message: `${info.message} (while probing the protocol era with server/discover)` };
      }
      const closed = /closed/i.test(error.message) ? classifyClose(error, error.message, context) : undefined;
      if (closed) return closed;
      // A pinned 2026-07-28 connection whose probe the server refused for a reason of its own
      // (not Method not found, which is what a 2025-only server says): that refusal is the story.
      const refused = context.probeError;
      if (refused && typeof refused.code === 'number' && refused.code !== -32601 && /pin/i.test(error.message)) {
        const info = classifyJsonRpcError(refused.code, String(refused.message ?? ''), undefined, context);
        return {
          ...info,
          message: `${info.message} (answering server/discover, so the pinned 2026-07-28 connection could not start)`,
          // Not twice: a -32022 hint may already say to set the era to auto.
          hint: /protocol era to auto/.test(info.hint) ? info.hint : `${info.hint}; or set the protocol era to auto if the server only speaks the 2025 protocol`,
        };
      }
      return {
        kind: 'protocol-version',
        message: `Client and server could not agree on a protocol era: ${error.message.replace(/^Version negotiation (probe )?failed: /, '')}${where}`,
        hint: /pinned|pin /i.test(error.message)
          ? 'the server does not offer the pinned version: set the protocol era to auto, or pin a version it supports'
          : 'set the protocol era to auto; if the server only speaks the 2025 protocol choose legacy, if only 2026-07-28 choose modern',
        detail: { code: error.code },
      };
    }
    case SdkErrorCode.MethodNotSupportedByProtocolVersion:
      return {
        kind: 'protocol-version',
        message: `${error.message}: this request does not exist in the connection's protocol era`,
        hint: 'some requests belong to one era only (ping and resources/subscribe are 2025-era; subscriptions/listen and server/discover are 2026-07-28); reconnect in the other era to send it',
        detail: { code: error.code, ...(typeof data.method === 'string' ? { method: data.method } : {}) },
      };
    case SdkErrorCode.InvalidResult:
    case SdkErrorCode.UnsupportedResultType:
      return {
        kind: 'protocol',
        message: `The server sent a result this client cannot use: ${error.message}`,
        hint: 'the server breaks the MCP protocol for its era; the trace shows the raw result',
        detail: { code: error.code, ...data },
      };
    case SdkErrorCode.InputRequiredRoundsExceeded:
      return {
        kind: 'protocol',
        message: `The server kept asking for more input and never finished the request: ${error.message}`,
        hint: 'the trace shows each input_required round and what was answered; the server may not accept the answers given',
        detail: { code: error.code, ...(typeof data.rounds === 'number' ? { rounds: data.rounds } : {}) },
      };
    case SdkErrorCode.CapabilityNotSupported:
      return {
        kind: 'protocol',
        message: `${error.message}`,
        hint: 'the server did not declare the capability this request needs; the connection overview lists what it declared',
        detail: { code: error.code },
      };
    case SdkErrorCode.ListPaginationExceeded:
      return {
        kind: 'protocol',
        message: `The server's list never ended: ${error.message}`,
        hint: 'the server keeps returning a nextCursor; report it to the server author',
        detail: { code: error.code },
      };
    default:
      return undefined;
  }
}
