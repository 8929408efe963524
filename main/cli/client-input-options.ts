import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InvalidArgumentError } from 'commander';
import { ProtocolError, type CreateMessageResult, type ListRootsResult } from '@modelcontextprotocol/client';
import type { ClientInputHandlers } from '../core/connections/input/client-input';
import { PeriscopeError } from '../core/diagnostics/periscope-error';
import { acceptDefaults } from '../core/connections/input/elicitation-defaults';

export type ElicitationChoice = 'accept-defaults' | 'decline' | 'cancel';
export type SamplingChoice = { kind: 'reject' } | { kind: 'reply'; text: string };

/** The options that answer what a server asks of the client, as commander hands them over. */
export interface ClientInputOptions {
  elicitation?: ElicitationChoice;
  sampling?: SamplingChoice;
  roots?: string[];
}

/** The model name a `--sampling reply:TEXT` answer reports (CreateMessageResult.model). */
export const CLI_SAMPLING_MODEL = 'periscope-cli';

/**
 * The code of a refused sampling request: the specification's example for "User rejected
 * sampling request" (client/sampling, Error Handling) uses -1, outside the JSON-RPC range.
 */
export const SAMPLING_REJECTED_CODE = -1;

/** commander argParser for `--sampling reject | reply:TEXT`. */
export function parseSamplingOption(value: string): SamplingChoice {
  if (value === 'reject') return { kind: 'reject' };
  if (value.startsWith('reply:')) return { kind: 'reply', text: value.slice('reply:'.length) };
  throw new InvalidArgumentError(`"${value}" is neither "reject" nor "reply:TEXT" (e.g. --sampling 'reply:Hello').`);
}

/**
 * The handlers for the engine (ClientInputHandlers, shared by both protocol eras), or undefined
 * when no option was given so the engine keeps its defaults (elicitation declined, sampling
 * "not configured", no roots). Every answer is traced with `answeredBy: 'option'` and a source
 * naming the option(s); `note` prints on stderr why an elicitation was declined.
 * Throws `invalid-input` for a `--roots` value that is not a file:// URI or a local path.
 */
export function clientInputHandlers(options: ClientInputOptions, note: (line: string) => void): ClientInputHandlers | undefined {
  const given: string[] = [];
  const handlers: ClientInputHandlers = { answeredBy: 'option' };
  if (options.elicitation) {
    given.push(`--elicitation ${options.elicitation}`);
    handlers.elicit = elicitHandler(options.elicitation, note);
  }
  if (options.sampling) {
    given.push(`--sampling ${options.sampling.kind}`);
    handlers.sample = samplingHandler(options.sampling);
  }
  if (options.roots && options.roots.length > 0) {
    given.push('--roots');
    const roots: ListRootsResult = { roots: options.roots.map(rootOf) };
    handlers.roots = async () => roots;
  }
  if (given.length === 0) return undefined;
  handlers.source = given.length === 1 ? `the ${given[0]} option` : `the ${given.join(', ')} options`;
  return handlers;
}

function elicitHandler(choice: ElicitationChoice, note: (line: string) => void): NonNullable<ClientInputHandlers['elicit']> {
  if (choice === 'decline' || choice === 'cancel') return async () => ({ action: choice });
  return async (params) => {
    const answer = acceptDefaults(params);
    if (answer.note) note(`note: ${answer.note}`);
    return answer.result;
  };
}

/**
 * The answer of `--sampling reject`. A 2025-era server receives it as a JSON-RPC error (code -1);
 * in the 2026-07-28 era an embedded request cannot be answered with an error, so the SDK ends the
 * call with it. The name marks it (a subclass cannot be told apart from ProtocolError with
 * instanceof: the SDK's brand check answers for the whole family).
 */
export class SamplingRefusedError extends ProtocolError {
  constructor() {
    super(SAMPLING_REJECTED_CODE, 'Sampling was refused by the --sampling reject option (the user rejected the sampling request)');
    this.name = 'SamplingRefusedError';
  }
}

/**
 * When `error` (or one of its causes) is the --sampling reject answer ending a 2026-07-28 call,
 * an ErrorInfo that says so; otherwise the engine would report the client's own refusal as a
 * JSON-RPC error from the server. Kind `invalid-input`, as the engine's "sampling not
 * configured": the client's settings, not the server, stopped the request.
 */
export function refusedSampling(error: unknown): PeriscopeError | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { name?: unknown }).name === 'SamplingRefusedError') {
      return new PeriscopeError(
        {
          kind: 'invalid-input',
          message: 'The server asked for sampling in the middle of the request and the --sampling reject option refused it; in the 2026-07-28 era a refused embedded request ends the call',
          hint: 'to let the call go on, answer with --sampling reply:TEXT',
          detail: { method: 'sampling/createMessage', answeredBy: 'option' },
        },
        { cause: error },
      );
    }
  }
  return undefined;
}

function samplingHandler(choice: SamplingChoice): NonNullable<ClientInputHandlers['sample']> {
  if (choice.kind === 'reject') {
    return async () => {
      throw new SamplingRefusedError();
    };
  }
  const result: CreateMessageResult = { role: 'assistant', model: CLI_SAMPLING_MODEL, content: { type: 'text', text: choice.text } };
  return async () => result;
}

/** A root is a file:// URI (MCP client/roots); a local path is turned into one, relative to the working folder. */
function rootOf(value: string): { uri: string } {
  if (value.startsWith('file://')) {
    try {
      return { uri: new URL(value).href };
    } catch {
      // reported below
    }
  } else if (!/^[a-z][a-z0-9+.-]*:/i.test(value) || /^[a-z]:[\\/]/i.test(value)) {
    return { uri: pathToFileURL(isAbsolute(value) ? value : resolve(value)).href };
  }
  throw new PeriscopeError({
    kind: 'invalid-input',
    message: `--roots "${value}" is not a file:// URI or a local path.`,
    hint: 'MCP roots are file:// URIs: write e.g. --roots file:///home/me/project or --roots ./project.',
  });
}
