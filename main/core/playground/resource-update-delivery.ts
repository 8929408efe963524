import type { McpServer, ProtocolEra } from '@modelcontextprotocol/server';
import type { ResourceChangeFeed } from './resource-change-feed';

/**
 * Connects one long-lived server instance (a 2025-era session, or a connection pinned by
 * serveStdio) to the playground's change feed, until the instance closes:
 *
 * - legacy era (spec 2025-11-25, resources/subscribe): serves `resources/subscribe` and
 *   `resources/unsubscribe`, and sends `notifications/resources/updated` only for URIs the client
 *   subscribed to, as that revision requires;
 * - modern era (spec 2026-07-28, subscriptions/listen): sends every change; serveStdio's listen
 *   router turns it into notifications on the open `subscriptions/listen` streams whose
 *   `resourceSubscriptions` name the URI, and drops it when none does.
 *
 * Per-request instances (2026-07-28 over HTTP) are not wired here: they live for one request, so
 * start-playground publishes changes through the HTTP handler's `notify.resourceUpdated` instead.
 */
export function deliverResourceUpdates(server: McpServer, feed: ResourceChangeFeed, era: ProtocolEra): void {
  const wanted = era === 'legacy' ? legacySubscriptions(server) : undefined;
  const stop = feed.subscribe((uri) => {
    if (wanted && !wanted.has(uri)) return;
    // A client gone mid-send is the transport's to report; the change is simply not delivered.
    server.server.sendResourceUpdated({ uri }).catch(() => undefined);
  });
  const previousOnClose = server.server.onclose;
  server.server.onclose = () => {
    stop();
    previousOnClose?.();
  };
}

/** The URIs this session subscribed to; any URI is accepted, as the spec leaves that to the server. */
function legacySubscriptions(server: McpServer): Set<string> {
  const subscribed = new Set<string>();
  server.server.setRequestHandler('resources/subscribe', async (request) => {
    subscribed.add(request.params.uri);
    return {};
  });
  server.server.setRequestHandler('resources/unsubscribe', async (request) => {
    subscribed.delete(request.params.uri);
    return {};
  });
  return subscribed;
}
