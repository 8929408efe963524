import type { OAuthDiscoveryState } from '@modelcontextprotocol/client';
import type { ErrorInfo } from '../../../shared/model/error-info';
import { credentialTemplate, isOAuthScheme } from '../diagnostics/credential-template';
import { authorizationFix } from '../diagnostics/fixes';
import { type AuthChallenge, describeChallenge, parseWwwAuthenticate } from '../diagnostics/www-authenticate';
import type { MetadataFetch } from './metadata-fetches';
import { unusableMetadata } from './unusable-oauth-metadata';

/** What an attempt saw before its OAuth flow failed (ConnectionOAuth.attemptEvidence). */
export interface OAuthFlowEvidence {
  /** The 401 or 403 that started the flow, with its WWW-Authenticate value (RFC 9110 section 11.6.1). */
  challenge?: { status: number; wwwAuthenticate?: string; request?: string };
  /** What discovery found (the SDK's saved discovery state). */
  discovery?: OAuthDiscoveryState;
  /** What each metadata request was answered, in order (see metadata-fetches.ts). */
  metadataFetches?: MetadataFetch[];
}

/**
 * A connect failure inside the OAuth flow, in words: kind `auth`, with fields to fix. `evidence`:
 * the challenge, what the attempt's discovery found and what its metadata requests were answered.
 * In order:
 * - a challenge offering no OAuth scheme (only Basic, Negotiate, …): the flow was not started
 *   (ConnectionOAuthProvider refuses it); the server wants credentials of that scheme;
 * - metadata that was there but could not be used (unusable-oauth-metadata.ts): a protected
 *   resource metadata URL that answers 404 or garbage, an authorization server without metadata;
 * - no metadata at all (neither protected resource metadata, RFC 9728, nor authorization server
 *   metadata, RFC 8414): the SDK fell back to the origin's default endpoints (MCP Authorization,
 *   "Authorization Server Discovery"), whose failure (typically a refused registration at
 *   `/register`) says nothing useful: the server has nothing to sign in with;
 * - otherwise the flow failed somewhere in it, said as the SDK said it.
 */
export function oauthFlowFailure(info: ErrorInfo, evidence: OAuthFlowEvidence = {}): ErrorInfo {
  if (info.kind === 'auth' || info.kind === 'cancelled' || info.kind === 'keychain') return info;
  const { discovery, challenge } = evidence;
  const challenges = challenge?.wwwAuthenticate ? parseWwwAuthenticate(challenge.wwwAuthenticate) : [];
  if (challenges.length > 0 && !challenges.some((c) => isOAuthScheme(c.scheme))) return otherSchemeOnly(info, challenges, challenge!.status);
  const unusable = unusableMetadata(evidence, challenges);
  if (unusable) {
    return {
      ...info,
      kind: 'auth',
      message: `${serverAnswered(challenge, challenges)}, but ${unusable.what}`,
      hint: `${unusable.fixer} needs fixing (whoever runs it can); meanwhile a token of your own in the Authorization header works around it.`,
      fixes: [authorizationFix(), { field: 'trace', label: 'Show the trace' }],
    };
  }
  if (discovery && !discovery.resourceMetadata && !discovery.authorizationServerMetadata) return noOAuthMetadata(info, discovery, challenge, challenges);
  return {
    ...info,
    kind: 'auth',
    message: `The server asked for authorization, and the OAuth flow failed: ${withoutErrorPrefix(info.message)}`,
    hint: 'Look at each OAuth request in the trace. If the server has no OAuth metadata, send a token yourself in the Authorization header; or use a pre-registered client, or the client credentials grant.',
    fixes: [
      { field: 'trace', label: 'Show the trace' },
      authorizationFix(),
      { field: 'oauth-client', label: 'Use a pre-registered client' },
      { field: 'oauth-grant', label: 'Use the client credentials grant', value: 'client_credentials' },
    ],
  };
}

/**
 * The reason ConnectionOAuthProvider gives for not starting the flow: a challenge offering only
 * schemes an OAuth access token is not sent with (MCP Authorization, "Access Token Usage": the
 * token goes in `Authorization: Bearer`; DPoP per RFC 9449). Undefined when OAuth fits (a Bearer
 * or DPoP challenge, or none: then discovery tells).
 */
export function noOAuthSchemeOffered(wwwAuthenticate: string | undefined): string | undefined {
  const challenges = wwwAuthenticate ? parseWwwAuthenticate(wwwAuthenticate) : [];
  if (challenges.length === 0 || challenges.some((c) => isOAuthScheme(c.scheme))) return undefined;
  return `the server asks for ${challenges.map((c) => c.scheme).join(' or ')}, not an OAuth access token`;
}

function otherSchemeOnly(info: ErrorInfo, challenges: AuthChallenge[], status: number): ErrorInfo {
  const scheme = challenges[0]!.scheme;
  return {
    ...info,
    kind: 'auth',
    message: `${serverAnswered({ status }, challenges)}: credentials of that scheme, not an OAuth access token (Bearer or DPoP), so there is nothing to sign in with`,
    hint: `The server expects credentials you already have: set the Authorization header to ${credentialTemplate(scheme)}${scheme.toLowerCase() === 'basic' ? '' : ` (the ${scheme} scheme)`}.`,
    fixes: [authorizationFix(scheme), { field: 'trace', label: 'Show the trace' }],
  };
}

function noOAuthMetadata(info: ErrorInfo, discovery: OAuthDiscoveryState, challenge: OAuthFlowEvidence['challenge'], challenges: AuthChallenge[]): ErrorInfo {
  const origin = discovery.authorizationServerUrl.replace(/\/$/, '');
  return {
    ...info,
    kind: 'auth',
    message:
      `${serverAnswered(challenge, challenges)}, but publishes no OAuth metadata: no protected resource metadata (RFC 9728) and no authorization server metadata (RFC 8414) at ${origin}, ` +
      `so there is no authorization server to sign in with. Trying the default endpoints there failed: ${withoutErrorPrefix(info.message)}`,
    hint: 'The server expects credentials you already have: set the Authorization header to Bearer <token>, or the API key header its documentation names.',
    fixes: [authorizationFix(), { field: 'trace', label: 'Show the trace' }],
  };
}

/** "The server answered 401 Unauthorized to POST https://…/mcp; it asks for Bearer (realm "x")", or less when less is known. */
function serverAnswered(challenge: OAuthFlowEvidence['challenge'], challenges: AuthChallenge[]): string {
  if (!challenge) return 'The server wants credentials';
  const asks = challenges.length > 0 ? `; it asks for ${challenges.map(describeChallenge).join(' or ')}` : '';
  const to = challenge.request ? ` to ${challenge.request}` : '';
  return `The server answered ${challenge.status === 403 ? '403 Forbidden' : '401 Unauthorized'}${to}${asks}`;
}

/** "Unexpected error: RegistrationRejectedError: Dynamic Client…" → "Dynamic Client…": the class names say nothing to a person. */
function withoutErrorPrefix(message: string): string {
  return message.replace(/^(?:Unexpected error:\s*)?(?:[A-Z][A-Za-z]*Error:\s*)?/, '');
}
