import { ProtocolError, type CreateMessageResult, type ElicitRequestParams, type ElicitResult } from '@modelcontextprotocol/client';
import { valueDepth } from '../../../../shared/json/json-depth';
import type { ProtocolEra } from '../../../../shared/model/protocol-era';
import type { Root, ServerRequestMethod, ServerRequestPolicy } from '../../../../shared/model/server-request';
import { acceptDefaults } from './elicitation-defaults';
import { PeriscopeError } from '../../diagnostics/periscope-error';
import { answeredAs, type ClientInputHandlers, type InputContext } from './client-input';
import type { InputRounds } from './input-rounds';
import { RequestWithdrawnError, TooManyPendingError, type PendingRequests, type Question } from './pending-requests';

/** What the app's handlers need to know about their connection, read when a question arrives. */
export interface AppInputOptions {
  registry: PendingRequests;
  /** The connection's id (known once the manager created it; the first question comes later). */
  connectionId(): string;
  era(): ProtocolEra | undefined;
  /** The connection's redactor: a question leaves the engine for the window. */
  mask<T>(value: T): T;
  /** The saved remote's current policy and roots: an edit applies to the next question. */
  policy(): Promise<ServerRequestPolicy>;
  roots(): Promise<Root[]>;
  rounds: InputRounds;
  /** Declare the roots capability (with listChanged) and answer roots/list from `roots()`; the app always does. */
  declareRoots: boolean;
}

/** A question bigger than this (JSON characters), or nested deeper than MAX_PARAMS_DEPTH, is not shown as a form. */
export const MAX_PARAMS_CHARS = 256 * 1024;
/** The spec's requestedSchema is flat (primitive properties): a few levels of nesting is all a real one has. */
export const MAX_PARAMS_DEPTH = 32;

/** The code of a rejected sampling request: the spec's example for "User rejected sampling request" (client/sampling). */
export const SAMPLING_REJECTED_CODE = -1;

const USER = { answeredBy: 'user', source: 'the user, in the Requests section of the app' } as const;
const POLICY_TEXT: Record<Exclude<ServerRequestPolicy, 'ask'>, string> = {
  decline: "the remote's policy for requests from the server: always decline",
  'accept-defaults': "the remote's policy for requests from the server: accept with defaults",
};

/**
 * The desktop app's answers to a server's questions, for one connection, in both eras (see
 * ClientInputHandlers). Elicitation and sampling are parked in the PendingRequests registry until
 * the user answers in the Requests section, unless the remote's policy answers first; roots/list
 * is answered from the remote's roots. Every answer is recorded twice: in the trace (as the
 * policy's or the user's, see answeredAs) and in the registry's history. Rejects with the
 * registry's RequestWithdrawnError when the server withdraws a question or the connection ends.
 */
export function appClientInput(options: AppInputOptions): ClientInputHandlers {
  const { registry } = options;
  const question = (method: ServerRequestMethod, params: unknown, context?: InputContext): Question => {
    const era = options.era();
    const round = era === 'modern' && context ? options.rounds.roundOf(String(context.requestId)) : undefined;
    return { connectionId: options.connectionId(), method, ...shown(options.mask(params)), ...(era ? { era } : {}), ...(round ? { round } : {}) };
  };
  const ask = async (q: Question, signal: AbortSignal) => {
    try {
      return await registry.ask(q, signal);
    } catch (error) {
      if (error instanceof RequestWithdrawnError || error instanceof TooManyPendingError) answeredAs(error, { answeredBy: 'default', source: `nobody: ${error.message}` });
      throw error;
    }
  };

  const handlers: ClientInputHandlers = {
    answeredBy: 'user',
    source: USER.source,
    async elicit(params, signal, context) {
      const q = question('elicitation/create', params, context);
      const policy = await options.policy();
      if (policy !== 'ask') {
        const { result, note } = policy === 'decline' ? { result: { action: 'decline' } as ElicitResult, note: undefined } : acceptDefaults(params);
        const source = note ? `${POLICY_TEXT[policy]} (${note.replace(/^--elicitation accept-defaults /, '')})` : POLICY_TEXT[policy];
        registry.recordImmediate(q, { outcome: result.action, answeredBy: 'policy', source, answer: options.mask(result) });
        return answeredAs(result, { answeredBy: 'option', source });
      }
      const { request, answer } = await ask(q, signal);
      const result = elicitResult(params, answer);
      registry.record(request, { outcome: result.action, answeredBy: 'user', source: 'you, in the Requests section', answer: options.mask(result) });
      return answeredAs(result, USER);
    },
    async sample(params, signal, context) {
      const q = question('sampling/createMessage', params, context);
      if ((await options.policy()) === 'decline') {
        const error = new SamplingRejectedError(POLICY_TEXT.decline);
        registry.recordImmediate(q, { outcome: 'rejected', answeredBy: 'policy', source: POLICY_TEXT.decline, answer: error.message });
        throw answeredAs(error, { answeredBy: 'option', source: POLICY_TEXT.decline });
      }
      const { request, answer } = await ask(q, signal);
      if (answer.action !== 'reply') {
        const error = new SamplingRejectedError('you, in the Requests section');
        registry.record(request, { outcome: 'rejected', answeredBy: 'user', source: 'you, in the Requests section', answer: error.message });
        throw answeredAs(error, USER);
      }
      const result: CreateMessageResult = {
        role: 'assistant',
        model: answer.model,
        content: { type: 'text', text: answer.text },
        ...(answer.stopReason ? { stopReason: answer.stopReason } : {}),
      };
      registry.record(request, { outcome: 'answered', answeredBy: 'user', source: 'you, in the Requests section', answer: options.mask(result) });
      return answeredAs(result, USER);
    },
    ...(options.declareRoots
      ? {
          rootsListChanged: true,
          async roots(_signal: AbortSignal, context?: InputContext) {
            const roots = (await options.roots()).map((r) => ({ uri: r.uri, ...(r.name ? { name: r.name } : {}) }));
            const result = { roots };
            const source = "this remote's roots (edit them in the Requests section)";
            registry.recordImmediate(question('roots/list', {}, context), { outcome: 'answered', answeredBy: 'app', source, answer: result });
            return answeredAs(result, { answeredBy: 'option', source });
          },
        }
      : {}),
  };
  return handlers;
}

