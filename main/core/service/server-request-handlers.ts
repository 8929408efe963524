import type { ChannelOutput, MainEvent, ParsedInput } from '../../../shared/ipc/contract';
import type { ClientInputHandlers } from '../connections/input/client-input';
import { appClientInput } from '../connections/input/app-client-input';
import { InputRounds } from '../connections/input/input-rounds';
import { PendingRequests } from '../connections/input/pending-requests';
import { PeriscopeError } from '../diagnostics/periscope-error';
import type { ConnectionLookup } from './connection-lookup';
import type { ConnectionManagerPort, RemotesPort } from './ports';

export interface ServerRequestDeps {
  manager: Pick<ConnectionManagerPort, 'get' | 'list' | 'subscribe' | 'onStateChange'>;
  remotes: RemotesPort;
  lookup: ConnectionLookup;
  emit(event: MainEvent): void;
  /** Tests pass their own to look inside. */
  registry?: PendingRequests;
}

/** The handlers one connection gets, and the call that names the connection once it exists. */
export interface ConnectionInput {
  handlers: ClientInputHandlers;
  attach(connectionId: string): void;
}

/**
 * Requests from the server, app side: each connection opened from a saved remote answers its
 * server's elicitation and sampling through the PendingRequests registry (the user answers in the
 * Requests section, or the remote's policy does) and roots/list from the remote's roots, declared
 * on every connection so a change can always be announced. The
 * registry's events become 'server-request' and 'server-request-settled' events; a connection
 * that ends takes its pending requests with it, each recorded as not answered and why.
 */
export function serverRequestService({ manager, remotes, lookup, emit, registry = new PendingRequests() }: ServerRequestDeps) {
  /** connectionId → the remote it was opened from (every such connection declared roots). */
  const owners = new Map<string, { remoteId: string }>();
  const rounds = new Map<string, InputRounds>();

  const stopRegistry = registry.onEvent((event) =>
    emit(event.type === 'pending' ? { type: 'server-request', request: event.request } : { type: 'server-request-settled', record: event.record }),
  );
  const stopTrace = manager.subscribe((entry) => rounds.get(entry.connectionId)?.observe(entry));
  const stopState = manager.onStateChange((info) => {
    if (info.state !== 'closed' && info.state !== 'failed' && info.state !== 'lost') return;
    const why = info.state === 'closed' ? 'it was closed' : info.error?.message ?? `it ${info.state === 'lost' ? 'was lost' : 'failed'}`;
    registry.endConnection(info.connectionId, why);
    // Closed for good (a failed one may still renew its session): nothing left to notify or link.
    if (info.state === 'closed') {
      owners.delete(info.connectionId);
      rounds.delete(info.connectionId);
    }
  });

  const remoteOf = async (remoteId: string) => {
    const remote = await remotes.get(remoteId);
    if (!remote) throw new PeriscopeError({ kind: 'not-found', message: 'The saved remote of this connection was deleted.', hint: 'Its server requests are declined; connect from another remote.' });
    return remote;
  };

  return {
    registry,
    /** Builds the app's client-input handlers for a connection about to be opened from `remoteId`. */
    async inputFor(remoteId: string): Promise<ConnectionInput> {
      await remoteOf(remoteId);
      const tracker = new InputRounds();
      let connectionId = '';
      const handlers = appClientInput({
        registry,
        connectionId: () => connectionId,
        era: () => manager.get(connectionId)?.info().era,
        mask: (value) => manager.get(connectionId)?.masker?.value(value) ?? value,
        policy: async () => (await remotes.get(remoteId))?.serverRequestPolicy ?? 'ask',
        roots: async () => (await remotes.get(remoteId))?.roots ?? [],
        rounds: tracker,
        // Always (with listChanged), even with no roots yet: adding the first root to a live
        // connection must reach the server, and a capability cannot be declared after
        // initialize. A server that asks meanwhile gets an empty list. (The CLI declares roots
        // only with --roots: there the list cannot change during the run.)
        declareRoots: true,
      });
      return {
        handlers,
        attach(id) {
          connectionId = id;
          owners.set(id, { remoteId });
          rounds.set(id, tracker);
        },
      };
    },
    handlers: {
      'server-requests:list': async ({ connectionId }: ParsedInput<'server-requests:list'>): Promise<ChannelOutput<'server-requests:list'>> => {
        lookup.any(connectionId);
        return { ...registry.snapshot(connectionId), rootsDeclared: owners.has(connectionId) };
      },
      'server-requests:answer': async ({ requestId, answer }: ParsedInput<'server-requests:answer'>) => {
        registry.answer(requestId, answer);
      },
      'remotes:set-server-requests': async ({ remoteId, policy, roots }: ParsedInput<'remotes:set-server-requests'>): Promise<ChannelOutput<'remotes:set-server-requests'>> => {
        if (!remotes.setServerRequests) throw new PeriscopeError({ kind: 'internal', message: 'This build cannot store server request settings.', hint: 'Report it.' });
        const remote = await remotes.setServerRequests(remoteId, { ...(policy ? { policy } : {}), ...(roots ? { roots } : {}) });
        let notified = 0;
        if (roots) {
          for (const [connectionId, owner] of owners) {
            const connection = manager.get(connectionId);
            if (owner.remoteId !== remote.id || connection?.info().state !== 'connected') continue;
            // A connection that cannot be told keeps working: the server reads the roots when it asks.
            if ((await connection.notifyRootsListChanged?.().catch(() => undefined)) === 'sent') notified++;
          }
        }
        return { remote, notified };
      },
    },
    stop() {
      stopRegistry();
      stopTrace();
      stopState();
    },
  };
}

export type ServerRequestService = ReturnType<typeof serverRequestService>;
