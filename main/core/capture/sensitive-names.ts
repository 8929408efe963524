import { isOAuthCredentialParam } from './body-credentials';

/**
 * Which header and query parameter names carry credentials, whatever a remote's configuration
 * says. Matched on word parts, so `mcp-session-id` or `x-tokenizer-mode` are not masked for nothing.
 */

/** Always secret (RFC 9110 Authorization and Proxy-Authorization, RFC 6265 cookies, RFC 9449 DPoP proofs). */
const ALWAYS_SENSITIVE = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'dpop']);

/** x-api-key, api-key, apikey, x-auth-token, x-auth-user, private-token, client-secret, x-password... */
const API_KEY_LIKE =
  /^(?:x-)?api[-_]?key$|^x-auth(?:[-_].*)?$|(?:^|[-_])(?:api[-_]?key|apikey|token|secret|password|passwd|credentials?)$/i;

/** Query parameters that carry a credential under a short name (`?key=`, `?access_token=`, `?auth=`). */
const SENSITIVE_QUERY = /^(?:key|access[-_]?token|auth)$/i;

export function isSensitiveHeaderName(name: string): boolean {
  const lower = name.toLowerCase();
  return ALWAYS_SENSITIVE.has(lower) || API_KEY_LIKE.test(lower);
}

export function isSensitiveQueryName(name: string): boolean {
  // OAuth parameters too: an authorization response's `code` in a redirect (RFC 6749 section 4.1.2).
  return SENSITIVE_QUERY.test(name) || isOAuthCredentialParam(name) || isSensitiveHeaderName(name.replace(/_/g, '-'));
}
