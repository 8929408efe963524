import type { TransportKind } from '../../../shared/model/connection';
import type { ErrorInfo } from '../../../shared/model/error-info';
import type { HttpEntry, WebSocketEntry } from '../../../shared/model/trace';
import type { OrphanResponse } from '../capture/traced-transport';
import type { CertificateSummary } from './certificate-probe';
import { orphanTimeout } from './classify-orphan';
import { isUnansweredStreamError } from '../capture/unanswered-stream';
import { stalledAcknowledgementError, type StalledAcknowledgement } from './classify-stalled-acknowledgement';
import { resumedStreamTimeout, unansweredStreamError, type UnansweredStream } from './classify-unanswered-stream';
import { blockedPortError } from './blocked-port';
import { classifySdkError } from './classify-sdk-error';
import { messageOf } from './error-text';
import { classifySpawnError, classifySystemError, SYSTEM_ERROR_CODES, type SystemErrorLike } from './network-errors';
import { isPeriscopeError } from './periscope-error';
import { classifyTlsError, TLS_ERROR_CODES, TLS_MESSAGE_CODES } from './tls-errors';
import { classifyWireError } from './wire-errors';
import { FIX } from './fixes';

/** What the engine knows around a failure; the richer it is, the more precise the words. */
export interface ErrorContext {
  url?: string;
  transport?: TransportKind;
  phase?: 'connect' | 'request' | 'close';
  /** The last HTTP exchange of the connection (status, headers, body excerpt of a failed answer). */
  lastHttp?: HttpEntry;
  /** The last WebSocket entry (upgrade status/headers, or close code/reason). */
  lastWebSocket?: WebSocketEntry;
  /** Last stderr lines of a stdio server, shown when it exits. */
  stderrTail?: string[];
  /** From probeCertificate, to name the certificate in a TLS error. */
  certificate?: CertificateSummary;
  /**
   * The last error the SDK transport reported through `onerror` during this operation. The SDK
   * often swallows the real cause there (broken JSON on an SSE stream, a dropped response
   * stream) and the request then just times out or closes; this lets us name the cause.
   */
  transportError?: unknown;
  /**
   * The Authorization value the connection sent, so a 401/403 can be explained by the bearer
   * token's claims (expired, another audience). Read only; it never appears in the ErrorInfo.
   */
  authorization?: string;
  /** The Content-Encoding the failed response declared (names the encoding a body failed to decode in). */
  contentEncoding?: string;
  /**
   * The connect timeout the user set, in ms. Every attempt of a connect shares it, so the SDK only
   * knows the time that was left; a handshake timeout is reported against this instead.
   */
  connectTimeoutMs?: number;
  /** The JSON-RPC error the server answered a server/discover probe with, if it did. */
  probeError?: { code: unknown; message: unknown };
  /** Answers from the server that matched no waiting request during this operation, oldest first. */
  orphans?: OrphanResponse[];
  /** The last POST whose event stream ended without the response, during this operation. */
  unansweredStream?: UnansweredStream;
  /** A notification's POST answered with an event stream during this operation (the client waits for it to end). */
  stalledAcknowledgement?: StalledAcknowledgement;
}

/**
 * Any thrown value → ErrorInfo. Never throws: a classifier bug degrades to kind 'internal'
 * with the original message rather than replacing the user's error with ours.
 */
export function toErrorInfo(error: unknown, context: ErrorContext = {}): ErrorInfo {
  try {
    return classify(error, context);
  } catch (classifierFailure) {
    return internal(error, { classifierFailure: messageOf(classifierFailure) });
  }
}

/**
 * A request failed at once because its event stream ended without the response (see
 * capture/unanswered-stream.ts). A stream that broke off for a named reason (a body that does not
 * decode, one too large) is that reason; answers under a wrong id that came meanwhile are the
 * likely cause, so they are named (as for a timeout).
 */