/**
 * The answer to a sampling request the user (or the policy) rejected. A 2025-era server receives
 * it as a JSON-RPC error; in the 2026-07-28 era an embedded request cannot be answered with an
 * error, so the SDK ends the call with it.
 */
export class SamplingRejectedError extends ProtocolError {
  constructor(by: string) {
    super(SAMPLING_REJECTED_CODE, `User rejected sampling request (rejected by ${by})`);
    this.name = 'SamplingRejectedError';
  }
}

/**
 * When `error` (or one of its causes) is a sampling rejection of the app ending a 2026-07-28
 * call (or a question that ended unanswered, see `unanswered`), an error that says so; otherwise the diagnostics would report the client's own refusal
 * as "the server answered with JSON-RPC error -1". Kind `invalid-input`: the answer given in the
 * app, not the server, stopped the call.
 */
export function clientInputFailure(error: unknown): PeriscopeError | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { name?: unknown }).name === 'RequestWithdrawnError' || (e as { name?: unknown }).name === 'TooManyPendingError') return unanswered(e as Error, error);
    if ((e as { name?: unknown }).name !== 'SamplingRejectedError') continue;
    const message = (e as { message?: unknown }).message;
    const byPolicy = typeof message === 'string' && message.includes("remote's policy");
    return new PeriscopeError(
      {
        kind: 'invalid-input',
        message: `The server asked for a model reply in the middle of the call and ${byPolicy ? "the remote's policy (always decline)" : 'you'} rejected it; in the 2026-07-28 era a rejected embedded request ends the call`,
        hint: byPolicy ? 'to let the call go on, set the policy to "Ask me" in the Requests section and reply there' : 'to let the call go on, call again and reply to the sampling request in the Requests section',
        detail: { method: 'sampling/createMessage', answeredBy: byPolicy ? 'policy' : 'user' },
      },
      { cause: error },
    );
  }
  return undefined;
}

/**
 * A 2026-07-28 call whose embedded question never got an answer (the connection ended, too many
 * were waiting): the call ends with that reason, not as an "unexpected error".
 */
function unanswered(reason: Error, error: unknown): PeriscopeError {
  const ended = (reason as { outcome?: unknown }).outcome === 'connection-ended';
  return new PeriscopeError(
    {
      kind: ended ? 'closed' : 'cancelled',
      message: `The call ended while the server's question waited for an answer. ${reason.message}`,
      hint: ended ? 'connect again and call again; answer the question in the Requests section' : 'answer or cancel the questions waiting in the Requests section, then call again',
      detail: { method: 'input_required' },
    },
    { cause: error },
  );
}

function elicitResult(params: ElicitRequestParams, answer: { action: string; content?: unknown }): ElicitResult {
  if (answer.action === 'accept') {
    // URL mode: accepting means the user agreed to open the URL; there is no content (client/elicitation).
    if (params.mode === 'url' || answer.content === undefined) return { action: 'accept' };
    return { action: 'accept', content: answer.content as NonNullable<ElicitResult['content']> };
  }
  return { action: answer.action === 'cancel' ? 'cancel' : 'decline' };
}

/** The params as the window gets them; a huge or deeply nested question is summarised instead. */
function shown(params: unknown): { params: unknown; tooLarge?: string } {
  const depth = valueDepth(params, MAX_PARAMS_DEPTH);
  let size: number;
  try {
    size = JSON.stringify(params)?.length ?? 0;
  } catch {
    size = Number.POSITIVE_INFINITY;
  }
  if (depth <= MAX_PARAMS_DEPTH && size <= MAX_PARAMS_CHARS) return { params };
  const message = (params as { message?: unknown } | undefined)?.message;
  const why =
    depth > MAX_PARAMS_DEPTH
      ? `The request nests deeper than ${MAX_PARAMS_DEPTH} levels (a requestedSchema is flat per the spec)`
      : `The request is ${Math.round(size / 1024)} KB, more than ${MAX_PARAMS_CHARS / 1024} KB`;
  return { params: typeof message === 'string' ? { message: message.slice(0, 2000) } : {}, tooLarge: `${why}; it is not shown as a form. The trace has it whole.` };
}
