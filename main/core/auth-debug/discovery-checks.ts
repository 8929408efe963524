import { checkResourceAllowed, resourceUrlFromServerUrl } from '@modelcontextprotocol/client';
import type { AuthDebugFinding } from '../../../shared/model/auth-debug';

/** What the unauthenticated request's answer said. */
export interface ChallengeFacts {
  status: number;
  /** The raw WWW-Authenticate header, when there was one. */
  wwwAuthenticate?: string;
  resourceMetadataUrl?: string;
  scope?: string;
}

/**
 * Findings on the answer to a request without a token (MCP Authorization, "Protected Resource
 * Metadata Discovery Requirements"; RFC 9728 section 5.1; RFC 6750 section 3).
 */
export function checkChallenge(facts: ChallengeFacts): AuthDebugFinding[] {
  if (facts.status >= 200 && facts.status < 300) {
    // Authorization is optional in MCP: answering without a token is no fault. The next step still
    // looks for metadata, since a server may offer authorization without requiring it.
    return [{ id: 'no-challenge', verdict: 'info', message: `The server answered ${facts.status} without a token: it does not ask for authorization. The next step looks for its protected resource metadata all the same, in case it offers authorization without requiring it.`, source: AUTHORIZATION_IS_OPTIONAL }];
  }
  if (facts.status !== 401) {
    return [{ id: 'not-401', verdict: 'fail', message: `The server answered ${facts.status}, not 401 Unauthorized: a client cannot tell that it needs to authorize.`, source: 'RFC 6750 section 3; MCP Authorization, "Error Handling"' }];
  }
  const findings: AuthDebugFinding[] = [{ id: 'status-401', verdict: 'pass', message: 'The server answered 401 Unauthorized.' }];
  if (!facts.wwwAuthenticate) {
    findings.push({ id: 'www-authenticate-missing', verdict: 'warn', message: 'The 401 has no WWW-Authenticate header: the client has to guess the protected resource metadata\'s well-known URL.', source: 'RFC 9728 section 5.1; RFC 6750 section 3' });
    return findings;
  }
  if (!/^\s*(bearer|dpop)\b/i.test(facts.wwwAuthenticate)) {
    findings.push({ id: 'not-bearer', verdict: 'warn', message: `The challenge is not a Bearer challenge: "${facts.wwwAuthenticate.slice(0, 120)}".`, source: 'RFC 6750 section 3' });
  }
  findings.push(
    facts.resourceMetadataUrl
      ? { id: 'resource-metadata-named', verdict: 'pass', message: `The challenge names the protected resource metadata: ${facts.resourceMetadataUrl}.` }
      : { id: 'resource-metadata-not-named', verdict: 'warn', message: 'The challenge has no resource_metadata parameter: the client falls back to the well-known URIs.', source: 'RFC 9728 section 5.1' },
  );
  findings.push(
    facts.scope
      ? { id: 'challenge-scope', verdict: 'pass', message: `The challenge asks for the scope "${facts.scope}".` }
      : { id: 'challenge-no-scope', verdict: 'pass', message: 'The challenge names no scope: the client uses the metadata\'s scopes_supported.' },
  );
  return findings;
}

/** Where the MCP specification says that a server need not ask for authorization at all. */
const AUTHORIZATION_IS_OPTIONAL = 'MCP Authorization, "Protocol Requirements": authorization is optional';

/** How a run on a server that asks for no authorization ends: neutrally, with nothing to judge. */
export const NO_OAUTH_FLOW = 'This server does not ask for authorization: no OAuth flow to debug.';

/** The protected resource metadata as found (RFC 9728 section 2), or why it was not. */
export interface ResourceMetadataFacts {
  serverUrl: string;
  /**
   * Whether the request without a token was refused with 401 (default true). A server that
   * answered it needs no metadata: MCP asks for it where authorization is supported.
   */
  authorizationAsked?: boolean;
  metadata?: { resource?: unknown; authorization_servers?: unknown; scopes_supported?: unknown };
  /** Why the metadata could not be read (HTTP status, not JSON, invalid). */
  problem?: string;
}

/** Findings on the protected resource metadata (RFC 9728 sections 3.3 and 7.3; MCP Authorization, "Authorization Server Location"). */
export function checkResourceMetadata(facts: ResourceMetadataFacts): AuthDebugFinding[] {
  if (!facts.metadata && facts.authorizationAsked === false) {
    return [{ id: 'no-authorization', verdict: 'info', message: `No protected resource metadata (${facts.problem ?? 'not found'}), and none is needed: the server answered the request without a token.`, source: AUTHORIZATION_IS_OPTIONAL }];
  }
  if (!facts.metadata) {
    return [{ id: 'resource-metadata-missing', verdict: 'fail', message: `No protected resource metadata: ${facts.problem ?? 'not found'}. The server asks for authorization (401), so it must publish this metadata: it is how clients find its authorization server.`, source: 'MCP Authorization, "Authorization Server Location"; RFC 9728 section 3' }];
  }
  const findings: AuthDebugFinding[] = [];
  const { resource, authorization_servers: servers } = facts.metadata;
  if (typeof resource !== 'string') {
    findings.push({ id: 'resource-missing', verdict: 'fail', message: 'The metadata has no `resource`.', source: 'RFC 9728 section 2' });
  } else if (!resourceMatches(facts.serverUrl, resource)) {
    findings.push({ id: 'resource-mismatch', verdict: 'fail', message: `The metadata's resource "${resource}" is not the MCP server's URL (${resourceUrlFromServerUrl(facts.serverUrl).href}): a client must not use metadata for another resource.`, source: 'RFC 9728 sections 3.3 and 7.3' });
  } else {
    findings.push({ id: 'resource-matches', verdict: 'pass', message: `The resource "${resource}" matches the server's URL.` });
  }
  if (!Array.isArray(servers) || servers.length === 0 || !servers.every((s) => typeof s === 'string')) {
    findings.push({ id: 'authorization-servers-missing', verdict: 'fail', message: 'The metadata lists no authorization_servers: the client cannot tell where to authorize.', source: 'MCP Authorization, "Authorization Server Location"' });
  } else {
    findings.push({ id: 'authorization-servers', verdict: 'pass', message: `Authorization server${servers.length > 1 ? 's' : ''}: ${servers.join(', ')}${servers.length > 1 ? ' (the first is used)' : ''}.` });
  }
  return findings;
}

