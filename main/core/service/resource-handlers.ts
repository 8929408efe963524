import type { ChannelOutput, MainEvent, ParsedInput } from '../../../shared/ipc/contract';
import type { TraceEntry } from '../../../shared/model';
import type { ConnectionLookup } from './connection-lookup';
import type { ConnectionManagerPort } from './ports';

export interface ResourceHandlerDeps {
  lookup: ConnectionLookup;
  manager: Pick<ConnectionManagerPort, 'subscribe' | 'onStateChange'>;
  emit(event: MainEvent): void;
}

type Subscription = { close(): Promise<void> };

/**
 * The workbench's resource templates, completions and subscriptions. A subscription lives until
 * it is unsubscribed, its connection is gone, or (2026-07-28) the server ends its listen stream,
 * which a 'resource-subscription-ended' event tells the window. Every
 * notifications/resources/updated the trace sees for a subscribed URI becomes a 'resource-updated'
 * event (the notification itself stays in the trace, as every message does).
 */
export function resourceHandlers({ lookup, manager, emit }: ResourceHandlerDeps) {
  const subscriptions = new Map<string, Subscription>();
  const key = (connectionId: string, uri: string) => `${connectionId}\u0000${uri}`;
  let unwatch: (() => void) | undefined;

  // A connection that ended took its subscriptions with it (its listen streams are closed too).
  const dropEnded = (connectionId: string) => {
    for (const [k, subscription] of subscriptions) {
      if (!k.startsWith(`${connectionId}\u0000`)) continue;
      subscriptions.delete(k);
      void subscription.close().catch(() => undefined);
    }
    stopWatchingIfIdle();
  };

  // One trace listener and one state listener serve every subscription, and only while there is one.
  const watchUpdates = () => {
    if (unwatch) return;
    const stopTrace = manager.subscribe((entry: TraceEntry) => {
      if (entry.type !== 'message' || entry.direction !== 'incoming' || entry.method !== 'notifications/resources/updated') return;
      const uri = (entry.message as { params?: { uri?: unknown } } | undefined)?.params?.uri;
      if (typeof uri !== 'string' || !subscriptions.has(key(entry.connectionId, uri))) return;
      emit({ type: 'resource-updated', connectionId: entry.connectionId, uri, at: entry.wallTime });
    });
    const stopState = manager.onStateChange((info) => {
      if (info.state === 'closed' || info.state === 'failed' || info.state === 'lost') dropEnded(info.connectionId);
    });
    unwatch = () => {
      stopTrace();
      stopState();
    };
  };
  function stopWatchingIfIdle() {
    if (subscriptions.size > 0) return;
    unwatch?.();
    unwatch = undefined;
  }

  return {
    'connections:list-resource-templates': async ({ connectionId }: ParsedInput<'connections:list-resource-templates'>) =>
      (await lookup.live(connectionId).listResourceTemplates()) as ChannelOutput<'connections:list-resource-templates'>,
    'connections:complete': async ({ connectionId, ref, argument, context }: ParsedInput<'connections:complete'>) =>
      (await lookup.live(connectionId).complete(ref, argument, context)) as ChannelOutput<'connections:complete'>,
    'connections:subscribe-resource': async ({ connectionId, uri }: ParsedInput<'connections:subscribe-resource'>): Promise<ChannelOutput<'connections:subscribe-resource'>> => {
      const connection = lookup.live(connectionId);
      if (subscriptions.has(key(connectionId, uri))) return { honored: true };
      watchUpdates();
      try {
        const listening = await connection.listen({ resourceSubscriptions: [uri] });
        const honored = listening.honored.resourceSubscriptions?.includes(uri) ?? false;
        if (!honored) {
          await listening.close().catch(() => undefined);
          return { honored };
        }
        subscriptions.set(key(connectionId, uri), listening);
        // 2026-07-28: the server may end the listen stream; the subscription is then over.
        void listening.ended?.then((how) => {
          if (how === 'local' || subscriptions.get(key(connectionId, uri)) !== listening) return;
          subscriptions.delete(key(connectionId, uri));
          stopWatchingIfIdle();
          emit({ type: 'resource-subscription-ended', connectionId, uri, how });
        });
        return { honored };
      } finally {
        stopWatchingIfIdle();
      }
    },
    'connections:unsubscribe-resource': async ({ connectionId, uri }: ParsedInput<'connections:unsubscribe-resource'>) => {
      const subscription = subscriptions.get(key(connectionId, uri));
      subscriptions.delete(key(connectionId, uri));
      stopWatchingIfIdle();
      // A connection that is already gone took its subscriptions with it.
      await subscription?.close().catch(() => undefined);
    },
  };
}
