import { ResourceTemplate, type CacheHint, type McpServer } from '@modelcontextprotocol/server';
import type { OperationLog } from './operation-log';
import { playgroundLogoPng } from './tiny-png';

const README = `# MCP Periscope playground

A demo MCP server for trying Periscope and for QA practice. It speaks both protocol eras: the 2025
revisions (initialize, sessions, server-to-client requests) and 2026-07-28 (stateless,
server/discover, input_required, subscriptions/listen, cache hints).

Tools: echo, add, slow_operation (progress + cancellation), fail (isError result), image (PNG),
weather (structured output), ask_user (elicitation), ask_model (sampling), order_coffee (two
input_required rounds), bump_counter (changes playground://counter), log (log messages).
Resources: playground://readme, playground://logo.png, playground://operations,
playground://counter (subscribe or listen to it), playground://items/{id}.
Prompts: review_code(code, language), greeting.
`;

const ITEM_IDS = ['1', '2', '3'];

/**
 * Cache hints (spec 2026-07-28, SEP-2549 `ttlMs` / `cacheScope`) per resource, chosen to show the
 * range: content that never changes may be cached by anyone for an hour, per-session state must
 * not be cached at all. 2025-era responses never carry them.
 */
export const RESOURCE_CACHE_HINTS = {
  readme: { ttlMs: 3_600_000, cacheScope: 'public' },
  logo: { ttlMs: 3_600_000, cacheScope: 'public' },
  operations: { ttlMs: 0, cacheScope: 'private' },
  item: { ttlMs: 60_000, cacheScope: 'public' },
} as const satisfies Record<string, CacheHint>;

/** The static resources, the operations log and the item template. The counter lives in playground-counter.ts. */
export function registerPlaygroundResources(server: McpServer, operations: OperationLog): void {
  server.registerResource(
    'readme',
    'playground://readme',
    { title: 'Playground readme', description: 'What this server offers (text).', mimeType: 'text/markdown', cacheHint: RESOURCE_CACHE_HINTS.readme },
    async (uri) => ({ contents: [{ uri: uri.href, mimeType: 'text/markdown', text: README }] }),
  );

  server.registerResource(
    'logo',
    'playground://logo.png',
    { title: 'Playground logo', description: 'A 32×32 PNG (binary resource, base64 blob).', mimeType: 'image/png', cacheHint: RESOURCE_CACHE_HINTS.logo },
    async (uri) => ({ contents: [{ uri: uri.href, mimeType: 'image/png', blob: playgroundLogoPng().toString('base64') }] }),
  );

  server.registerResource(
    'operations',
    'playground://operations',
    {
      title: 'Recent operations',
      description:
        'How recent slow_operation calls ended (JSON): those of this session on 2025-era connections, those of every 2026-07-28 HTTP client together (that era has no session).',
      mimeType: 'application/json',
      cacheHint: RESOURCE_CACHE_HINTS.operations,
    },
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
    {
      title: 'Item by id',
      description: 'Any id works; the content echoes it (resource template).',
      mimeType: 'application/json',
      cacheHint: RESOURCE_CACHE_HINTS.item,
    },
    async (uri, { id }) => ({
      contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify({ id: String(id), name: `Item ${String(id)}` }) }],
    }),
  );
}
