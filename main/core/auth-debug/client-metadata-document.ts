import type { AuthDebugFinding } from '../../../shared/model/auth-debug';

const SOURCE = 'OAuth Client ID Metadata Document (draft-ietf-oauth-client-id-metadata-document), section 4';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Fetches a client ID metadata document the way the authorization server will, and says in plain
 * words what would make the server refuse it: not https, not reachable, not a JSON object, a
 * `client_id` that is not exactly the document's URL, no `redirect_uris` entry that fits the
 * loopback redirect (RFC 8252 section 7.3: the port may differ), or a shared secret (a public
 * document cannot hold one). `fetchFn` is the step's recording fetch, so the exchange is shown.
 * Never throws: every failure is a finding.
 */
export async function checkClientMetadataDocument(documentUrl: string, redirectUri: string, fetchFn: typeof fetch): Promise<AuthDebugFinding[]> {
  const findings: AuthDebugFinding[] = [];
  const fail = (id: string, message: string) => findings.push({ id, verdict: 'fail', message, source: SOURCE });
  let url: URL;
  try {
    url = new URL(documentUrl);
  } catch {
    fail('cimd-url-invalid', `The client metadata document URL "${documentUrl}" is not a URL.`);
    return findings;
  }
  if (url.protocol !== 'https:') findings.push({ id: 'cimd-not-https', verdict: LOOPBACK_HOSTS.has(url.hostname) ? 'warn' : 'fail', message: `The client metadata document is at an ${url.protocol}// URL: authorization servers fetch only https:// ones (a loopback address may pass a test server, not a real one).`, source: SOURCE });
  let body: unknown;
  try {
    const response = await fetchFn(url, { headers: { accept: 'application/json' }, redirect: 'manual' });
    if (response.status !== 200) {
      fail('cimd-not-served', `The client metadata document answered HTTP ${response.status}; the authorization server needs a 200 with the JSON document (no redirects).`);
      return findings;
    }
    body = JSON.parse(await response.text());
  } catch (error) {
    fail('cimd-unreadable', `The client metadata document could not be read as JSON: ${error instanceof Error ? error.message : String(error)}.`);
    return findings;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    fail('cimd-not-object', 'The client metadata document is not a JSON object.');
    return findings;
  }
  const doc = body as Record<string, unknown>;
  if (doc.client_id !== documentUrl) fail('cimd-client-id-mismatch', `The document's client_id is ${JSON.stringify(doc.client_id)}, not its own URL ${documentUrl}: the authorization server refuses a document that names another client.`);
  const redirects = Array.isArray(doc.redirect_uris) ? doc.redirect_uris.filter((u): u is string => typeof u === 'string') : [];
  if (!redirects.some((u) => fitsLoopback(u, redirectUri))) {
    fail('cimd-redirect-missing', `The document's redirect_uris (${redirects.length > 0 ? redirects.join(', ') : 'none'}) hold nothing that fits ${redirectUri}; list a loopback URI such as http://127.0.0.1/callback (any port fits, RFC 8252 section 7.3).`);
  }
  if (typeof doc.client_secret === 'string' || /^client_secret_/.test(String(doc.token_endpoint_auth_method ?? ''))) {
    fail('cimd-shared-secret', 'The document asks for a client secret (client_secret or a client_secret_* token_endpoint_auth_method): a public document cannot hold one; use "none" or private_key_jwt.');
  }
  if (findings.every((f) => f.verdict !== 'fail')) findings.push({ id: 'cimd-valid', verdict: 'pass', message: `The client metadata document at ${documentUrl} names itself as client_id and lists a redirect URI that fits this one.`, source: SOURCE });
  return findings;
}

/** Same scheme, loopback host and path; the port is free for loopback redirects (RFC 8252 section 7.3). */
function fitsLoopback(registered: string, actual: string): boolean {
  try {
    const [r, a] = [new URL(registered), new URL(actual)];
    if (r.href === a.href) return true;
    return r.protocol === a.protocol && LOOPBACK_HOSTS.has(r.hostname) && LOOPBACK_HOSTS.has(a.hostname) && r.pathname === a.pathname;
  } catch {
    return false;
  }
}
