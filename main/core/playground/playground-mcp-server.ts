import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { OperationLog } from './operation-log';
import { PLAYGROUND_SERVER_INFO } from './playground-options';
import { registerClientRequestTools } from './playground-client-request-tools';
import { registerPlaygroundPrompts } from './playground-prompts';
import { registerPlaygroundResources } from './playground-resources';
import { registerPlaygroundTools } from './playground-tools';

export const PLAYGROUND_INSTRUCTIONS =
  'MCP Periscope playground: a demo server. Try echo, add, slow_operation (progress and cancellation), fail, image, weather (structured output), ask_user (elicitation), ask_model (sampling) and log.';

/**
 * A fresh McpServer with every playground feature. One per session or connection: an McpServer
 * holds a single transport, and separate instances keep concurrent clients independent.
 */
export function createPlaygroundMcpServer(): McpServer {
  const server = new McpServer(PLAYGROUND_SERVER_INFO, {
    capabilities: { logging: {}, tools: {}, resources: {}, prompts: {}, completions: {} },
    instructions: PLAYGROUND_INSTRUCTIONS,
  });
  const operations = new OperationLog();
  registerPlaygroundTools(server, operations);
  registerClientRequestTools(server);
  registerPlaygroundResources(server, operations);
  registerPlaygroundPrompts(server);
  return server;
}
