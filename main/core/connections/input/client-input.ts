import type {
  Client,
  ClientCapabilities,
  CreateMessageRequestParams,
  CreateMessageResult,
  ElicitRequestParams,
  ElicitResult,
  ListRootsResult,
} from '@modelcontextprotocol/client';
import { ProtocolError, ProtocolErrorCode } from '@modelcontextprotocol/client';
import type { ClientInputEntry } from '../../../../shared/model/trace';
import type { TraceBus } from '../../capture/trace-bus';

/** Who answered a server's question: the person at the keyboard, a configured option, or nobody (a default). */
export type AnsweredBy = ClientInputEntry['answeredBy'];

/**
 * Answers to what a server asks of the client: elicitation (form and URL mode), sampling and
 * roots. The same handlers serve both protocol eras: a 2025 server sends `elicitation/create`
 * (etc.) as a request; a 2026-07-28 server returns an `input_required` result whose embedded
 * requests the SDK fulfils through these same handlers before retrying the call.
 */
export interface ClientInputHandlers {
  elicit?: (params: ElicitRequestParams, signal: AbortSignal, context?: InputContext) => Promise<ElicitResult>;
  sample?: (params: CreateMessageRequestParams, signal: AbortSignal, context?: InputContext) => Promise<CreateMessageResult>;
  /** When set, the roots capability is declared and `roots/list` answers with these roots. */
  roots?: (signal: AbortSignal, context?: InputContext) => Promise<ListRootsResult>;
  /** Declare `roots.listChanged`: the client sends notifications/roots/list_changed when its roots change (2025 era). */
  rootsListChanged?: boolean;
  /** How the trace names whoever these handlers answer for (default: the user). */
  answeredBy?: AnsweredBy;
  /** e.g. "the --elicitation accept-defaults option" or "the answer form in the app". */
  source?: string;
}

/**
 * Which request is being answered: the JSON-RPC id of a 2025 server's request, or the key of the
 * embedded request in a 2026-07-28 `input_required` result (the SDK uses the key as the id).
 */
export interface InputContext {
  requestId: string | number;
}

export const SAMPLING_NOT_CONFIGURED =
  'Sampling is not configured in MCP Periscope: this client has no language model to answer sampling/createMessage';

/**
 * The default answer to sampling. A 2025 server receives it as a JSON-RPC error (and usually
 * turns it into a tool error); on a 2026-07-28 connection there is no way to answer an embedded
 * request with an error, so the SDK ends the call with it, and the class lets the diagnostics say
 * that the client, not the server, could not go on.
 */
export class SamplingNotConfiguredError extends ProtocolError {
  constructor() {
    super(ProtocolErrorCode.InvalidRequest, SAMPLING_NOT_CONFIGURED);
    this.name = 'SamplingNotConfiguredError';
  }
}

/** Elicitation and sampling are always declared so servers can exercise them; roots only when configured. */
export function clientCapabilities(handlers: ClientInputHandlers = {}): ClientCapabilities {
  return {
    elicitation: { form: {}, url: {} },
    sampling: {},
    ...(handlers.roots ? { roots: { listChanged: handlers.rootsListChanged ?? false } } : {}),
  };
}

type Answerer = { answeredBy: AnsweredBy; source: string };
const answerers = new WeakMap<object, Answerer>();

/**
 * Marks who produced an answer (a result object, or the error a handler throws), for handlers
 * that answer for more than one party, e.g. the app's: the user or the remote's policy. The
 * trace entry then names that party instead of the handlers' `answeredBy`/`source`.
 */
export function answeredAs<T extends object>(value: T, who: Answerer): T {
  answerers.set(value, who);
  return value;
}

function answererOf(value: unknown): Answerer | undefined {
  return typeof value === 'object' && value !== null ? answerers.get(value) : undefined;
}

type EmbeddedMethod = 'elicitation/create' | 'sampling/createMessage' | 'roots/list';
type EmbeddedAnswerer = (method: EmbeddedMethod, params: Record<string, unknown>, signal: AbortSignal, context: InputContext) => Promise<unknown>;
/** Each client's answerers, as installClientInput registered them (for requests that reach us outside the SDK). */
const embeddedAnswerers = new WeakMap<Client, EmbeddedAnswerer>();

