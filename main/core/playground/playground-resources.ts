import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { OperationLog } from './operation-log';
import { playgroundLogoPng } from './tiny-png';

const README = `# MCP Periscope playground

A demo MCP server for trying Periscope and for QA practice.

Tools: echo, add, slow_operation (progress + cancellation), fail (isError result), image (PNG),
weather (structured output), ask_user (elicitation), ask_model (sampling), log (log messages).
Resources: playground://readme, playground://logo.png, playground://operations,
playground://items/{id}. Prompt: review_code(code, language).
`;

const ITEM_IDS = ['1', '2', '3'];

export function registerPlaygroundResources(server: McpServer, operations: OperationLog): void {
  server.registerResource(
    'readme',
    'playground://readme',
    { title: 'Playground readme', description: 'What this server offers (text).', mimeType: 'text/markdown' },
    async (uri) => ({ contents: [{ uri: uri.href, mimeType: 'text/markdown', text: README }] }),
  );

  server.registerResource(
    'logo',
    'playground://logo.png',
    { title: 'Playground logo', description: 'A 32×32 PNG (binary resource, base64 blob).', mimeType: 'image/png' },
    async (uri) => ({ contents: [{ uri: uri.href, mimeType: 'image/png', blob: playgroundLogoPng().toString('base64') }] }),
  );

  server.registerResource(
    'operations',
    'playground://operations',
    { title: 'Recent operations', description: 'How recent slow_operation calls of this session ended (JSON).', mimeType: 'application/json' },
    async (uri) => ({ contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(operations.list(), null, 2) }] }),
  );

  server.registerResource(
    'item',
    new ResourceTemplate('playground://items/{id}', {
      list: async () => ({
        resources: ITEM_IDS.map((id) => ({ uri: `playground://items/${id}`, name: `item-${id}`, mimeType: 'application/json' })),
      }),
      complete: { id: (prefix) => ITEM_IDS.filter((id) => id.startsWith(prefix)) },
    }),
    { title: 'Item by id', description: 'Any id works; the content echoes it (resource template).', mimeType: 'application/json' },
    async (uri, { id }) => ({
      contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify({ id: String(id), name: `Item ${String(id)}` }) }],
    }),
  );
}
