import { discoverAuthorizationServerMetadata, discoverOAuthProtectedResourceMetadata, extractWWWAuthenticateParams } from '@modelcontextprotocol/client';
import type { AuthDebugFinding } from '../../../shared/model/auth-debug';
import { checkAuthorizationServerMetadata, checkChallenge, checkResourceMetadata, NO_OAUTH_FLOW } from './discovery-checks';
import { messageOf, stopIfFailed, type AuthDebugOptions, type StepContext, type StepOutcome } from './step-context';

/**
 * The MCP request every debugger run sends, with and without a token: an initialize (it needs no
 * session), with the run's extra headers (AuthDebugOptions.headers, Authorization excepted) and
 * `authorization` when given.
 */
export function initializeRequest(extraHeaders: AuthDebugOptions['headers'] = [], authorization?: string): RequestInit {
  const headers: Record<string, string> = {};
  for (const { name, value } of extraHeaders) if (name.toLowerCase() !== 'authorization') headers[name] = value;
  Object.assign(headers, { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, authorization ? { authorization } : {});
  return {
    method: 'POST',
    headers,
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'MCP Periscope auth debugger', version: '1' } },
    }),
    signal: AbortSignal.timeout(30_000),
  };
}

/** Reads (or drops, for an event stream) a response body, so the exchange ends and is recorded whole. */
export async function drain(response: Response): Promise<void> {
  if (/text\/event-stream/i.test(response.headers.get('content-type') ?? '')) await response.body?.cancel().catch(() => undefined);
  else await response.text().catch(() => undefined);
}

/** Step 1: the request without a token, and the challenge it gets (RFC 9728 section 5.1). */
export async function challengeStep(ctx: StepContext): Promise<StepOutcome> {
  const response = await ctx.fetch(ctx.options.serverUrl, initializeRequest(ctx.options.headers));
  await drain(response);
  const params = extractWWWAuthenticateParams(response);
  const wwwAuthenticate = response.headers.get('www-authenticate') ?? undefined;
  ctx.state.authorizationAsked = response.status === 401;
  if (params.resourceMetadataUrl) ctx.state.resourceMetadataUrl = params.resourceMetadataUrl.href;
  if (params.scope) ctx.state.challengeScope = params.scope;
  const findings = checkChallenge({
    status: response.status,
    ...(wwwAuthenticate ? { wwwAuthenticate } : {}),
    ...(params.resourceMetadataUrl ? { resourceMetadataUrl: params.resourceMetadataUrl.href } : {}),
    ...(params.scope ? { scope: params.scope } : {}),
  });
  const facts: Record<string, string> = { status: String(response.status) };
  if (wwwAuthenticate) facts['WWW-Authenticate'] = wwwAuthenticate;
  return {
    findings,
    facts,
    arrows: [
      { from: 'client', to: 'mcp-server', label: 'POST initialize (no token)' },
      { from: 'mcp-server', to: 'client', label: `${response.status}${wwwAuthenticate ? ' + WWW-Authenticate' : ''}` },
    ],
    ...(response.status !== 401 && (response.status < 200 || response.status >= 300) ? { stopped: 'The server did not answer with a 401 challenge.' } : {}),
  };
}

/** Step 2: the protected resource metadata (RFC 9728 section 3), from the challenge's URL or the well-known URIs. */
export async function resourceMetadataStep(ctx: StepContext): Promise<StepOutcome> {
  const { serverUrl } = ctx.options;
  let problem: string | undefined;
  try {
    const opts = ctx.state.resourceMetadataUrl ? { resourceMetadataUrl: ctx.state.resourceMetadataUrl } : {};
    ctx.state.resourceMetadata = await discoverOAuthProtectedResourceMetadata(serverUrl, opts, ctx.fetch);
  } catch (error) {
    problem = ctx.redactor.text(messageOf(error));
  }
  const metadata = ctx.state.resourceMetadata;
  const authorizationAsked = ctx.state.authorizationAsked !== false;
  const findings = checkResourceMetadata({ serverUrl, authorizationAsked, ...(metadata ? { metadata } : {}), ...(problem ? { problem } : {}) });
  const firstServer = metadata?.authorization_servers?.[0];
  if (firstServer) ctx.state.authorizationServerUrl = firstServer;
  if (metadata?.resource) ctx.state.resource = metadata.resource;
  const facts: Record<string, string> = {};
  if (metadata?.resource) facts.resource = metadata.resource;
  if (firstServer) facts['authorization server'] = firstServer;
  if (metadata?.scopes_supported) facts.scopes_supported = metadata.scopes_supported.join(' ');
  return {
    findings,
    facts,
    arrows: [
      { from: 'client', to: 'mcp-server', label: 'GET protected resource metadata' },
      { from: 'mcp-server', to: 'client', label: metadata ? 'resource, authorization_servers' : 'no metadata' },
    ],
    ...resourceMetadataStop(findings, firstServer !== undefined),
  };
}

/**
 * Why the run ends after the protected resource metadata, if it does: a server that answered
 * without a token and publishes none offers no OAuth flow at all (authorization is optional),
 * which is no failure; otherwise, without valid metadata there is no authorization server.
 */
function resourceMetadataStop(findings: AuthDebugFinding[], hasAuthorizationServer: boolean): { stopped?: string } {
  if (findings.some((f) => f.id === 'no-authorization')) return { stopped: NO_OAUTH_FLOW };
  if (hasAuthorizationServer && !findings.some((f) => f.id === 'resource-mismatch')) return {};
  return { stopped: 'Without valid protected resource metadata there is no authorization server to go to.' };
}

/**
 * Step 3: the authorization server metadata (RFC 8414, then OpenID Connect Discovery), read
 * without the SDK's own issuer check so a wrong issuer can be shown, then checked here.
 */
export async function authorizationServerMetadataStep(ctx: StepContext): Promise<StepOutcome> {
  const authorizationServerUrl = ctx.state.authorizationServerUrl ?? '';
  let problem: string | undefined;
  try {
    const metadata = await discoverAuthorizationServerMetadata(authorizationServerUrl, { fetchFn: ctx.fetch, skipIssuerValidation: true });
    if (metadata) ctx.state.authorizationServerMetadata = metadata;
  } catch (error) {
    problem = ctx.redactor.text(messageOf(error));
  }
  const metadata = ctx.state.authorizationServerMetadata;
  const findings = checkAuthorizationServerMetadata({ authorizationServerUrl, ...(metadata ? { metadata: metadata as Record<string, unknown> } : {}), ...(problem ? { problem } : {}) });
  const facts: Record<string, string> = {};
  if (metadata) {
    facts.issuer = metadata.issuer;
    facts.authorization_endpoint = metadata.authorization_endpoint;
    facts.token_endpoint = metadata.token_endpoint;
    if (metadata.registration_endpoint) facts.registration_endpoint = metadata.registration_endpoint;
    facts.code_challenge_methods_supported = metadata.code_challenge_methods_supported?.join(' ') ?? '(absent)';
    if ((metadata as Record<string, unknown>).client_id_metadata_document_supported === true) facts.client_id_metadata_document_supported = 'true';
  }
  return {
    findings,
    facts,
    arrows: [
      { from: 'client', to: 'authorization-server', label: 'GET authorization server metadata' },
      { from: 'authorization-server', to: 'client', label: metadata ? 'issuer, endpoints, PKCE methods' : 'no metadata' },
    ],
    ...(metadata ? stopIfFailed(findings, 'A client must not go on with this authorization server\'s metadata.') : { stopped: 'Without authorization server metadata there are no endpoints to use.' }),
  };
}
