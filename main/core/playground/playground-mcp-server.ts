import { McpServer, type CacheHint, type ProtocolEra, type ServerOptions } from '@modelcontextprotocol/server';
import { OperationLog } from './operation-log';
import { registerClientRequestTools } from './playground-client-request-tools';
import { registerPlaygroundCounter } from './playground-counter';
import { PLAYGROUND_SERVER_INFO } from './playground-options';
import { orderCoffeeRequestState, registerOrderCoffee } from './playground-order-coffee';
import { registerPlaygroundPrompts } from './playground-prompts';
import { registerPlaygroundResources } from './playground-resources';
import { PlaygroundSharedState } from './playground-shared-state';
import { registerPlaygroundTools } from './playground-tools';
import { deliverResourceUpdates } from './resource-update-delivery';

export const PLAYGROUND_INSTRUCTIONS =
  'MCP Periscope playground: a demo server that speaks both protocol eras, the 2025 revisions (initialize, sessions, server-to-client requests) and 2026-07-28 (stateless, server/discover, input_required, subscriptions/listen, cache hints). Try echo, add, slow_operation (progress and cancellation), fail, image, weather (structured output), ask_user (elicitation), ask_model (sampling), order_coffee (two input_required rounds), bump_counter (then watch playground://counter) and log.';

/**
 * Cache hints for the list results and server/discover, which the SDK builds itself (spec
 * 2026-07-28, SEP-2549). The tool, prompt and template lists never change while the playground
 * runs, so any client may keep them for five minutes. 2025-era responses never carry them.
 */
export const PLAYGROUND_CACHE_HINTS = {
  'server/discover': { ttlMs: 300_000, cacheScope: 'public' },
  'tools/list': { ttlMs: 300_000, cacheScope: 'public' },
  'prompts/list': { ttlMs: 300_000, cacheScope: 'public' },
  'resources/list': { ttlMs: 300_000, cacheScope: 'public' },
  'resources/templates/list': { ttlMs: 300_000, cacheScope: 'public' },
} as const satisfies ServerOptions['cacheHints'] & Record<string, CacheHint>;

export interface PlaygroundServerContext {
  /** The era the instance will serve; the serving entry decides it (default 'legacy'). */
  era?: ProtocolEra;
  /**
   * 'connection' (default): the instance serves one 2025-era session or one connection pinned by
   * serveStdio, so it keeps its own operation log and delivers resource updates itself.
   * 'request': a 2026-07-28 HTTP request builds it and drops it after the answer, so it uses the
   * shared operation log and leaves update delivery to the HTTP handler.
   */
  lifetime?: 'connection' | 'request';
  /** The running playground's shared state; absent means a private one (a lone instance). */
  shared?: PlaygroundSharedState;
}

/**
 * A fresh McpServer (v2 SDK) with every playground feature, for either protocol era. One per
 * session, connection or 2026-07-28 request: an instance holds a single transport, and separate
 * instances keep concurrent clients independent. This is the factory every serving entry calls.
 */
export function createPlaygroundMcpServer(context: PlaygroundServerContext = {}): McpServer {
  const { era = 'legacy', lifetime = 'connection', shared = new PlaygroundSharedState() } = context;
  const server = new McpServer(PLAYGROUND_SERVER_INFO, {
    capabilities: { logging: {}, tools: {}, resources: { subscribe: true }, prompts: {}, completions: {} },
    instructions: PLAYGROUND_INSTRUCTIONS,
    cacheHints: PLAYGROUND_CACHE_HINTS,
    requestState: orderCoffeeRequestState(),
  });
  const operations = lifetime === 'request' ? shared.statelessOperations : new OperationLog();
  registerPlaygroundTools(server, operations);
  registerClientRequestTools(server);
  registerOrderCoffee(server);
  registerPlaygroundCounter(server, shared);
  registerPlaygroundResources(server, operations);
  registerPlaygroundPrompts(server);
  if (lifetime === 'connection') deliverResourceUpdates(server, shared.changes, era);
  return server;
}
