import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

export function registerPlaygroundPrompts(server: McpServer): void {
  server.registerPrompt(
    'review_code',
    {
      title: 'Review code',
      description: 'Asks for a review of a piece of code in a given language.',
      argsSchema: { code: z.string().describe('The code to review'), language: z.string().describe('Its language, e.g. typescript') },
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
