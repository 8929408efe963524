import type { ChannelOutput, ParsedInput } from '../../../shared/ipc/contract';
import { ConnectionManager } from '../connections/connection-manager';
import { PeriscopeError } from '../diagnostics/periscope-error';
import { GroupInstances, type InstanceOpener } from '../fanout/group-instances';
import type { InstanceTarget } from '../remotes/instance-targets';
import type { RemotesPort } from './ports';

export interface GroupHandlerDeps {
  remotes: RemotesPort;
  /** Short-lived connections to the instances; default: a private manager the window never lists. */
  opener?: InstanceOpener;
  clientInfo?: { name: string; version: string };
}

/**
 * group:check and group:send-to-all, the Instances panel of a group's connection: each runs on
 * connections of its own to every instance of the saved remote (its headers, secrets, era and
 * TLS), closed when done. `resolve` is shared with load:start's round-robin and each runs.
 */
export function groupHandlers({ remotes, opener, clientInfo }: GroupHandlerDeps) {
  const group = new GroupInstances(opener ?? privateOpener(clientInfo));
  const resolve = async (remoteId: string): Promise<InstanceTarget[]> => {
    if (!remotes.resolveGroupForConnection) throw new PeriscopeError({ kind: 'internal', message: 'Groups are not available here.', hint: 'Report this.' });
    const instances = await remotes.resolveGroupForConnection(remoteId);
    if (instances.length < 2) {
      throw new PeriscopeError({ kind: 'invalid-input', message: 'This remote is one server, not a group.', hint: 'Add its other instances in the remote\'s settings ("Other instances").' });
    }
    return instances;
  };
  return {
    group,
    resolve,
    handlers: {
      'group:check': async ({ remoteId }: ParsedInput<'group:check'>): Promise<ChannelOutput<'group:check'>> => ({ instances: await group.check(await resolve(remoteId)) }),
      'group:send-to-all': async ({ remoteId, name, argumentsJson, ignore }: ParsedInput<'group:send-to-all'>): Promise<ChannelOutput<'group:send-to-all'>> =>
        group.sendToAll(await resolve(remoteId), name, argumentsJson, ignore ?? []),
    },
  };
}

/** Connections on a manager of their own: not in connections:list, no tab, no state events to the window. */
function privateOpener(clientInfo = { name: 'MCP Periscope', version: '0.0.0' }): InstanceOpener {
  const manager = new ConnectionManager({ clientInfo });
  return {
    async open(target, label) {
      const connection = manager.create(target, { label });
      const close = () => manager.close(connection.id).catch(() => undefined);
      try {
        await connection.connect();
      } catch (error) {
        await close();
        throw error;
      }
      return { connection, close };
    },
  };
}
