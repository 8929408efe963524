import type { ChannelOutput, ParsedInput } from '../../../shared/ipc/contract';
import type { ConnectionTargetInput } from '../../../shared/model/connection';
import { groupInstanceUrls } from '../../../shared/model/remote';
import type { AuthorizationOpener } from '../auth/authorization-handlers';
import type { ConnectionOAuth } from '../auth/connection-oauth';
import { oauthForRemote, remoteOAuthStore } from '../auth/remote-sign-in';
import { logout } from '../auth/revoke-tokens';
import { signInStatus } from '../auth/sign-in-status';
import type { SecretVault } from '../secrets/secret-vault';
import type { ConnectionManagerPort, RemotesPort } from './ports';
import { unknownRemote } from './service-errors';

export interface SignInDeps {
  remotes: Pick<RemotesPort, 'get'>;
  manager: Pick<ConnectionManagerPort, 'get'>;
  /** Where tokens and client secrets live (the OS keychain). */
  vault: SecretVault;
  /** Opens the authorization URL: the system browser in the app (see browserAuthorizationOpener). */
  opener: AuthorizationOpener;
}

/**
 * OAuth sign-in of saved remotes in the app: builds each connection's ConnectionOAuth (the CLI's
 * engine, see main/core/auth), and answers `oauth:status` (who the remote is signed in as, from
 * the keychain: readable claims only, never a token) and `oauth:sign-out` (revocation where the
 * authorization server offers it, through the live connection's recording fetch so it is in its
 * trace, then the tokens are forgotten in the keychain).
 */
export function signInService(deps: SignInDeps) {
  /** The OAuth of each remote's latest connection, for sign-out to trace and reset it. */
  const live = new Map<string, { connectionId: string; oauth: ConnectionOAuth }>();
  const remoteOf = async (remoteId: string) => {
    const remote = await deps.remotes.get(remoteId);
    if (!remote) throw unknownRemote(remoteId);
    return remote;
  };
  return {
    /** The OAuth for a connection to this remote's target, or undefined (see oauthForRemote). */
    async oauthFor(remoteId: string, target: ConnectionTargetInput): Promise<ConnectionOAuth | undefined> {
      return oauthForRemote(await remoteOf(remoteId), target, { vault: deps.vault, opener: deps.opener });
    },
    /** The connection made with `oauth` belongs to `remoteId`. */
    attach(remoteId: string, connectionId: string, oauth: ConnectionOAuth): void {
      live.set(remoteId, { connectionId, oauth });
    },
    handlers: {
      'oauth:status': async ({ remoteId }: ParsedInput<'oauth:status'>): Promise<ChannelOutput<'oauth:status'>> => {
        const remote = await remoteOf(remoteId);
        const url = groupInstanceUrls(remote)[0];
        if (!url || remote.transport === 'websocket') return { signedIn: false, scopes: [], refreshable: false };
        return signInStatus(await remoteOAuthStore(deps.vault, remote.id).load(url));
      },
      'oauth:sign-out': async ({ remoteId }: ParsedInput<'oauth:sign-out'>): Promise<ChannelOutput<'oauth:sign-out'>> => {
        const remote = await remoteOf(remoteId);
        const current = live.get(remoteId);
        const connected = current && deps.manager.get(current.connectionId) ? current.oauth : undefined;
        const fetchFn = connected?.recordingFetch ?? fetch;
        const learn = connected ? (value: string | undefined) => connected.learnSecret(value) : () => undefined;
        const store = remoteOAuthStore(deps.vault, remote.id);
        const result = { found: false, outcomes: [] as ChannelOutput<'oauth:sign-out'>['outcomes'] };
        for (const url of groupInstanceUrls(remote)) {
          const done = await logout(url, store, fetchFn, learn);
          result.found ||= done.found;
          result.outcomes.push(...done.outcomes);
        }
        // The live connection forgets its tokens too: its next request asks the server afresh.
        await connected?.currentProvider?.forget();
        return result;
      },
    },
  };
}

export type SignInService = ReturnType<typeof signInService>;
