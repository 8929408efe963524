import type { Remote, RemoteInput } from '../../../shared/model/remote';
import type { RemoteOAuthGrant } from '../../../shared/model/remote-oauth';

/** The Authorization group as the user edits it. The stored client secret is never here: only whether one is set. */
export interface OAuthFormState {
  /** Sign in with OAuth when the server asks (401 with a challenge) and no Authorization header is set. */
  enabled: boolean;
  grant: RemoteOAuthGrant;
  clientId: string;
  /** What the user typed; empty keeps the stored secret. */
  clientSecret: string;
  hasStoredSecret: boolean;
  clearSecret: boolean;
  scope: string;
  clientMetadataUrl: string;
}

export function oauthFormFromRemote(remote: Remote | undefined): OAuthFormState {
  const oauth = remote?.oauth;
  return {
    enabled: oauth?.enabled !== false,
    grant: oauth?.grant ?? 'authorization_code',
    clientId: oauth?.clientId ?? '',
    clientSecret: '',
    hasStoredSecret: remote?.oauthClientSecretSet === true,
    clearSecret: false,
    scope: oauth?.scope ?? '',
    clientMetadataUrl: oauth?.clientMetadataUrl ?? '',
  };
}

/**
 * The draft's OAuth part (`oauth`, `oauthClientSecret`, `clearOAuthClientSecret`), with what the
 * form can tell before saving: the client credentials grant needs a client id and a secret.
 * Defaults everywhere: no `oauth` at all (on, when the server asks).
 */
export function oauthDraft(state: OAuthFormState, add: (path: string, message: string) => void): Pick<RemoteInput, 'oauth' | 'oauthClientSecret' | 'clearOAuthClientSecret'> {
  const clientId = state.clientId.trim();
  const scope = state.scope.trim();
  const clientMetadataUrl = state.clientMetadataUrl.trim();
  const secretTyped = state.clientSecret !== '';
  if (state.enabled && state.grant === 'client_credentials') {
    if (!clientId) add('oauth.clientId', 'The client credentials grant needs the client id the authorization server registered');
    if (!secretTyped && (!state.hasStoredSecret || state.clearSecret)) add('oauthClientSecret', 'The client credentials grant needs the client secret');
  }
  if (secretTyped && !clientId) add('oauth.clientId', 'A client secret goes with a client id: fill in the client id too');
  const custom = !state.enabled || state.grant !== 'authorization_code' || clientId || scope || clientMetadataUrl;
  return {
    ...(custom
      ? {
          oauth: {
            ...(state.enabled ? {} : { enabled: false }),
            grant: state.grant,
            ...(clientId ? { clientId } : {}),
            ...(scope ? { scope } : {}),
            ...(clientMetadataUrl ? { clientMetadataUrl } : {}),
          },
        }
      : {}),
    ...(secretTyped ? { oauthClientSecret: state.clientSecret } : {}),
    ...(state.clearSecret && !secretTyped ? { clearOAuthClientSecret: true } : {}),
  };
}
