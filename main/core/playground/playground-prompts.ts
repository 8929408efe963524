import * as z from 'zod';
import type { McpServer } from '@modelcontextprotocol/server';

/** Two prompts: one with required arguments, one without. Served alike to both protocol eras. */
export function registerPlaygroundPrompts(server: McpServer): void {
  server.registerPrompt(
    'review_code',
    {
      title: 'Review code',
      description: 'Asks for a review of a piece of code in a given language.',
      argsSchema: z.object({ code: z.string().describe('The code to review'), language: z.string().describe('Its language, e.g. typescript') }),
    },
    ({ code, language }) => ({
      description: `Review of ${language} code`,
      messages: [
        {
          role: 'user',
          content: { type: 'text', text: `Please review this ${language} code for bugs and clarity:\n\n\`\`\`${language}\n${code}\n\`\`\`` },
        },
      ],
    }),
  );

  server.registerPrompt('greeting', { title: 'Greeting', description: 'A prompt without arguments.' }, () => ({
    messages: [{ role: 'user', content: { type: 'text', text: 'Say hello to the MCP Periscope playground.' } }],
  }));
}
