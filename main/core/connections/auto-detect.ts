import type { Detection, TransportKind } from '../../../shared/model/connection';
import type { ErrorInfo } from '../../../shared/model/error-info';
import type { HttpEntry } from '../../../shared/model/trace';

type Attempt = Detection['attempts'][number];

export interface DetectionSteps<S> {
  /** Connects with one transport within the time left; rejects on failure. */
  attempt(kind: TransportKind): Promise<S>;
  /** Classifies an attempt's failure at once, while the evidence (last HTTP exchange) is its own. */
  classify(error: unknown, kind: TransportKind): Promise<ErrorInfo>;
  /** The last non-success HTTP answer of the attempt just made. */
  failedHttp(): HttpEntry | undefined;
  /**
   * Whether the attempt just made entered the OAuth flow, and the status (401 or 403) of the
   * answer that started it; undefined when it did not. The flow's own requests (discovery,
   * registration) then come after the endpoint's answer, so failedHttp no longer names it.
   */
  authFlow(): { status?: number } | undefined;
  /** Called between attempts so the second one's evidence is its own. */
  resetEvidence(): void;
}

export type DetectionResult<S> =
  | { ok: true; session: S; detection: Detection }
  | { ok: false; error: ErrorInfo; cause: unknown; detection: Detection };

/**
 * Transport auto-detection, after the MCP specification's backwards-compatibility guidance:
 * ws:// and wss:// speak WebSocket; otherwise POST the initialize as Streamable HTTP, and when
 * that POST gets a 4xx other than an auth refusal (405/404 are typical of an SSE-only server),
 * try the legacy transport: GET the URL expecting an event stream whose first event is `endpoint`.
 * An auth refusal (401, 403, or a failure inside the OAuth flow the refusal started) ends the
 * detection: the SSE GET would only be refused the same way, and would run the OAuth flow (and
 * register a client) a second time.
 */
export async function detectTransport<S>(url: URL, steps: DetectionSteps<S>): Promise<DetectionResult<S>> {
  if (url.protocol === 'ws:' || url.protocol === 'wss:') return single('websocket', `the URL starts with ${url.protocol}//, so it speaks WebSocket`, steps);

  const attempts: Attempt[] = [];
  let streamableError: { info: ErrorInfo; cause: unknown };
  try {
    const session = await steps.attempt('streamable');
    attempts.push({ transport: 'streamable', outcome: 'ok', reason: 'the server answered the first POST (server/discover or initialize)' });
    attempts.push({ transport: 'sse', outcome: 'skipped', reason: 'not needed' });
    return {
      ok: true,
      session,
      detection: { attempts, chosen: 'streamable', explanation: 'The server answered over Streamable HTTP (its first POST: server/discover or initialize): it speaks the current MCP transport.' },
    };
  } catch (error) {
    streamableError = { info: await steps.classify(error, 'streamable'), cause: error };
  }

  const authFlow = steps.authFlow();
  const failed = steps.failedHttp();
  // Once the OAuth flow ran, the last failed POST is the flow's own (a registration), not the endpoint's.
  const status = authFlow ? authFlow.status : failed?.method === 'POST' ? failed.status : undefined;
  const authRefused = authFlow !== undefined || status === 401 || status === 403 || streamableError.info.kind === 'auth';
  const sseLike = !authRefused && status !== undefined && status >= 400 && status < 500;
  attempts.push({ transport: 'streamable', outcome: 'failed', reason: status ? `POST answered ${status}` : streamableError.info.message });
  if (!sseLike) {
    attempts.push({ transport: 'sse', outcome: 'skipped', reason: skipReason(status, authRefused) });
    return {
      ok: false,
      error: streamableError.info,
      cause: streamableError.cause,
      detection: { attempts, chosen: 'streamable', explanation: `Streamable HTTP failed (${streamableError.info.message}); legacy SSE was not tried because ${attempts[1]!.reason}.` },
    };
  }

  steps.resetEvidence();
  try {
    const session = await steps.attempt('sse');
    attempts.push({ transport: 'sse', outcome: 'ok', reason: 'the GET opened an event stream that sent the endpoint event' });
    return {
      ok: true,
      session,
      detection: {
        attempts,
        chosen: 'sse',
        explanation: `The server answered ${status} to the Streamable HTTP POST; it spoke legacy HTTP+SSE. Consider migrating it to Streamable HTTP (SSE is deprecated since MCP 2025-03-26).`,
      },
    };
  } catch (error) {
    const sseInfo = await steps.classify(error, 'sse');
    attempts.push({ transport: 'sse', outcome: 'failed', reason: sseInfo.message });
    // The SSE error is the better story only when its GET really opened an event stream.
    const sseGotFurther = sseInfo.kind === 'auth' || sseInfo.kind === 'timeout' || sseInfo.kind === 'protocol';
    const chosen = sseGotFurther ? { info: sseInfo, cause: error } : streamableError;
    return {
      ok: false,
      error: chosen.info,
      cause: chosen.cause,
      detection: {
        attempts,
        chosen: sseGotFurther ? 'sse' : 'streamable',
        explanation: `The server answered ${status} to the Streamable HTTP POST, and the legacy SSE GET failed too (${sseInfo.message}): this URL does not look like an MCP endpoint for either transport.`,
      },
    };
  }
}

function skipReason(status: number | undefined, authRefused: boolean): string {
  if (authRefused && status !== 401 && status !== 403) return 'an authorization failure is not what an SSE-only server answers';
  return status ? `a ${status} is not what an SSE-only server answers` : 'the failure was not an HTTP answer';
}

async function single<S>(kind: TransportKind, reason: string, steps: DetectionSteps<S>): Promise<DetectionResult<S>> {
  try {
    const session = await steps.attempt(kind);
    return { ok: true, session, detection: { attempts: [{ transport: kind, outcome: 'ok', reason }], chosen: kind, explanation: `Connected over ${kind}: ${reason}.` } };
  } catch (error) {
    const info = await steps.classify(error, kind);
    return { ok: false, error: info, cause: error, detection: { attempts: [{ transport: kind, outcome: 'failed', reason: info.message }], chosen: kind, explanation: `Tried ${kind} because ${reason}; it failed.` } };
  }
}