/** RFC 9728 section 3.3: the resource is the server's URL (the SDK's check: same origin, a path prefix of it). */
function resourceMatches(serverUrl: string, resource: string): boolean {
  try {
    return checkResourceAllowed({ requestedResource: resourceUrlFromServerUrl(serverUrl), configuredResource: resource });
  } catch {
    return false;
  }
}

/** The authorization server metadata fields the checks read (RFC 8414 section 2). */
export interface AuthorizationServerMetadataFacts {
  /** The URL the metadata was fetched for (the authorization server's issuer identifier). */
  authorizationServerUrl: string;
  metadata?: Record<string, unknown>;
  problem?: string;
}

/**
 * Findings on the authorization server metadata: issuer echo (RFC 8414 section 3.3, OIDC
 * Discovery section 4.3), PKCE (MCP Authorization "Authorization Code Protection": without
 * code_challenge_methods_supported the client must refuse), the code response type, the endpoints.
 */
export function checkAuthorizationServerMetadata(facts: AuthorizationServerMetadataFacts): AuthDebugFinding[] {
  const { metadata } = facts;
  if (!metadata) {
    return [{ id: 'as-metadata-missing', verdict: 'fail', message: `No authorization server metadata for ${facts.authorizationServerUrl}: ${facts.problem ?? 'none of the RFC 8414 and OpenID Connect well-known URIs answered'}.`, source: 'RFC 8414 section 3; MCP Authorization, "Authorization Server Metadata Discovery"' }];
  }
  const findings: AuthDebugFinding[] = [];
  const issuer = metadata.issuer;
  if (typeof issuer !== 'string') {
    findings.push({ id: 'issuer-missing', verdict: 'fail', message: 'The metadata has no `issuer`.', source: 'RFC 8414 section 2' });
  } else if (!sameIssuer(issuer, facts.authorizationServerUrl)) {
    findings.push({ id: 'issuer-mismatch', verdict: 'fail', message: `The metadata's issuer "${issuer}" is not the authorization server it was fetched for (${facts.authorizationServerUrl}). A client must reject this metadata: it could be another server's.`, source: 'RFC 8414 section 3.3; OpenID Connect Discovery 1.0 section 4.3' });
  } else {
    findings.push({ id: 'issuer-matches', verdict: 'pass', message: `The issuer "${issuer}" matches.` });
  }
  const methods = metadata.code_challenge_methods_supported;
  if (!Array.isArray(methods)) {
    findings.push({ id: 'pkce-not-advertised', verdict: 'fail', message: 'The metadata has no code_challenge_methods_supported: it does not say it supports PKCE, and an MCP client must refuse to go on.', source: 'MCP Authorization, "Authorization Code Protection"; RFC 8414 section 2' });
  } else if (!methods.includes('S256')) {
    findings.push({ id: 'pkce-no-s256', verdict: 'fail', message: `code_challenge_methods_supported is [${methods.join(', ')}], without S256: MCP clients use S256 only.`, source: 'MCP Authorization, "Authorization Code Protection"; RFC 7636 section 4.2' });
  } else {
    findings.push({ id: 'pkce-s256', verdict: 'pass', message: 'PKCE with S256 is supported.' });
  }
  const responseTypes = metadata.response_types_supported;
  if (!Array.isArray(responseTypes) || !responseTypes.includes('code')) {
    findings.push({ id: 'no-code-response-type', verdict: 'fail', message: 'response_types_supported does not list "code": the authorization code grant is not offered.', source: 'RFC 8414 section 2; OAuth 2.1 section 4.1' });
  }
  for (const endpoint of ['authorization_endpoint', 'token_endpoint'] as const) {
    if (typeof metadata[endpoint] !== 'string') findings.push({ id: `${endpoint.replace(/_/g, '-')}-missing`, verdict: 'fail', message: `The metadata has no ${endpoint}.`, source: 'RFC 8414 section 2' });
  }
  findings.push(
    metadata.authorization_response_iss_parameter_supported === true
      ? { id: 'iss-parameter-advertised', verdict: 'pass', message: 'It says it sends `iss` in authorization responses (mix-up defence).' }
      : { id: 'iss-parameter-not-advertised', verdict: 'warn', message: 'It does not advertise authorization_response_iss_parameter_supported: the client cannot tell a response from another server (mix-up attacks).', source: 'RFC 9207 section 3' },
  );
  return findings;
}

/** RFC 8414 section 3.3 asks for identical strings; a trailing slash alone is forgiven (the SDK does the same). */
function sameIssuer(issuer: string, expected: string): boolean {
  return issuer.replace(/\/$/, '') === expected.replace(/\/$/, '');
}