function unansweredStreamFailure(context: ErrorContext): ErrorInfo {
  const ended = unansweredStreamError(context.unansweredStream ?? { url: context.url ?? 'the server', eventIds: false });
  const recorded = context.lastHttp?.phase === 'failed' ? context.lastHttp.error : undefined;
  if (recorded && NAMED_BODY_FAILURES.has(recorded.kind)) return { ...recorded, detail: { ...recorded.detail, then: { kind: ended.kind, message: ended.message } } };
  if (context.orphans?.length) return orphanTimeout(ended, context.orphans);
  return ended;
}

function classify(error: unknown, context: ErrorContext): ErrorInfo {
  if (isPeriscopeError(error)) return error.info;
  if (isUnansweredStreamError(error)) return unansweredStreamFailure(context);
  const info = classifyOne(error, context);
  if (info.kind === 'timeout' && context.orphans?.length) return orphanTimeout(info, context.orphans);
  if (info.kind === 'timeout' && context.stalledAcknowledgement) return stalledAcknowledgementError(info, context.stalledAcknowledgement);
  if (info.kind === 'timeout' && context.unansweredStream) {
    // Events with ids: the client was still resuming the stream when the time ran out.
    return context.unansweredStream.eventIds ? resumedStreamTimeout(info, context.unansweredStream) : unansweredStreamError(context.unansweredStream, info);
  }
  if (info.kind !== 'timeout' && info.kind !== 'closed' && info.kind !== 'internal') return info;
  const then = { kind: info.kind, message: info.message };
  const { transportError } = context;
  if (transportError !== undefined && transportError !== error) {
    const cause = classifyOne(transportError, { ...context, transportError: undefined });
    if (cause.kind !== 'internal' && cause.kind !== info.kind && !VAGUE.has(cause.kind)) return { ...cause, detail: { ...cause.detail, then } };
  }
  // The SDK flattens a failed body read into "SSE stream disconnected: TypeError: terminated";
  // the recorded exchange kept the real cause (an undecodable body, data too large).
  const recorded = context.lastHttp?.phase === 'failed' ? context.lastHttp.error : undefined;
  if (recorded && NAMED_BODY_FAILURES.has(recorded.kind)) return { ...recorded, detail: { ...recorded.detail, then } };
  if (transportError !== undefined && transportError !== error) {
    const cause = classifyOne(transportError, { ...context, transportError: undefined });
    if (cause.kind !== 'internal' && cause.kind !== info.kind) return { ...cause, detail: { ...cause.detail, then } };
  }
  return info;
}

/** Kinds that say only that something ended, not why. */
const VAGUE: ReadonlySet<ErrorInfo['kind']> = new Set(['timeout', 'closed', 'internal']);
/** What a failed HTTP exchange's own classification can name better than a vague close. */
const NAMED_BODY_FAILURES: ReadonlySet<ErrorInfo['kind']> = new Set(['protocol', 'too-large', 'not-mcp']);

function classifyOne(error: unknown, context: ErrorContext): ErrorInfo {
  if (isPeriscopeError(error)) return error.info;

  const chain = causeChain(error);
  // A system code anywhere in the chain is the most precise fact (fetch wraps it in `cause`,
  // happy-eyeballs in an AggregateError's `errors`), so it wins over generic wrappers.
  for (const link of chain) {
    const info = fromSystemCode(link as SystemErrorLike, context) ?? (typeof link === 'object' && link !== null ? classifyWireError(link, context) : undefined);
    if (info) return info;
  }

  const blockedPort = blockedPortError(chain, context.url, context.lastHttp);
  if (blockedPort) return blockedPort;

  const sdk = classifySdkError(error, context);
  if (sdk) return sdk;

  // Some layers (eventsource) flatten the chain into text: recover the code from the words.
  const text = chain.map((link) => messageOf(link)).join(': ');
  const fromText = fromMessageText(text, context);
  if (fromText) return fromText;

  return internal(error, context.url ? { url: context.url } : {}, text);
}

