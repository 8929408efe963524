import * as z from 'zod';
import { inputRequired, inputResponse, type CallToolResult, type McpServer } from '@modelcontextprotocol/server';
import { requestClientCapabilities } from './request-client-capabilities';

/** The key of the one embedded request each tool makes; the client echoes it in inputResponses. */
const ANSWER = 'answer';

/** Where sign_in sends the user: a harmless public page. */
export const SIGN_IN_URL = 'https://example.com/periscope-playground/sign-in?session=demo';

/**
 * Tools that need the client in the middle of a call: elicitation (ask_user) and sampling
 * (ask_model). Written once in the 2026-07-28 multi-round-trip style (spec 2026-07-28,
 * basic/patterns/mrtr): the first call returns `input_required` with an embedded
 * `elicitation/create` or `sampling/createMessage`, and the retried call carries the answer in
 * `inputResponses`. On a 2025-era session the server SDK's legacy shim turns the same return into
 * a real server-to-client request on the tool call's own stream and re-enters the handler, so
 * both eras see the interaction their revision defines.
 *
 * A client that did not declare the capability gets an isError result that says so, on both eras.
 */
export function registerClientRequestTools(server: McpServer): void {
  server.registerTool(
    'ask_user',
    {
      title: 'Ask the user (elicitation)',
      description:
        'Asks the client for a name and a favourite colour (elicitation/create: input_required on 2026-07-28, a server-to-client request on 2025), then reports the answer.',
      inputSchema: z.object({ question: z.string().default('Who are you, and what is your favourite colour?') }),
    },
    async ({ question }, ctx) => {
      if (!requestClientCapabilities(server, ctx)?.elicitation) {
        return toolError('This client does not support elicitation (it did not declare the "elicitation" capability), so ask_user cannot ask anything.');
      }
      const answer = inputResponse(ctx.mcpReq.inputResponses, ANSWER);
      if (answer.kind === 'missing') {
        return inputRequired({
          inputRequests: {
            [ANSWER]: inputRequired.elicit({
              mode: 'form',
              message: question,
              requestedSchema: {
                type: 'object',
                properties: {
                  name: { type: 'string', title: 'Your name' },
                  colour: { type: 'string', title: 'Favourite colour', enum: ['red', 'green', 'blue'] },
                },
                required: ['name'],
              },
            }),
          },
        });
      }
      if (answer.kind !== 'elicit') return toolError(`Expected an elicitation answer, got a ${answer.kind} response.`);
      const content = answer.content ?? {};
      const text = answer.action === 'accept' ? `The user answered: ${JSON.stringify(content)}` : `The user chose to ${answer.action} the question.`;
      return { content: [{ type: 'text', text }], structuredContent: { action: answer.action, content } };
    },
  );

  server.registerTool(
    'sign_in',
    {
      title: 'Sign in on a web page (URL-mode elicitation)',
      description:
        'Asks the client to let the user open a sign-in page (elicitation/create in URL mode: input_required on 2026-07-28, a server-to-client request on 2025), then reports whether the user agreed. The page is example.com: nothing signs anyone in.',
    },
    async (ctx) => {
      if (!requestClientCapabilities(server, ctx)?.elicitation?.url) {
        return toolError('This client does not support URL-mode elicitation (its "elicitation" capability has no "url"), so sign_in cannot send the user to a page.');
      }
      const answer = inputResponse(ctx.mcpReq.inputResponses, ANSWER);
      if (answer.kind === 'missing') {
        return inputRequired({ inputRequests: { [ANSWER]: inputRequired.elicitUrl({ message: 'Sign in to the playground (a demo page)', url: SIGN_IN_URL }) } });
      }
      if (answer.kind !== 'elicit') return toolError(`Expected an elicitation answer, got a ${answer.kind} response.`);
      return { content: [{ type: 'text', text: answer.action === 'accept' ? 'The user agreed to open the sign-in page.' : `The user chose to ${answer.action} the sign-in.` }] };
    },
  );

  server.registerTool(
    'ask_model',
    {
      title: 'Ask the model (sampling)',
      description:
        "Asks the client's model to answer the prompt (sampling/createMessage: input_required on 2026-07-28, a server-to-client request on 2025) and reports the reply.",
      inputSchema: z.object({ prompt: z.string().default('Say hello to the playground.'), maxTokens: z.number().int().min(1).max(4096).default(100) }),
    },
    async ({ prompt, maxTokens }, ctx) => {
      if (!requestClientCapabilities(server, ctx)?.sampling) {
        return toolError('This client does not support sampling (it did not declare the "sampling" capability), so ask_model cannot ask a model.');
      }
      const reply = inputResponse(ctx.mcpReq.inputResponses, ANSWER);
      if (reply.kind === 'missing') {
        return inputRequired({
          inputRequests: {
            [ANSWER]: inputRequired.createMessage({
              messages: [{ role: 'user', content: { type: 'text', text: prompt } }],
              systemPrompt: 'You are answering a test request from the MCP Periscope playground.',
              maxTokens,
            }),
          },
        });
      }
      if (reply.kind !== 'sampling') return toolError(`Expected a sampling answer, got a ${reply.kind} response.`);
      const [block] = Array.isArray(reply.result.content) ? reply.result.content : [reply.result.content];
      const text = block?.type === 'text' ? block.text : `[${block?.type ?? 'no'} content]`;
      return { content: [{ type: 'text', text: `Model ${reply.result.model} replied: ${text}` }] };
    },
  );
}

export function toolError(text: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text }] };
}
