import type { ConnectionTargetInput } from '../../../shared/model/connection';
import type { Remote } from '../../../shared/model/remote';
import { PeriscopeError } from '../diagnostics/periscope-error';
import type { SecretVault } from '../secrets/secret-vault';
import type { AuthorizationOpener } from './authorization-handlers';
import { ConnectionOAuth } from './connection-oauth';
import { VaultOAuthStore } from './oauth-store';
import type { OAuthSettings } from './oauth-settings';

/**
 * Keychain account of a saved remote's OAuth client secret: `<remoteId>:oauth:client_secret`.
 * Header accounts are `<remoteId>:<header name>` and a header name holds no colon, so the two
 * never meet; removing the remote removes it with the remote's other `<remoteId>:` accounts.
 */
export function remoteClientSecretAccount(remoteId: string): string {
  return `${remoteId}:oauth:client_secret`;
}

/**
 * Keychain account of a saved remote's tokens for one server URL (one record per authorization
 * server issuer inside, see OAuthRecord): `<remoteId>:oauth:tokens:<server URL>`. Keyed by the
 * remote, so two remotes of one server (two client ids, two users) keep their own sign-ins.
 */
export function remoteTokenAccount(remoteId: string, serverUrl: string): string {
  return `${remoteId}:oauth:tokens:${serverUrl}`;
}

/** Where a saved remote's OAuth tokens live: the OS keychain, under remoteTokenAccount. */
export function remoteOAuthStore(vault: SecretVault, remoteId: string): VaultOAuthStore {
  return new VaultOAuthStore(vault, (serverUrl) => remoteTokenAccount(remoteId, serverUrl));
}

export interface RemoteOAuthDeps {
  vault: SecretVault;
  /** Opens the authorization URL (the app: the system browser; the e2e tests: follows it). */
  opener: AuthorizationOpener;
  /** Messages for the user (never given a secret); default: none. */
  note?(line: string): void;
}

/**
 * The OAuth of a connection to a saved remote, or undefined when it does not apply (as in the
 * CLI): turned off in the remote, a stdio or WebSocket target, or an Authorization header set.
 * The SDK starts the flow only when the server answers 401 with a challenge. The client secret
 * is read from the keychain here, in main. Errors: `invalid-input` for a client credentials
 * grant without a client id and secret; the vault's `keychain` errors.
 */
export async function oauthForRemote(remote: Remote, target: ConnectionTargetInput, deps: RemoteOAuthDeps): Promise<ConnectionOAuth | undefined> {
  const oauth = remote.oauth;
  if (oauth?.enabled === false || !target.url || target.transport === 'stdio' || target.transport === 'websocket') return undefined;
  if ((target.headers ?? []).some((h) => h.name.trim().toLowerCase() === 'authorization')) return undefined;
  const grant = oauth?.grant ?? 'authorization_code';
  // A secret goes with a pre-registered client only; without one the keychain is not asked at all.
  const clientSecret = oauth?.clientId ? await deps.vault.get(remoteClientSecretAccount(remote.id)) : undefined;
  if (grant === 'client_credentials' && (!oauth?.clientId || !clientSecret)) {
    throw new PeriscopeError({
      kind: 'invalid-input',
      message: `"${remote.name}" signs in with the client credentials grant, which needs a client id and a client secret.`,
      hint: 'Edit the remote and fill in the client id and the client secret in its Authorization group, or choose the authorization code grant.',
    });
  }
  const settings: OAuthSettings = { grant, authorize: deps.opener };
  if (oauth?.clientId) settings.clientId = oauth.clientId;
  if (clientSecret) settings.clientSecret = clientSecret;
  if (oauth?.scope) settings.scope = oauth.scope;
  if (oauth?.clientMetadataUrl) settings.clientMetadataUrl = oauth.clientMetadataUrl;
  return new ConnectionOAuth({ settings, store: remoteOAuthStore(deps.vault, remote.id), note: deps.note ?? (() => undefined) });
}
