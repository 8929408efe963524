import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  ErrorCode,
  McpError,
  type CreateMessageRequest,
  type CreateMessageResult,
  type ElicitRequest,
  type ElicitResult,
} from '@modelcontextprotocol/sdk/types.js';

/** Answers to the requests a server may send the client. */
export interface ClientRequestHandlers {
  elicit?: (params: ElicitRequest['params']) => Promise<ElicitResult>;
  sample?: (params: CreateMessageRequest['params']) => Promise<CreateMessageResult>;
}

/** Both are declared so servers can exercise them; the defaults answer honestly. */
export const CLIENT_CAPABILITIES = { elicitation: {}, sampling: {} } as const;

export const SAMPLING_NOT_CONFIGURED =
  'Sampling is not configured in MCP Periscope: this client has no language model to answer sampling/createMessage';

/**
 * Installs the handlers. Without a handler, elicitation is declined (the user was not asked, so
 * nothing is accepted on their behalf) and sampling answers a clear JSON-RPC error.
 */
export function installClientHandlers(client: Client, handlers: ClientRequestHandlers = {}): void {
  client.setRequestHandler(ElicitRequestSchema, async (request) =>
    handlers.elicit ? handlers.elicit(request.params) : { action: 'decline' },
  );
  client.setRequestHandler(CreateMessageRequestSchema, async (request) => {
    if (!handlers.sample) throw new McpError(ErrorCode.InvalidRequest, SAMPLING_NOT_CONFIGURED);
    return handlers.sample(request.params);
  });
}