function fromSystemCode(link: SystemErrorLike, context: ErrorContext): ErrorInfo | undefined {
  const code = typeof link?.code === 'string' ? link.code : undefined;
  if (!code) return undefined;
  if (TLS_ERROR_CODES.has(code)) return classifyTlsError(code, link, context.url, context.certificate);
  const spawnSyscall = typeof link.syscall === 'string' && link.syscall.startsWith('spawn');
  if (spawnSyscall || (context.transport === 'stdio' && (code === 'ENOENT' || code === 'EACCES'))) {
    return classifySpawnError(code, link, context.stderrTail);
  }
  if (code === 'ERR_INVALID_URL') {
    const input = (link as { input?: unknown }).input;
    return {
      kind: 'invalid-url',
      message: `Not a valid URL: ${typeof input === 'string' ? JSON.stringify(input) : (context.url ?? 'unknown')}`,
      hint: 'write a full URL such as https://example.com/mcp',
      detail: { code },
    };
  }
  if (SYSTEM_ERROR_CODES.has(code)) return classifySystemError(code, link, context);
  return undefined;
}

const TEXT_CODE = /\b(E[A-Z]{3,}|EAI_[A-Z]+|UND_ERR_[A-Z_]+|ERR_TLS_[A-Z_]+|ERR_SSL_[A-Z_]+|HPE_[A-Z_]+|Z_[A-Z_]+|ERR_STRING_TOO_LONG)\b/g;

function fromMessageText(text: string, context: ErrorContext): ErrorInfo | undefined {
  for (const [pattern, code] of TLS_MESSAGE_CODES) {
    if (pattern.test(text)) return classifyTlsError(code, { message: text }, context.url, context.certificate);
  }
  for (const match of text.matchAll(TEXT_CODE)) {
    const code = match[1]!;
    const address = /(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:]+\]):(\d+)/i.exec(text);
    const hostname = /(?:ENOTFOUND|EAI_AGAIN)\s+(\S+)/.exec(text)?.[1];
    const info =
      fromSystemCode({ code, address: address?.[1], port: address ? Number(address[2]) : undefined, hostname }, context) ??
      classifyWireError({ code, message: text }, context);
    if (info) return { ...info, detail: { ...info.detail, reason: text } };
  }
  const wire = classifyWireError({ message: text }, context);
  if (wire) return wire;
  if (/\bterminated\b|other side closed|socket hang up/i.test(text)) {
    const info = classifySystemError('UND_ERR_SOCKET', {}, context);
    return info && { ...info, detail: { ...info.detail, reason: text } };
  }
  return undefined;
}

/** The error, its `cause`s and an AggregateError's `errors`, breadth first, bounded. */
function causeChain(error: unknown): unknown[] {
  const seen: unknown[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.length < 12) {
    const next = queue.shift();
    if (next === undefined || next === null || seen.includes(next)) continue;
    seen.push(next);
    if (typeof next !== 'object') continue;
    const { cause, errors } = next as { cause?: unknown; errors?: unknown };
    if (Array.isArray(errors)) queue.push(...errors);
    if (cause !== undefined) queue.push(cause);
  }
  return seen;
}

function internal(error: unknown, detail: Record<string, unknown>, chainText?: string): ErrorInfo {
  const name = error instanceof Error && error.name !== 'Error' ? `${error.name}: ` : '';
  return {
    kind: 'internal',
    // The whole cause chain: "fetch failed" alone hides the part that explains it.
    message: `Unexpected error: ${name}${chainText ?? messageOf(error)}`,
    hint: 'look at the traffic in the trace; if it persists, report it with the session file',
    fixes: [FIX.trace, FIX.record],
    // No stack: it names our bundle's and node_modules' files on this machine, says nothing a
    // person can act on, and would travel into the CLI's output, session files and the window.
    ...(Object.keys(detail).length > 0 ? { detail } : {}),
  };
}
