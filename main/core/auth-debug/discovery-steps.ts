import { discoverAuthorizationServerMetadata, discoverOAuthProtectedResourceMetadata, extractWWWAuthenticateParams } from '@modelcontextprotocol/client';
import type { AuthDebugArrow, AuthDebugFinding } from '../../../shared/model/auth-debug';
import { checkAuthorizationServerMetadata, checkChallenge, checkResourceMetadata, NO_OAUTH_FLOW } from './discovery-checks';
import { sendMcpRequest } from './mcp-request';
import { messageOf, stopIfFailed, type StepContext, type StepOutcome } from './step-context';
import { noAnswerOf, noAnswerStop, noAnswerWhy, unansweredArrows, type NoAnswer } from './unanswered-request';

/**
 * Step 1: the request without a token, and the challenge it gets (RFC 9728 section 5.1). A URL
 * that refuses the POST as a legacy HTTP+SSE endpoint is asked with that transport's GET.
 */
export async function challengeStep(ctx: StepContext): Promise<StepOutcome> {
  const { response, legacySse, refusedPost, arrows } = await sendMcpRequest(ctx);
  ctx.state.legacySse = legacySse;
  const params = extractWWWAuthenticateParams(response);
  const wwwAuthenticate = response.headers.get('www-authenticate') ?? undefined;
  ctx.state.authorizationAsked = response.status === 401;
  if (params.resourceMetadataUrl) ctx.state.resourceMetadataUrl = params.resourceMetadataUrl.href;
  if (params.scope) ctx.state.challengeScope = params.scope;
  const findings: AuthDebugFinding[] = refusedPost === undefined ? [] : [{ id: 'legacy-sse', verdict: 'info', message: `The POST answered ${refusedPost}: this URL speaks the legacy HTTP+SSE transport, so the GET of its event stream was sent instead, as its clients do.`, source: 'MCP Transports, "Backwards Compatibility"' }];
  findings.push(...checkChallenge({
    status: response.status,
    ...(wwwAuthenticate ? { wwwAuthenticate } : {}),
    ...(params.resourceMetadataUrl ? { resourceMetadataUrl: params.resourceMetadataUrl.href } : {}),
    ...(params.scope ? { scope: params.scope } : {}),
  }));
  const facts: Record<string, string> = { status: String(response.status) };
  if (wwwAuthenticate) facts['WWW-Authenticate'] = wwwAuthenticate;
  return {
    findings,
    facts,
    arrows,
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
  // The SDK takes a request with no answer for a CORS refusal and tries the next URL: the cause is in the exchange.
  const noAnswer = metadata ? undefined : noAnswerOf(await ctx.recorded());
  if (noAnswer) problem = noAnswerWhy(noAnswer).replace(/\.$/, '');
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
    arrows: answerArrows({ from: 'client', to: 'mcp-server', label: 'GET protected resource metadata' }, metadata ? 'resource, authorization_servers' : 'no metadata', noAnswer),
    ...(noAnswer && ctx.state.authorizationAsked !== false ? { stopped: noAnswerStop('mcp-server', noAnswer) } : resourceMetadataStop(findings, firstServer !== undefined)),
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
  const noAnswer = metadata ? undefined : noAnswerOf(await ctx.recorded());
  if (noAnswer) problem = noAnswerWhy(noAnswer).replace(/\.$/, '');
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
    arrows: answerArrows({ from: 'client', to: 'authorization-server', label: 'GET authorization server metadata' }, metadata ? 'issuer, endpoints, PKCE methods' : 'no metadata', noAnswer),
    ...(metadata
      ? stopIfFailed(findings, 'A client must not go on with this authorization server\'s metadata.')
      : { stopped: noAnswer ? noAnswerStop('authorization-server', noAnswer) : 'Without authorization server metadata there are no endpoints to use.' }),
  };
}

/** A request and its answer (`answer`, the reply's label), or, when it got none, what unansweredArrows draws. */
function answerArrows(request: AuthDebugArrow, answer: string, noAnswer: NoAnswer | undefined): AuthDebugArrow[] {
  return noAnswer ? unansweredArrows(request, noAnswer) : [request, { from: request.to, to: request.from, label: answer }];
}
