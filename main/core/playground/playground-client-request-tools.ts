import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

/**
 * Tools that turn the conversation around: the server asks the client (elicitation, sampling)
 * in the middle of a tool call. The requests carry relatedRequestId so that, over Streamable HTTP,
 * they travel on the tool call's own response stream rather than needing the GET stream.
 */
export function registerClientRequestTools(server: McpServer): void {
  server.registerTool(
    'ask_user',
    {
      title: 'Ask the user (elicitation)',
      description: 'Sends elicitation/create to the client asking for a name and a favourite colour, then reports the answer.',
      inputSchema: { question: z.string().default('Who are you, and what is your favourite colour?') },
    },
    async ({ question }, extra) => {
      if (!server.server.getClientCapabilities()?.elicitation) {
        return toolError('This client does not support elicitation (it did not declare the "elicitation" capability), so ask_user cannot ask anything.');
      }
      try {
        const answer = await server.server.elicitInput(
          {
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
          },
          { relatedRequestId: extra.requestId, signal: extra.signal },
        );
        const text =
          answer.action === 'accept'
            ? `The user answered: ${JSON.stringify(answer.content ?? {})}`
            : `The user chose to ${answer.action} the question.`;
        return { content: [{ type: 'text', text }], structuredContent: { action: answer.action, content: answer.content ?? {} } };
      } catch (error) {
        return toolError(`The elicitation request failed: ${describe(error)}`);
      }
    },
  );

  server.registerTool(
    'ask_model',
    {
      title: 'Ask the model (sampling)',
      description: "Sends sampling/createMessage to the client with the prompt and reports the model's reply.",
      inputSchema: { prompt: z.string().default('Say hello to the playground.'), maxTokens: z.number().int().min(1).max(4096).default(100) },
    },
    async ({ prompt, maxTokens }, extra) => {
      if (!server.server.getClientCapabilities()?.sampling) {
        return toolError('This client does not support sampling (it did not declare the "sampling" capability), so ask_model cannot ask a model.');
      }
      try {
        const reply = await server.server.createMessage(
          {
            messages: [{ role: 'user', content: { type: 'text', text: prompt } }],
            systemPrompt: 'You are answering a test request from the MCP Periscope playground.',
            maxTokens,
          },
          { relatedRequestId: extra.requestId, signal: extra.signal },
        );
        const text = reply.content.type === 'text' ? reply.content.text : `[${reply.content.type} content]`;
        return { content: [{ type: 'text', text: `Model ${reply.model} replied: ${text}` }] };
      } catch (error) {
        return toolError(`The sampling request failed: ${describe(error)}`);
      }
    },
  );
}

function toolError(text: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text }] };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
