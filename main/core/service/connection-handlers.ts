import type { ChannelOutput, ParsedInput } from '../../../shared/ipc/contract';
import type { ConnectionManagerPort, RemotesPort } from './ports';
import { PlaygroundHost, pointAtPlayground, targetsPlayground } from './playground-remote';
import type { ConnectionLookup } from './connection-lookup';
import type { ConnectionInput } from './server-request-handlers';
import { clientInputFailure } from '../connections/input/app-client-input';
import type { SignInService } from './sign-in-handlers';

export interface ConnectionHandlerDeps {
  manager: ConnectionManagerPort;
  lookup: ConnectionLookup;
  remotes: RemotesPort;
  playground: PlaygroundHost;
  /** The answers to each connection's server requests (see serverRequestService); absent: the engine's defaults. */
  input?: { inputFor(remoteId: string): Promise<ConnectionInput> };
  /** OAuth sign-in for remotes whose server asks for it (absent: a 401 stays an `auth` error). */
  signIn?: Pick<SignInService, 'oauthFor' | 'attach'>;
}

type Out<C extends Parameters<typeof cast>[0]> = ChannelOutput<C>;
/** MCP results pass through as the server sent them; the contract names only what the UI uses. */
function cast<C extends 'connections:list-tools' | 'connections:list-resources' | 'connections:read-resource' | 'connections:list-prompts' | 'connections:get-prompt'>(
  _channel: C,
  value: unknown,
): Out<C> {
  return value as Out<C>;
}

/** 2026-07-28 reads and prompts can ask the user too (input_required): their failures are said as tool calls' are. */
async function explained<T>(request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (error) {
    throw clientInputFailure(error) ?? error;
  }
}

/** connections:* and trace:snapshot — live connections, owned by the ConnectionManager. */
export function connectionHandlers({ manager, lookup, remotes, playground, input, signIn }: ConnectionHandlerDeps) {
  const connection = (connectionId: string) => lookup.live(connectionId);
  return {
    'connections:open': async ({ remoteId }: ParsedInput<'connections:open'>): Promise<ChannelOutput<'connections:open'>> => {
      // Secrets are read here, in main; a missing required one stops before any traffic.
      const resolved = await remotes.resolveForConnection(remoteId);
      const { label } = resolved;
      const target = targetsPlayground(resolved.target) ? pointAtPlayground(resolved.target, await playground.ensureStarted()) : resolved.target;
      const answers = await input?.inputFor(remoteId);
      // The SDK starts OAuth only on a 401 challenge; the client secret is read here, in main.
      const oauth = await signIn?.oauthFor(remoteId, target);
      const created = manager.create(target, { label, ...(answers ? { handlers: answers.handlers } : {}), ...(oauth ? { oauth } : {}) });
      answers?.attach(created.id);
      if (oauth) signIn?.attach(remoteId, created.id, oauth);
      try {
        return await created.connect();
      } catch {
        // The failure is in the info (state 'failed', error with message and hint) and in the trace.
        return created.info();
      }
    },
    'connections:close': async ({ connectionId }: ParsedInput<'connections:close'>) => {
      await lookup.close(connectionId);
    },
    'connections:list': async () => manager.list(),
    'connections:reinitialize': async ({ connectionId }: ParsedInput<'connections:reinitialize'>) => connection(connectionId).reinitialize(),
    'connections:list-tools': async ({ connectionId }: ParsedInput<'connections:list-tools'>) =>
      cast('connections:list-tools', await connection(connectionId).listTools()),
    'connections:list-resources': async ({ connectionId }: ParsedInput<'connections:list-resources'>) =>
      cast('connections:list-resources', await connection(connectionId).listResources()),
    'connections:read-resource': async ({ connectionId, uri }: ParsedInput<'connections:read-resource'>) =>
      cast('connections:read-resource', await explained(connection(connectionId).readResource(uri))),
    'connections:list-prompts': async ({ connectionId }: ParsedInput<'connections:list-prompts'>) =>
      cast('connections:list-prompts', await connection(connectionId).listPrompts()),
    'connections:get-prompt': async ({ connectionId, name, arguments: args }: ParsedInput<'connections:get-prompt'>) =>
      cast('connections:get-prompt', await explained(connection(connectionId).getPrompt(name, args))),
    'connections:ping': async ({ connectionId }: ParsedInput<'connections:ping'>) => connection(connectionId).ping(),
    'trace:snapshot': async ({ connectionId }: ParsedInput<'trace:snapshot'>): Promise<ChannelOutput<'trace:snapshot'>> => {
      const { entries, evicted } = await lookup.traceOf(connectionId);
      return { connectionId, entries, evicted };
    },
  };
}
