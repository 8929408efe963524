import type { AuthDebugArrow } from '../../../shared/model/auth-debug';
import type { AuthDebugOptions, StepContext } from './step-context';
import { UnansweredRequest } from './unanswered-request';

/** How long the debugger waits for the MCP server's answer, in ms, unless told (AuthDebugOptions.requestTimeoutMs). */
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * The request to the MCP server that the debugger sends twice, without a token (step 1) and with
 * one (step 8): the Streamable HTTP transport's first request, a POST of `initialize` (it needs no
 * session); for a URL that refuses that POST as a legacy HTTP+SSE endpoint does, that transport's
 * first request instead, the GET of its event stream (MCP 2024-11-05, "HTTP with SSE"; the
 * backwards-compatibility guidance of MCP 2025-03-26 and later, "Transports").
 */
export interface McpRequestAnswer {
  response: Response;
  /** True when the answer is the legacy event stream GET's. */
  legacySse: boolean;
  /** The status the POST was refused with, when the GET was sent after it. */
  refusedPost?: number;
  arrows: AuthDebugArrow[];
}

/**
 * Sends the request (`authorization` when given) and reads its answer whole. `legacySse` from an
 * earlier step sends the GET at once; otherwise a POST refused with a 4xx other than 401 or 403
 * (405 and 404 are what an SSE-only server answers) is followed by the GET, whose answer counts
 * when it is one a client acts on (2xx, or 401 with its challenge); else the POST's answer stands.
 */
export async function sendMcpRequest(ctx: StepContext, options: { authorization?: string; legacySse?: boolean } = {}): Promise<McpRequestAnswer> {
  const { serverUrl, headers, requestTimeoutMs = REQUEST_TIMEOUT_MS } = ctx.options;
  const tokenNote = options.authorization ? 'Authorization: Bearer' : 'no token';
  // A request that gets no answer still is an arrow of the diagram (its failure is the answer's).
  const send = async (init: RequestInit, label: string, arrows: AuthDebugArrow[]): Promise<Response> => {
    try {
      return await ctx.fetch(serverUrl, { ...init, signal: AbortSignal.timeout(requestTimeoutMs) });
    } catch (error) {
      throw new UnansweredRequest(error, [...arrows, { from: 'client', to: 'mcp-server', label }]);
    }
  };
  const get = async (arrows: AuthDebugArrow[]): Promise<McpRequestAnswer> => {
    const label = `GET event stream, legacy SSE (${tokenNote})`;
    const response = await send(eventStreamRequest(headers, options.authorization), label, arrows);
    await drain(response);
    return { response, legacySse: true, arrows: [...arrows, ...pair(label, response)] };
  };
  if (options.legacySse) return get([]);
  const label = `POST initialize (${tokenNote})`;
  const posted = await send(initializeRequest(headers, options.authorization), label, []);
  await drain(posted);
  const answer: McpRequestAnswer = { response: posted, legacySse: false, arrows: pair(label, posted) };
  if (posted.status < 400 || posted.status >= 500 || posted.status === 401 || posted.status === 403) return answer;
  const viaSse = await get(answer.arrows);
  const counts = (viaSse.response.status >= 200 && viaSse.response.status < 300) || viaSse.response.status === 401;
  return counts ? { ...viaSse, refusedPost: posted.status } : { ...answer, arrows: viaSse.arrows };
}

/** A request and its answer as two arrows of the sequence diagram. */
function pair(label: string, response: Response): AuthDebugArrow[] {
  const challenged = response.headers.has('www-authenticate');
  return [
    { from: 'client', to: 'mcp-server', label },
    { from: 'mcp-server', to: 'client', label: `${response.status}${challenged ? ' + WWW-Authenticate' : ''}` },
  ];
}

/** The run's extra headers (AuthDebugOptions.headers), an Authorization among them left out. */
function extraHeadersOf(extraHeaders: AuthDebugOptions['headers'] = []): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { name, value } of extraHeaders) if (name.toLowerCase() !== 'authorization') headers[name] = value;
  return headers;
}

/** The Streamable HTTP POST of `initialize`. */
function initializeRequest(extraHeaders: AuthDebugOptions['headers'], authorization?: string): RequestInit {
  return {
    method: 'POST',
    headers: { ...extraHeadersOf(extraHeaders), 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'MCP Periscope auth debugger', version: '1' } },
    }),
  };
}

/** The legacy HTTP+SSE transport's GET of its event stream (dropped as soon as it answers). */
function eventStreamRequest(extraHeaders: AuthDebugOptions['headers'], authorization?: string): RequestInit {
  return { method: 'GET', headers: { ...extraHeadersOf(extraHeaders), accept: 'text/event-stream', ...(authorization ? { authorization } : {}) } };
}

/** Reads (or drops, for an event stream) a response body, so the exchange ends and is recorded whole. */
async function drain(response: Response): Promise<void> {
  if (/text\/event-stream/i.test(response.headers.get('content-type') ?? '')) await response.body?.cancel().catch(() => undefined);
  else await response.text().catch(() => undefined);
}
