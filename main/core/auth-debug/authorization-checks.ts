import type { AuthDebugFinding } from '../../../shared/model/auth-debug';

/** How the client got its client id (MCP Authorization, "Client Registration Approaches"). */
export type ClientIdSource = 'pre-registered' | 'metadata-document' | 'dynamic-registration' | 'none';

/**
 * The finding for a run without any way to a client id: no pre-registered id, no client ID
 * metadata document the server accepts, no registration endpoint.
 */
export function noClientIdFinding(cimdSupported: boolean): AuthDebugFinding {
  const cimd = cimdSupported ? 'it accepts client ID metadata documents, but none was given' : 'it does not advertise client_id_metadata_document_supported';
  return {
    id: 'no-client-id',
    verdict: 'fail',
    message: `There is no way to a client id: no client id was given, the authorization server has no registration_endpoint (dynamic client registration), and ${cimd}. Register a client with the server's operator and give its id.`,
    source: 'MCP Authorization, "Client Registration Approaches"; RFC 7591 section 3; RFC 8414 section 2',
  };
}

/** Findings on a dynamic registration's answer (RFC 7591 section 3.2.1). */
export function checkRegistration(sentRedirectUri: string, registered: { client_id?: unknown; redirect_uris?: unknown }): AuthDebugFinding[] {
  const findings: AuthDebugFinding[] = [];
  if (typeof registered.client_id !== 'string' || !registered.client_id) {
    return [{ id: 'registration-no-client-id', verdict: 'fail', message: 'The registration answer has no client_id.', source: 'RFC 7591 section 3.2.1' }];
  }
  findings.push({ id: 'registered', verdict: 'pass', message: `Registered as client "${registered.client_id}".` });
  const uris = Array.isArray(registered.redirect_uris) ? registered.redirect_uris : [];
  if (uris.length && !uris.includes(sentRedirectUri)) {
    findings.push({ id: 'registration-redirect-changed', verdict: 'warn', message: `The server registered other redirect URIs (${uris.join(', ')}) than the one sent (${sentRedirectUri}): the authorization request will likely be refused.`, source: 'RFC 7591 section 3.2.1' });
  }
  return findings;
}

/** The authorization response's parameters (OAuth 2.1 section 4.1.2; RFC 9207 section 2). */
export interface AuthorizationResponseFacts {
  error?: string;
  errorDescription?: string;
  code?: boolean;
  iss?: string;
  expectedIssuer?: string;
  issAdvertised: boolean;
  resource?: string;
  redirectUri: string;
}

/** Findings on the redirect back: a refusal in words (invalid_target, redirect URI, scope), then `iss` (RFC 9207 section 2.4). */
export function checkAuthorizationResponse(facts: AuthorizationResponseFacts): AuthDebugFinding[] {
  const findings: AuthDebugFinding[] = [];
  if (facts.error) findings.push(refusalFinding(facts.error, facts.errorDescription, facts.resource, facts.redirectUri));
  else if (facts.code) findings.push({ id: 'code-received', verdict: 'pass', message: 'The authorization server redirected back with a code and the same state.' });
  else findings.push({ id: 'no-code', verdict: 'fail', message: 'The redirect back has neither a code nor an error.', source: 'OAuth 2.1 section 4.1.2' });
  if (facts.iss === undefined) {
    findings.push(
      facts.issAdvertised
        ? { id: 'iss-missing', verdict: 'fail', message: 'The response has no `iss`, though the metadata says the server sends it: the client must reject the response.', source: 'RFC 9207 section 2.4' }
        : { id: 'iss-absent', verdict: 'warn', message: 'The response has no `iss`: a mix-up with another authorization server would go unnoticed.', source: 'RFC 9207 section 2' },
    );
  } else if (facts.expectedIssuer !== undefined && facts.iss !== facts.expectedIssuer) {
    findings.push({ id: 'iss-mismatch', verdict: 'fail', message: `The response's iss "${facts.iss}" is not the issuer "${facts.expectedIssuer}": the client must reject it (a mix-up attack looks like this).`, source: 'RFC 9207 section 2.4' });
  } else {
    findings.push({ id: 'iss-matches', verdict: 'pass', message: `The response's iss matches the issuer.` });
  }
  return findings;
}

/** A refusal from the authorization endpoint, in words, by its error code (OAuth 2.1 section 4.1.2.1; RFC 8707 section 2). */
export function refusalFinding(error: string, description: string | undefined, resource: string | undefined, redirectUri: string): AuthDebugFinding {
  const said = description ? ` It said: "${description.slice(0, 200)}".` : '';
  if (error === 'invalid_target') {
    return { id: 'resource-rejected', verdict: 'fail', message: `The authorization server rejected the resource indicator ${resource ? `"${resource}"` : ''} (error=invalid_target).${said} It must accept the MCP server's URL as the resource.`, source: 'RFC 8707 section 2; MCP Authorization, "Resource Parameter Implementation"' };
  }
  if (error === 'invalid_redirect_uri' || /redirect[_ ]uri/i.test(description ?? '')) {
    return redirectMismatchFinding(redirectUri, `error=${error}.${said}`);
  }
  if (error === 'invalid_scope') return { id: 'scope-rejected', verdict: 'fail', message: `The authorization server rejected the scopes asked for (error=invalid_scope).${said}`, source: 'OAuth 2.1 section 4.1.2.1' };
  if (error === 'access_denied') return { id: 'access-denied', verdict: 'fail', message: `The request was refused (error=access_denied): the user or the server's policy said no.${said}`, source: 'OAuth 2.1 section 4.1.2.1' };
  return { id: 'authorization-error', verdict: 'fail', message: `The authorization server refused the request (error=${error}).${said}`, source: 'OAuth 2.1 section 4.1.2.1' };
}

