import { exchangeAuthorization, extractWWWAuthenticateParams } from '@modelcontextprotocol/client';
import type { AuthDebugArrow, AuthDebugFinding } from '../../../shared/model/auth-debug';
import { describeBearerToken } from '../diagnostics/token-claims';
import { checkAuthenticatedRequest, checkGrantedScope, tokenErrorFinding } from './authorization-checks';
import { sendMcpRequest } from './mcp-request';
import { messageOf, stopIfFailed, type StepContext, type StepOutcome } from './step-context';
import { noAnswerOf, noAnswerStop, noAnswerWhy, unansweredArrows } from './unanswered-request';

/**
 * Step 7: the code is redeemed at the token endpoint with the SDK's exchangeAuthorization (OAuth
 * 2.1 section 4.1.3: code_verifier, redirect URI, resource); the tokens become secrets before
 * anything shows them. Then the scope granted (the response's `scope`, else a JWT's `scope`
 * claim) is held against the scope the server asked for.
 */
export async function tokenRequestStep(ctx: StepContext): Promise<StepOutcome> {
  const { state, redactor } = ctx;
  const arrows: AuthDebugArrow[] = [{ from: 'client', to: 'authorization-server', label: 'POST token (code, code_verifier, resource)' }];
  try {
    state.tokens = await exchangeAuthorization(state.authorizationServerUrl!, {
      metadata: state.authorizationServerMetadata!,
      clientInformation: state.client!,
      authorizationCode: state.code!,
      ...(state.iss !== undefined ? { iss: state.iss } : {}),
      codeVerifier: state.codeVerifier!,
      redirectUri: state.redirectUri!,
      ...(state.resource ? { resource: new URL(state.resource) } : {}),
      fetchFn: ctx.fetch,
    });
  } catch (error) {
    const recorded = await ctx.recorded();
    const response = recorded.at(-1);
    const body = parseJson(response?.responseBody);
    const noAnswer = noAnswerOf(recorded);
    const why = noAnswer ? noAnswerWhy(noAnswer) : `${redactor.text(messageOf(error))}.`;
    const finding = response?.status && response.status >= 400
      ? tokenErrorFinding(response.status, stringOf(body?.error), stringOf(body?.error_description), state.resource)
      : { id: 'token-error', verdict: 'fail' as const, message: `The token request failed: ${why}`, source: 'OAuth 2.1 section 3.2.4' };
    const unanswered = noAnswer && !response?.status ? noAnswer : undefined;
    const drawn = unanswered ? unansweredArrows(arrows[0]!, unanswered) : [...arrows, { from: 'authorization-server' as const, to: 'client' as const, label: `error${response?.status ? ` ${response.status}` : ''}` }];
    return { findings: [finding], facts: {}, arrows: drawn, stopped: unanswered ? noAnswerStop('authorization-server', unanswered) : 'There is no access token.' };
  }
  const tokens = state.tokens;
  for (const secret of [tokens.access_token, tokens.refresh_token, tokens.id_token]) if (secret) redactor.addSecretValue(secret);
  const needed = state.challengeScope ?? state.scope;
  const claims = describeBearerToken(`Bearer ${tokens.access_token}`, { ...(state.resource ? { resource: state.resource } : {}), ...(needed ? { requiredScope: needed } : {}) });
  const jwtScope = typeof claims?.claims?.scope === 'string' ? claims.claims.scope : undefined;
  const findings: AuthDebugFinding[] = [{ id: 'token-issued', verdict: 'pass', message: `An access token was issued (token_type ${tokens.token_type}).` }];
  if (tokens.token_type.toLowerCase() !== 'bearer' && tokens.token_type.toLowerCase() !== 'dpop') {
    findings.push({ id: 'token-type', verdict: 'warn', message: `token_type is "${tokens.token_type}", not Bearer.`, source: 'OAuth 2.1 section 5.1' });
  }
  findings.push(checkGrantedScope(needed, tokens.scope ?? jwtScope, tokens.scope !== undefined ? 'response' : jwtScope !== undefined ? 'jwt' : 'none'));
  // Audience and time problems only a JWT shows (an opaque token is read by its issuer alone).
  for (const problem of claims?.problems ?? []) if (!/scope/i.test(problem)) findings.push({ id: 'token-claims', verdict: 'warn', message: problem, source: 'RFC 9068 section 4; RFC 8707 section 2' });
  const facts: Record<string, string> = {
    access_token: `${redactor.text(tokens.access_token)} (${claims?.format === 'jwt' ? 'a JWT' : 'opaque'})`,
    token_type: tokens.token_type,
    scope: tokens.scope !== undefined ? tokens.scope || '(none granted)' : jwtScope ?? '(not given: as requested)',
  };
  if (tokens.expires_in !== undefined) facts.expires_in = `${tokens.expires_in} s`;
  if (tokens.refresh_token) facts.refresh_token = `${redactor.text(tokens.refresh_token)} (issued)`;
  if (claims?.claims?.aud !== undefined) facts['aud (JWT)'] = String(claims.claims.aud);
  arrows.push({ from: 'authorization-server', to: 'client', label: `200 access_token${tokens.scope ? ` (scope ${tokens.scope})` : ''}` });
  return { findings, facts, arrows, ...stopIfFailed(findings.filter((f) => f.id !== 'insufficient-scope'), 'There is no usable access token.') };
}

/** Step 8: the first request again, with Authorization: Bearer (RFC 6750 section 2.1). */
export async function authenticatedRequestStep(ctx: StepContext): Promise<StepOutcome> {
  const tokens = ctx.state.tokens!;
  const { response, arrows } = await sendMcpRequest(ctx, { authorization: `Bearer ${tokens.access_token}`, legacySse: ctx.state.legacySse === true });
  const challenge = extractWWWAuthenticateParams(response);
  const findings = checkAuthenticatedRequest(response.status, {
    ...(challenge.error ? { error: challenge.error } : {}),
    ...(challenge.scope ? { scope: challenge.scope } : {}),
    ...(challenge.errorDescription ? { errorDescription: ctx.redactor.text(challenge.errorDescription) } : {}),
  });
  const facts: Record<string, string> = { status: String(response.status) };
  const header = response.headers.get('www-authenticate');
  if (header) facts['WWW-Authenticate'] = ctx.redactor.text(header);
  return {
    findings,
    facts,
    arrows,
  };
}

function parseJson(text: string | undefined): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text ?? '');
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
