import { randomBytes } from 'node:crypto';
import { registerClient, startAuthorization, type OAuthClientMetadata } from '@modelcontextprotocol/client';
import type { AuthDebugArrow, AuthDebugFinding } from '../../../shared/model/auth-debug';
import { CLIENT_NAME } from '../auth/oauth-settings';
import { LoopbackRedirect } from '../auth/loopback-redirect';
import { checkRegistration, noClientIdFinding } from './authorization-checks';
import { checkClientMetadataDocument } from './client-metadata-document';
import { messageOf, stopIfFailed, type StepContext, type StepOutcome } from './step-context';
import { noAnswerOf, noAnswerStop, noAnswerWhy, unansweredArrows, type NoAnswer } from './unanswered-request';

/**
 * Step 4: a client id (MCP Authorization, "Client Registration Approaches"): the one given;
 * else a client ID metadata document URL where the server supports it; else dynamic client
 * registration (RFC 7591). The loopback redirect listener starts here, so its URI can be registered.
 */
export async function clientRegistrationStep(ctx: StepContext): Promise<StepOutcome> {
  const { options, state } = ctx;
  const metadata = state.authorizationServerMetadata!;
  state.loopback = new LoopbackRedirect();
  state.redirectUri = await state.loopback.start();
  const facts: Record<string, string> = { redirect_uri: state.redirectUri };
  const cimdSupported = (metadata as Record<string, unknown>).client_id_metadata_document_supported === true;
  if (options.clientId) {
    state.client = { client_id: options.clientId, ...(options.clientSecret ? { client_secret: options.clientSecret } : {}) };
    state.clientIdSource = 'pre-registered';
    facts.client_id = options.clientId;
    facts['client id from'] = 'given (pre-registered)';
    return { findings: [{ id: 'client-given', verdict: 'pass', message: `Using the pre-registered client "${options.clientId}"; nothing to register.` }], facts, arrows: [] };
  }
  if (options.clientMetadataUrl && cimdSupported) {
    state.client = { client_id: options.clientMetadataUrl };
    state.clientIdSource = 'metadata-document';
    facts.client_id = options.clientMetadataUrl;
    facts['client id from'] = 'client ID metadata document';
    // The server fetches the document itself; fetched here too, so what it will see is shown and checked.
    const documentFindings = await checkClientMetadataDocument(options.clientMetadataUrl, state.redirectUri, ctx.fetch);
    const findings: AuthDebugFinding[] = [{ id: 'client-metadata-document', verdict: 'pass', message: `The server accepts client ID metadata documents: ${options.clientMetadataUrl} is the client id.` }, ...documentFindings];
    return { findings, facts, arrows: [] };
  }
  if (!metadata.registration_endpoint) {
    const findings = [noClientIdFinding(cimdSupported)];
    if (options.clientMetadataUrl) findings.unshift({ id: 'cimd-not-supported', verdict: 'fail', message: 'A client metadata document URL was given, but the server does not advertise client_id_metadata_document_supported.', source: 'OAuth Client ID Metadata Document, section 5' });
    return { findings, facts, arrows: [], stopped: 'There is no client id to authorize with.' };
  }
  const clientMetadata = {
    client_name: CLIENT_NAME,
    redirect_uris: [state.redirectUri],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'none',
    application_type: 'native',
  } as OAuthClientMetadata;
  const scope = options.scope ?? state.challengeScope;
  let findings: AuthDebugFinding[];
  let noAnswer: NoAnswer | undefined;
  try {
    const registered = await registerClient(state.authorizationServerUrl!, { metadata, clientMetadata, ...(scope ? { scope } : {}), fetchFn: ctx.fetch });
    for (const secret of [registered.client_secret, (registered as Record<string, unknown>).registration_access_token]) if (typeof secret === 'string' && secret) ctx.redactor.addSecretValue(secret);
    state.client = registered;
    state.clientIdSource = 'dynamic-registration';
    facts.client_id = registered.client_id;
    facts['client id from'] = 'dynamic client registration';
    findings = checkRegistration(state.redirectUri, registered);
  } catch (error) {
    noAnswer = noAnswerOf(await ctx.recorded());
    const why = noAnswer ? noAnswerWhy(noAnswer) : `${ctx.redactor.text(messageOf(error))}.`;
    findings = [{ id: 'registration-failed', verdict: 'fail', message: `Dynamic client registration failed: ${why}`, source: 'RFC 7591 section 3.2.2' }];
  }
  const request: AuthDebugArrow = { from: 'client', to: 'authorization-server', label: 'POST registration (RFC 7591)' };
  return {
    findings,
    facts,
    arrows: noAnswer ? unansweredArrows(request, noAnswer) : [request, { from: 'authorization-server', to: 'client', label: state.client ? 'client_id' : 'registration refused' }],
    ...(state.client ? {} : { stopped: noAnswer ? noAnswerStop('authorization-server', noAnswer) : 'There is no client id to authorize with.' }),
  };
}

