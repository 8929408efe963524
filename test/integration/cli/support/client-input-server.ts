import { McpServer, inputRequired, inputResponse, type CallToolResult } from '@modelcontextprotocol/server';

/**
 * A server on the v2 SDK that asks the client for what the CLI's --elicitation and --roots
 * options answer, written once in the 2026-07-28 multi-round style (`inputRequired`); on a
 * 2025-era connection the SDK's legacy shim sends the same asks as real server-to-client requests.
 * - `fill_form`: a form-mode elicitation whose every property has a default (SEP-1034: string,
 *   integer, number, boolean, single- and multi-select enum); returns the answer as structuredContent.
 * - `open_link`: a URL-mode elicitation of https://example.com/verify?code=42.
 * - `list_roots`: asks for `roots/list`; returns the root URIs, one per line.
 */
export function createClientInputServer(): McpServer {
  const server = new McpServer({ name: 'cli-input-fixture', version: '1.0.0' }, { capabilities: { tools: {} } });
  server.registerTool('fill_form', { description: 'asks for a form whose fields all have defaults' }, async (ctx) => {
    const answer = inputResponse(ctx.mcpReq.inputResponses, 'form');
    if (answer.kind === 'missing') {
      return inputRequired({
        inputRequests: {
          form: inputRequired.elicit({
            mode: 'form',
            message: 'Confirm the settings',
            requestedSchema: {
              type: 'object',
              properties: {
                name: { type: 'string', default: 'Ada' },
                age: { type: 'integer', default: 36 },
                score: { type: 'number', default: 9.5 },
                verified: { type: 'boolean', default: false },
                plan: { type: 'string', enum: ['free', 'pro'], default: 'pro' },
                tags: { type: 'array', items: { type: 'string', enum: ['a', 'b', 'c'] }, default: ['a', 'c'] },
              },
              required: ['name', 'age'],
            },
          }),
        },
      });
    }
    return answered(answer.kind === 'elicit' ? { action: answer.action, content: answer.content ?? {} } : { unexpected: answer.kind });
  });
  server.registerTool('open_link', { description: 'asks the user to open a URL' }, async (ctx) => {
    const answer = inputResponse(ctx.mcpReq.inputResponses, 'link');
    if (answer.kind === 'missing') {
      return inputRequired({ inputRequests: { link: inputRequired.elicitUrl({ message: 'Verify your account', url: 'https://example.com/verify?code=42' }) } });
    }
    return answered(answer.kind === 'elicit' ? { action: answer.action } : { unexpected: answer.kind });
  });
  server.registerTool('list_roots', { description: "lists the client's roots" }, async (ctx) => {
    const answer = inputResponse(ctx.mcpReq.inputResponses, 'roots');
    if (answer.kind === 'missing') return inputRequired({ inputRequests: { roots: inputRequired.listRoots() } });
    return answered(answer.kind === 'roots' ? { roots: answer.roots.map((r) => r.uri) } : { unexpected: answer.kind });
  });
  return server;
}

function answered(structuredContent: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(structuredContent) }], structuredContent };
}
