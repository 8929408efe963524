import { CLIENT_CAPABILITIES_META_KEY, type Client, type RequestOptions } from '@modelcontextprotocol/client';
import * as z from 'zod';
import { TASKS_EXTENSION } from '../../../../shared/model/task';
import { PeriscopeError } from '../../diagnostics/periscope-error';
import type { ModernTaskPort } from '../../tasks/modern-tool-task';
import { answerEmbeddedRequest } from '../input/client-input';
import { requestWithDecoder, sdkInternals } from './sdk-request-funnel';

/** Sends one request on the live session, as RequestRunner.run does (timeouts, failures in words, redaction). */
export type RunRequest = <T>(work: (client: Client, options: RequestOptions) => Promise<T>, notResentAs?: string) => Promise<T>;

const Anything = z.looseObject({});

/**
 * The 2026-07-28 connection's side of a task run (see runModernToolTask). Every request declares
 * the tasks extension in its per-request client capabilities (`_meta`
 * ["io.modelcontextprotocol/clientCapabilities"].extensions["io.modelcontextprotocol/tasks"] = {}):
 * the extension's only opt-in, which the server requires on tools/call before it may answer with a
 * task and on tasks/get, tasks/update and tasks/cancel (else -32021). The SDK's transport sets
 * `Mcp-Name` to `params.taskId` on the tasks/* requests, as the extension's Streamable HTTP
 * binding asks. `logMeta` adds the log level the connection asks for, as on any request.
 */
export function modernTaskPort(run: RunRequest, client: () => Client, logMeta: (client: Client) => Record<string, unknown> | undefined): ModernTaskPort {
  return {
    call: (name, args) =>
      run(
        (c, options) => callDeclaringTasks(c, { name, arguments: args, _meta: { ...logMeta(c), ...declaringTasks(c) } }, options),
        // A tool may change state: after a session expiry it is not run again behind the user's back.
        `tools/call "${name}" as a task`,
      ),
    send: (method, params) => run((c, options) => c.request({ method, params: { ...params, _meta: declaringTasks(c) } } as never, Anything, options)),
    // Not through run: the answer goes to the server as given (run's redaction is for what leaves toward the user).
    answer: (key, request, signal) => answerEmbeddedRequest(client(), request.method, request.params ?? {}, signal, { requestId: key }),
  };
}

/** The request's client capabilities: the ones the SDK sends on every request, plus the tasks extension. */
function declaringTasks(client: Client): Record<string, unknown> {
  const envelope = sdkInternals(client)._outboundMetaEnvelope?.();
  const capabilities = envelope?.[CLIENT_CAPABILITIES_META_KEY] as Record<string, unknown> | undefined;
  if (!capabilities) throw sdkSeamMissing('the per-request client capabilities');
  const extensions = (capabilities.extensions as Record<string, unknown> | undefined) ?? {};
  return { [CLIENT_CAPABILITIES_META_KEY]: { ...capabilities, extensions: { ...extensions, [TASKS_EXTENSION]: {} } } };
}

/**
 * `tools/call` through the SDK's request funnel with one change to its 2026-07-28 result decoding:
 * a result with `resultType: "task"` (which the SDK refuses as an unsupported result type) is
 * handed back as sent, `resultType` and all. Every other answer is decoded as for any call
 * (`complete` validated as a CallToolResult, `input_required` rounds fulfilled and retried).
 */
async function callDeclaringTasks(client: Client, params: Record<string, unknown>, options: RequestOptions): Promise<Record<string, unknown>> {
  const sent = requestWithDecoder(client, { method: 'tools/call', params }, Anything, options, (raw, decode) => (isTaskResult(raw) ? { kind: 'complete', result: raw } : decode(raw)));
  if (!sent) throw sdkSeamMissing('its request funnel');
  return (await sent) as Record<string, unknown>;
}

function isTaskResult(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as { resultType?: unknown }).resultType === 'task';
}

function sdkSeamMissing(what: string): PeriscopeError {
  return new PeriscopeError({
    kind: 'internal',
    message: `Periscope cannot run a 2026-07-28 task: the MCP SDK it is built with no longer exposes ${what}, which the tasks extension needs.`,
    hint: 'Call the tool as a plain call; this Periscope build needs updating for its SDK.',
  });
}
