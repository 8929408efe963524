import { discoverAuthorizationServerMetadata } from '@modelcontextprotocol/client';
import type { IssuerRecord, OAuthStore } from './oauth-store';

/** What logout did for one authorization server (issuer). */
export interface RevocationOutcome {
  issuer: string;
  /** revoked: the server confirmed (200); unsupported: it offers no revocation endpoint; failed: see `problem`. */
  result: 'revoked' | 'unsupported' | 'failed';
  problem?: string;
}

/**
 * Logs out of one MCP server: revokes every token kept for it where its authorization server
 * offers revocation (RFC 7009 section 2.1: the refresh token first, which also ends its access
 * tokens at most servers, then the access token; authenticated as the client that got them),
 * then forgets everything kept for the server, revoked or not: a token the server would not
 * revoke still expires on its own. `fetchFn` is a recording fetch, so the requests are traced.
 * Errors: the store's (a `keychain` PeriscopeError); revocation failures are outcomes, not errors.
 */
export async function logout(serverUrl: string, store: OAuthStore, fetchFn: typeof fetch, learnSecret: (value: string | undefined) => void): Promise<{ found: boolean; outcomes: RevocationOutcome[] }> {
  const record = await store.load(serverUrl);
  const entries = Object.entries(record?.byIssuer ?? {}).filter(([, entry]) => entry.tokens);
  for (const [, entry] of entries) for (const value of [entry.tokens?.access_token, entry.tokens?.refresh_token, entry.client?.client_secret]) learnSecret(value);
  const outcomes: RevocationOutcome[] = [];
  for (const [issuer, entry] of entries) outcomes.push(await revokeAt(issuer, entry, fetchFn));
  const found = (await store.forget(serverUrl)) || entries.length > 0;
  return { found, outcomes };
}

async function revokeAt(issuer: string, entry: IssuerRecord, fetchFn: typeof fetch): Promise<RevocationOutcome> {
  try {
    const metadata = await discoverAuthorizationServerMetadata(issuer, { fetchFn });
    // RFC 8414 section 2 names it; OpenID discovery metadata (the union's other member) may carry it too.
    const endpoint = (metadata as { revocation_endpoint?: string } | undefined)?.revocation_endpoint;
    if (!endpoint) return { issuer, result: 'unsupported' };
    const clientId = entry.client?.client_id ?? entry.clientId;
    for (const [token, hint] of [[entry.tokens?.refresh_token, 'refresh_token'], [entry.tokens?.access_token, 'access_token']] as const) {
      if (!token) continue;
      const body = new URLSearchParams({ token, token_type_hint: hint });
      const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
      const secret = entry.client?.client_secret;
      if (clientId && secret) headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`;
      else if (clientId) body.set('client_id', clientId);
      const response = await fetchFn(endpoint, { method: 'POST', headers, body });
      await response.body?.cancel().catch(() => undefined);
      if (!response.ok) return { issuer, result: 'failed', problem: `the revocation endpoint answered HTTP ${response.status}` };
    }
    return { issuer, result: 'revoked' };
  } catch (error) {
    return { issuer, result: 'failed', problem: error instanceof Error ? error.message : String(error) };
  }
}
