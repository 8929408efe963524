import type { ChannelOutput, MainEvent, ParsedInput } from '../../../shared/ipc/contract';
import { LoadRunRegistry, type GroupConnections } from '../load/load-run-registry';
import type { InstanceTarget } from '../remotes/instance-targets';
import { PeriscopeError } from '../diagnostics/periscope-error';
import type { ConnectionLookup } from './connection-lookup';
import type { ConnectionManagerPort } from './ports';

export interface LoadRunHandlerDeps {
  lookup: ConnectionLookup;
  /** A group's instances, and connections to all of them (for round-robin and each runs). */
  group?: { resolve(remoteId: string): Promise<InstanceTarget[]>; openAll(instances: InstanceTarget[]): Promise<GroupConnections> };
  manager: Pick<ConnectionManagerPort, 'onStateChange'>;
  emit(event: MainEvent): void;
}

/**
 * load:start and load:cancel: the Latency section's load runs, each run in main by a
 * LoadRunRegistry on a live connection (its requests traced like any other). A connection that
 * stops being connected (closed, lost, failed) has its runs cancelled, so a run never spins on
 * requests that can only fail. `stop` cancels every run (app shutdown).
 */
export function loadRunHandlers({ lookup, manager, emit, group }: LoadRunHandlerDeps) {
  const registry = new LoadRunRegistry({ emit });
  const stopWatching = manager.onStateChange((info) => {
    if (info.state !== 'connected' && info.state !== 'connecting') registry.cancelAll(info.connectionId);
  });
  return {
    registry,
    handlers: {
      'load:start': async ({ connectionId, request, plan, instances, remoteId }: ParsedInput<'load:start'>): Promise<ChannelOutput<'load:start'>> => {
        lookup.live(connectionId);
        if (!instances) return registry.start(connectionId, lookup.live(connectionId), request, plan);
        if (!remoteId || !group) throw new PeriscopeError({ kind: 'invalid-input', message: 'A run over a group\'s instances needs the group (remoteId).', hint: 'Start it from a group\'s connection.' });
        // Resolved now (a missing secret or a remote that is not a group fails the start itself).
        const resolved = await group.resolve(remoteId);
        return registry.startSpread(connectionId, () => group.openAll(resolved), request, instances, plan);
      },
      'load:cancel': async ({ runId }: ParsedInput<'load:cancel'>): Promise<ChannelOutput<'load:cancel'>> => ({ cancelled: registry.cancel(runId) }),
    },
    stop() {
      stopWatching();
      registry.cancelAll();
    },
  };
}