/**
 * Step 5: the authorization request (OAuth 2.1 section 4.1.1) built by the SDK's
 * startAuthorization: PKCE S256 (RFC 7636), a fresh state, the scopes, the resource indicator
 * (RFC 8707). Nothing is sent yet; the code_verifier is a secret from here on.
 */
export async function authorizationRequestStep(ctx: StepContext): Promise<StepOutcome> {
  const { options, state } = ctx;
  const metadata = state.authorizationServerMetadata!;
  state.scope = options.scope ?? state.challengeScope ?? state.resourceMetadata?.scopes_supported?.join(' ');
  state.state = randomBytes(16).toString('base64url');
  let started: { authorizationUrl: URL; codeVerifier: string };
  try {
    started = await startAuthorization(state.authorizationServerUrl!, {
      metadata,
      clientInformation: state.client!,
      redirectUrl: state.redirectUri!,
      state: state.state,
      ...(state.scope ? { scope: state.scope } : {}),
      ...(state.resource ? { resource: state.resource } : {}),
    });
  } catch (error) {
    const findings: AuthDebugFinding[] = [{ id: 'authorization-request-failed', verdict: 'fail', message: `The authorization request could not be built: ${messageOf(error)}.`, source: 'OAuth 2.1 section 4.1.1' }];
    return { findings, facts: {}, arrows: [], stopped: 'There is no authorization request to send.' };
  }
  ctx.redactor.addSecretValue(started.codeVerifier);
  state.codeVerifier = started.codeVerifier;
  state.authorizationUrl = started.authorizationUrl;
  const query = started.authorizationUrl.searchParams;
  const facts: Record<string, string> = {
    'authorization URL': ctx.redactor.url(started.authorizationUrl.href, { learn: false }),
    client_id: query.get('client_id') ?? '',
    redirect_uri: query.get('redirect_uri') ?? '',
    state: query.get('state') ?? '',
    code_challenge: query.get('code_challenge') ?? '',
    code_challenge_method: query.get('code_challenge_method') ?? '',
    code_verifier: `${ctx.redactor.text(started.codeVerifier)} (${started.codeVerifier.length} characters, kept by the client)`,
    scope: query.get('scope') ?? '(none)',
    resource: query.get('resource') ?? '(none)',
  };
  const findings: AuthDebugFinding[] = [{ id: 'pkce-s256-sent', verdict: 'pass', message: 'PKCE: the code_challenge is the S256 hash of a fresh code_verifier.' }];
  findings.push(
    query.get('resource')
      ? { id: 'resource-indicator-sent', verdict: 'pass', message: `The resource indicator is the MCP server: ${query.get('resource')}.` }
      : { id: 'resource-indicator-missing', verdict: 'warn', message: 'No resource indicator: the protected resource metadata named no resource, so the token may not be bound to this server.', source: 'RFC 8707 section 2; MCP Authorization, "Resource Parameter Implementation"' },
  );
  if (!query.get('scope')) findings.push({ id: 'no-scope', verdict: 'warn', message: 'No scope is asked for: neither the challenge nor the metadata named one.', source: 'MCP Authorization, "Scope Selection Strategy"' });
  return {
    findings,
    facts,
    arrows: [{ from: 'client', to: 'user-agent', label: 'open authorization URL (code_challenge S256, state, resource)' }],
    ...stopIfFailed(findings, 'There is no authorization request to send.'),
  };
}
