import * as z from 'zod';
import type { CacheHint, McpServer } from '@modelcontextprotocol/server';
import { COUNTER_URI, type PlaygroundSharedState } from './playground-shared-state';

/** The counter changes at any moment, so no client may serve it from a cache (ttlMs 0). */
export const COUNTER_CACHE_HINT = { ttlMs: 0, cacheScope: 'public' } as const satisfies CacheHint;

/**
 * The change-notification demo: playground://counter holds a number shared by every client of
 * the playground, and bump_counter raises it. Each bump announces the change on the shared feed,
 * which reaches 2026-07-28 clients on their `subscriptions/listen` stream (filter
 * `resourceSubscriptions: ['playground://counter']`) and 2025-era clients that sent
 * `resources/subscribe`, as `notifications/resources/updated`.
 */
export function registerPlaygroundCounter(server: McpServer, shared: PlaygroundSharedState): void {
  server.registerResource(
    'counter',
    COUNTER_URI,
    {
      title: 'Counter',
      description: 'A number every client shares; bump_counter raises it. Watch it with subscriptions/listen (2026-07-28) or resources/subscribe (2025).',
      mimeType: 'application/json',
      cacheHint: COUNTER_CACHE_HINT,
    },
    async (uri) => ({ contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(shared.counterSnapshot) }] }),
  );

  server.registerTool(
    'bump_counter',
    {
      title: 'Bump the counter',
      description: `Adds to ${COUNTER_URI} and announces the change (notifications/resources/updated) to every client watching it.`,
      inputSchema: z.object({ by: z.number().int().min(1).max(1000).default(1).describe('How much to add') }),
    },
    async ({ by }) => {
      const value = shared.bumpCounter(by);
      return { content: [{ type: 'text', text: `counter is now ${value}` }], structuredContent: { value } };
    },
  );
}