/**
 * Answers one embedded server-to-client request that the SDK does not dispatch itself: the
 * `inputRequests` of a 2026-07-28 task (tasks extension, SEP-2663), which arrive in a tasks/get
 * answer. It goes to the same handlers, with the same trace record, as a request the SDK
 * dispatches; `context.requestId` is the request's `inputRequests` key. Resolves with the bare
 * answer (an ElicitResult, CreateMessageResult or ListRootsResult) or rejects as the handler does.
 */
export async function answerEmbeddedRequest(client: Client, method: EmbeddedMethod, params: Record<string, unknown>, signal: AbortSignal, context: InputContext): Promise<Record<string, unknown>> {
  const answerer = embeddedAnswerers.get(client);
  if (!answerer) throw new ProtocolError(ProtocolErrorCode.InvalidRequest, `This client has no handlers for ${method}`);
  return (await answerer(method, params, signal, context)) as Record<string, unknown>;
}

export interface InputRecording {
  bus: TraceBus;
  era: () => ClientInputEntry['era'];
}

/**
 * Registers the handlers on the client. Nothing is answered silently: every answer, including
 * the defaults (elicitation declined, sampling refused), becomes a `client-input` trace entry
 * that says who answered and how.
 */
export function installClientInput(client: Client, handlers: ClientInputHandlers, recording: InputRecording): void {
  const configured = { answeredBy: handlers.answeredBy ?? 'user', source: handlers.source ?? 'the user' } as const;
  const noOne = { answeredBy: 'default', source: 'Periscope default (nobody was asked)' } as const;

  const elicit = async (params: ElicitRequestParams, signal: AbortSignal, context: InputContext) => {
    if (!handlers.elicit) return record('elicitation/create', params, noOne, async () => ({ action: 'decline' }) as ElicitResult);
    return record('elicitation/create', params, configured, () => handlers.elicit!(params, signal, context));
  };
  const sample = async (params: CreateMessageRequestParams, signal: AbortSignal, context: InputContext) => {
    if (!handlers.sample) {
      return record('sampling/createMessage', params, noOne, async () => {
        throw new SamplingNotConfiguredError();
      });
    }
    return record('sampling/createMessage', params, configured, () => handlers.sample!(params, signal, context));
  };
  const roots = handlers.roots ? (signal: AbortSignal, context: InputContext) => record('roots/list', {}, configured, () => handlers.roots!(signal, context)) : undefined;

  client.setRequestHandler('elicitation/create', async (request, ctx) => elicit(request.params as ElicitRequestParams, ctx.mcpReq.signal, { requestId: ctx.mcpReq.id }));
  client.setRequestHandler('sampling/createMessage', async (request, ctx) => sample(request.params as CreateMessageRequestParams, ctx.mcpReq.signal, { requestId: ctx.mcpReq.id }));
  if (roots) client.setRequestHandler('roots/list', async (_request, ctx) => roots(ctx.mcpReq.signal, { requestId: ctx.mcpReq.id }));

  embeddedAnswerers.set(client, async (method, params, signal, context) => {
    if (method === 'elicitation/create') return elicit(params as ElicitRequestParams, signal, context);
    if (method === 'sampling/createMessage') return sample(params as CreateMessageRequestParams, signal, context);
    if (roots) return roots(signal, context);
    throw new ProtocolError(ProtocolErrorCode.InvalidRequest, 'The server asked for roots/list, but this client declared no roots capability (no roots are configured)');
  });

  async function record<T>(method: string, params: unknown, who: { answeredBy: AnsweredBy; source: string }, answer: () => Promise<T>): Promise<T> {
    // The request and the answer are recorded as they are: the trace bus redacts every entry.
    const { bus } = recording;
    const base = { type: 'client-input' as const, method, era: recording.era(), request: params };
    try {
      const result = await answer();
      bus.emit({ ...base, ...(answererOf(result) ?? who), outcome: outcomeOf(result), answer: result });
      return result;
    } catch (error) {
      bus.emit({ ...base, ...(answererOf(error) ?? who), outcome: 'error', answer: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  }
}

function outcomeOf(result: unknown): ClientInputEntry['outcome'] {
  const action = (result as { action?: unknown } | undefined)?.action;
  return action === 'accept' || action === 'decline' || action === 'cancel' ? action : 'answered';
}