export function redirectMismatchFinding(redirectUri: string, detail: string): AuthDebugFinding {
  return {
    id: 'redirect-uri-mismatch',
    verdict: 'fail',
    message: `The authorization server does not accept the redirect URI ${redirectUri} for this client (${detail.trim()}) The redirect URI must be one registered for the client; for a loopback URI, any port is allowed but the path must match.`,
    source: 'OAuth 2.1 sections 2.3.1 and 4.1.2.1; RFC 8252 section 7.3',
  };
}

/** Scope strings as sets (RFC 6749 section 3.3: space-delimited). */
export function scopeList(scope: string | undefined): string[] {
  return (scope ?? '').split(' ').filter(Boolean);
}

/**
 * Findings on the scopes granted against those needed (the challenge's `scope`, else those
 * asked for). `granted` undefined: the response has no scope, which means "as requested"
 * (RFC 6749 section 5.1), unless the token itself (a JWT) says otherwise.
 */
export function checkGrantedScope(needed: string | undefined, granted: string | undefined, grantedFrom: 'response' | 'jwt' | 'none'): AuthDebugFinding {
  const wanted = scopeList(needed);
  if (grantedFrom === 'none' || granted === undefined) {
    return { id: 'scope-as-requested', verdict: 'pass', message: 'The token response names no scope: the scopes asked for were granted as requested.', source: 'RFC 6749 section 5.1' };
  }
  const have = new Set(scopeList(granted));
  const missing = wanted.filter((s) => !have.has(s));
  const where = grantedFrom === 'jwt' ? 'the token\'s scope claim' : 'the token response';
  const grants = have.size ? `"${granted}"` : 'no scope at all';
  if (missing.length) {
    return { id: 'insufficient-scope', verdict: 'fail', message: `The token lacks the scope the MCP server needs: ${missing.join(' ')} (${where} grants ${grants}). The server will answer 403 insufficient_scope.`, source: 'MCP Authorization, "Scope Challenge Handling"; RFC 6750 section 3.1' };
  }
  return { id: 'scope-granted', verdict: 'pass', message: `${where[0]!.toUpperCase()}${where.slice(1)} grants "${granted}", which covers what the server asked for.` };
}

/** A token endpoint's error answer in words (OAuth 2.1 section 3.2.4). */
export function tokenErrorFinding(status: number | undefined, error: string | undefined, description: string | undefined, resource: string | undefined): AuthDebugFinding {
  const said = description ? ` It said: "${description.slice(0, 200)}".` : '';
  if (error === 'invalid_target') {
    return { id: 'resource-rejected', verdict: 'fail', message: `The token endpoint rejected the resource indicator${resource ? ` "${resource}"` : ''} (error=invalid_target).${said}`, source: 'RFC 8707 section 2.2' };
  }
  if (error === 'invalid_grant') return { id: 'invalid-grant', verdict: 'fail', message: `The code was not accepted (error=invalid_grant): expired, used twice, or the code_verifier or redirect URI differ from the authorization request.${said}`, source: 'OAuth 2.1 section 3.2.4; RFC 7636 section 4.6' };
  if (error === 'invalid_client') return { id: 'invalid-client', verdict: 'fail', message: `The client was not authenticated (error=invalid_client): a wrong client secret or authentication method.${said}`, source: 'OAuth 2.1 section 3.2.4' };
  return { id: 'token-error', verdict: 'fail', message: `The token request failed${status ? ` (HTTP ${status}${error ? `, error=${error}` : ''})` : error ? ` (error=${error})` : ''}.${said}`, source: 'OAuth 2.1 section 3.2.4' };
}

/** Findings on the request made with the token (RFC 6750 section 3.1; MCP Authorization, "Access Token Usage"). */
export function checkAuthenticatedRequest(status: number, challenge: { error?: string; scope?: string; errorDescription?: string }): AuthDebugFinding[] {
  if (status >= 200 && status < 300) return [{ id: 'authorized', verdict: 'pass', message: `The server accepted the token (HTTP ${status}).` }];
  const said = challenge.errorDescription ? ` It said: "${challenge.errorDescription.slice(0, 200)}".` : '';
  if (status === 403 || challenge.error === 'insufficient_scope') {
    return [{ id: 'insufficient-scope', verdict: 'fail', message: `The server refused the token for want of scope (HTTP ${status}${challenge.error ? `, error=${challenge.error}` : ''})${challenge.scope ? `: it needs "${challenge.scope}"` : ''}.${said}`, source: 'RFC 6750 section 3.1; MCP Authorization, "Scope Challenge Handling"' }];
  }
  if (status === 401) {
    return [{ id: 'token-rejected', verdict: 'fail', message: `The server did not accept the token (HTTP 401${challenge.error ? `, error=${challenge.error}` : ''}): usually a token for another audience (resource), expired, or from an authorization server it does not trust.${said}`, source: 'MCP Authorization, "Token Audience Binding and Validation"; RFC 6750 section 3.1' }];
  }
  return [{ id: 'unexpected-status', verdict: 'fail', message: `The authenticated request failed with HTTP ${status}.`, source: 'MCP Authorization, "Access Token Usage"' }];
}
