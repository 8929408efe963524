import { requestJwtAuthorizationGrant, type OAuthDiscoveryState } from '@modelcontextprotocol/client';
import type { OAuthSettings } from './oauth-settings';

/** The JWT bearer grant type (RFC 7523 section 2.1), also used for an ID-JAG (enterprise-managed authorization). */
export const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export interface GrantRequestContext {
  settings: OAuthSettings;
  serverUrl: string;
  /** What the SDK's discovery learned (the enterprise grant needs the resource and the issuer). */
  discovery: OAuthDiscoveryState | undefined;
  fetch: typeof fetch;
  /** The ID-JAG the identity provider returns is a secret: learned before anything can show it. */
  learnSecret(value: string | undefined): void;
}

/**
 * The token request's parameters for the grants without a browser: `client_credentials` (RFC 6749
 * section 4.4), `jwt_bearer` with the configured assertion (RFC 7523), and `enterprise` (an ID-JAG
 * from the identity provider's token endpoint, then the JWT bearer grant). Undefined for
 * `authorization_code`, which keeps the SDK's own. `challengeScope`: the scope the server's
 * challenge asked for, joined with the configured one. Rejects (Error, in words) when the grant's
 * settings are missing.
 */
export async function grantTokenRequest(ctx: GrantRequestContext, challengeScope?: string): Promise<URLSearchParams | undefined> {
  const { grant, assertion, idp } = ctx.settings;
  const scope = withScopes(challengeScope, ctx.settings.scope);
  if (grant === 'client_credentials') return new URLSearchParams({ grant_type: 'client_credentials', ...(scope ? { scope } : {}) });
  if (grant === 'jwt_bearer') {
    if (!assertion) throw new Error('the jwt-bearer grant needs an assertion (--assertion-file)');
    return new URLSearchParams({ grant_type: JWT_BEARER, assertion, ...(scope ? { scope } : {}) });
  }
  if (grant === 'enterprise') {
    if (!idp || !ctx.discovery) throw new Error('enterprise-managed authorization needs --idp-token-endpoint, --idp-client-id and --idp-id-token-file');
    const resource = ctx.discovery.resourceMetadata?.resource ?? ctx.serverUrl;
    const audience = ctx.discovery.authorizationServerMetadata?.issuer ?? ctx.discovery.authorizationServerUrl;
    const grantResult = await requestJwtAuthorizationGrant({
      tokenEndpoint: idp.tokenEndpoint, audience, resource, idToken: idp.idToken, clientId: idp.clientId,
      ...(idp.clientSecret ? { clientSecret: idp.clientSecret } : {}), ...(scope ? { scope } : {}), fetchFn: ctx.fetch,
    });
    ctx.learnSecret(grantResult.jwtAuthGrant);
    return new URLSearchParams({ grant_type: JWT_BEARER, assertion: grantResult.jwtAuthGrant, ...(scope ? { scope } : {}) });
  }
  return undefined;
}

/** The scopes of both lists, each once, in order (space-separated, RFC 6749 section 3.3); undefined when both are empty. */
export function withScopes(asked: string | undefined, added: string | undefined): string | undefined {
  const all = [...new Set(`${asked ?? ''} ${added ?? ''}`.split(/\s+/).filter(Boolean))];
  return all.length > 0 ? all.join(' ') : undefined;
}
