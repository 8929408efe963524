import type { LoadRequest } from '../../../shared/model/load-run';
import { PeriscopeError } from '../diagnostics/periscope-error';
import { parseToolArguments } from '../service/exact-tool-arguments';
import type { ConnectionPort } from '../service/ports';
import type { SendRequest } from './load-run';

/**
 * The request a load run sends, bound to one connection: a tools/call, resources/read,
 * prompts/get or any method, each through the connection like every other request (so each one
 * is traced and lands in the Latency figures). The arguments are parsed once, here, so a run of
 * 10,000 requests does not parse them 10,000 times.
 *
 * @throws PeriscopeError `invalid-input` when the arguments or params are not a JSON object (the
 *   run does not start), `unsupported` when the connection cannot send an arbitrary method.
 */
export function loadSender(connection: ConnectionPort, request: LoadRequest): SendRequest {
  switch (request.kind) {
    case 'tool': {
      const args = request.argumentsJson?.trim() ? parseToolArguments(request.argumentsJson) : {};
      return () => connection.callTool(request.name, args, { unvalidatedOutput: true });
    }
    case 'resource':
      return () => connection.readResource(request.uri);
    case 'prompt':
      return () => connection.getPrompt(request.name, request.arguments);
    case 'method': {
      const params = request.paramsJson?.trim() ? paramsOf(request.paramsJson) : undefined;
      const send = connection.sendRequest?.bind(connection);
      if (!send) throw new PeriscopeError({ kind: 'internal', message: 'This connection cannot send an arbitrary method.', hint: 'Load-test a tool, a resource or a prompt instead.' });
      return () => send(request.method, params);
    }
  }
}

/** A method's params: a JSON object, numbers kept exact as for tool arguments. */
function paramsOf(text: string): Record<string, unknown> {
  try {
    return parseToolArguments(text);
  } catch (error) {
    if (!(error instanceof PeriscopeError)) throw error;
    throw new PeriscopeError({ ...error.info, message: error.info.message.replace('The arguments', 'The params'), hint: 'Give the params as a JSON object, e.g. {"cursor": "abc"}, or leave them empty.' });
  }
}

/** A short name for a run's request, for the trace and the window: "tools/call echo". */
export function describeLoadRequest(request: LoadRequest): string {
  switch (request.kind) {
    case 'tool':
      return `tools/call ${request.name}`;
    case 'resource':
      return `resources/read ${request.uri}`;
    case 'prompt':
      return `prompts/get ${request.name}`;
    case 'method':
      return request.method;
  }
}
