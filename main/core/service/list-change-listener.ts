import type { ConnectionInfo } from '../../../shared/model/connection';
import type { ConnectionLookup } from './connection-lookup';
import type { ConnectionManagerPort, ListenFilter } from './ports';

type Stream = { close(): Promise<void> };

/**
 * Keeps the app told when a 2026-07-28 server's tools, prompts or resources change. That era
 * sends nothing unasked: list changes arrive only on a `subscriptions/listen` stream whose filter
 * asked for them (2026-07-28, server/utilities/subscriptions). So each connected modern
 * connection gets one stream asking for every list the server says can change
 * (`capabilities.tools|prompts|resources.listChanged`); its `notifications/*\/list_changed`
 * land in the trace, where the workbench refreshes from them as it does for a 2025 server's
 * unasked ones. The stream ends with the connection and opens again when it reconnects.
 * A server that refuses the stream loses only the live refresh: the failure is in the trace.
 * Returns the function that stops listening (and closes every stream).
 */
export function listenForListChanges(manager: Pick<ConnectionManagerPort, 'onStateChange'>, lookup: Pick<ConnectionLookup, 'live'>): () => void {
  const streams = new Map<string, Promise<Stream | undefined>>();
  const end = (connectionId: string) => {
    const stream = streams.get(connectionId);
    streams.delete(connectionId);
    void stream?.then((s) => s?.close()).catch(() => undefined);
  };
  const stop = manager.onStateChange((info) => {
    if (info.state !== 'connected') return end(info.connectionId);
    if (streams.has(info.connectionId) || info.era !== 'modern') return;
    const filter = listChangeFilter(info.capabilities);
    if (!filter) return;
    const opened = lookup
      .live(info.connectionId)
      .listen(filter)
      .then(
        (stream) => stream,
        // The failure is in the trace (the request and its error); nothing else to do.
        () => undefined,
      );
    streams.set(info.connectionId, opened);
    // Ended while the stream was being opened: close it as soon as it is open.
    void opened.then((stream) => {
      if (streams.get(info.connectionId) !== opened) void stream?.close().catch(() => undefined);
    });
  });
  return () => {
    stop();
    for (const id of [...streams.keys()]) end(id);
  };
}

/** The lists the server declared as changing, as a listen filter; undefined when none does. */
export function listChangeFilter(capabilities: ConnectionInfo['capabilities']): ListenFilter | undefined {
  const changes = (name: string) => (capabilities?.[name] as { listChanged?: unknown } | undefined)?.listChanged === true;
  const filter: ListenFilter = {
    ...(changes('tools') ? { toolsListChanged: true } : {}),
    ...(changes('prompts') ? { promptsListChanged: true } : {}),
    ...(changes('resources') ? { resourcesListChanged: true } : {}),
  };
  return Object.keys(filter).length > 0 ? filter : undefined;
}
