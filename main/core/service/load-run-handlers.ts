import type { ChannelOutput, MainEvent, ParsedInput } from '../../../shared/ipc/contract';
import { LoadRunRegistry } from '../load/load-run-registry';
import type { ConnectionLookup } from './connection-lookup';
import type { ConnectionManagerPort } from './ports';

export interface LoadRunHandlerDeps {
  lookup: ConnectionLookup;
  manager: Pick<ConnectionManagerPort, 'onStateChange'>;
  emit(event: MainEvent): void;
}

/**
 * load:start and load:cancel: the Latency section's load runs, each run in main by a
 * LoadRunRegistry on a live connection (its requests traced like any other). A connection that
 * stops being connected (closed, lost, failed) has its runs cancelled, so a run never spins on
 * requests that can only fail. `stop` cancels every run (app shutdown).
 */
export function loadRunHandlers({ lookup, manager, emit }: LoadRunHandlerDeps) {
  const registry = new LoadRunRegistry({ emit });
  const stopWatching = manager.onStateChange((info) => {
    if (info.state !== 'connected' && info.state !== 'connecting') registry.cancelAll(info.connectionId);
  });
  return {
    registry,
    handlers: {
      'load:start': async ({ connectionId, request, plan }: ParsedInput<'load:start'>): Promise<ChannelOutput<'load:start'>> => registry.start(connectionId, lookup.live(connectionId), request, plan),
      'load:cancel': async ({ runId }: ParsedInput<'load:cancel'>): Promise<ChannelOutput<'load:cancel'>> => ({ cancelled: registry.cancel(runId) }),
    },
    stop() {
      stopWatching();
      registry.cancelAll();
    },
  };
}
