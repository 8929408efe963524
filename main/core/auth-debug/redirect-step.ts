import type { AuthDebugArrow } from '../../../shared/model/auth-debug';
import type { HttpEntry } from '../../../shared/model/trace';
import { sendToAuthorization } from '../auth/authorization-handlers';
import { DEFAULT_CALLBACK_TIMEOUT_MS } from '../auth/oauth-settings';
import { checkAuthorizationResponse, redirectMismatchFinding, refusalFinding } from './authorization-checks';
import { messageOf, type StepContext, type StepOutcome } from './step-context';

const ARROW_OUT: AuthDebugArrow = { from: 'user-agent', to: 'authorization-server', label: 'GET authorization endpoint (user signs in, approves)' };

/**
 * Step 6: the user agent goes to the authorization endpoint and comes back to the loopback
 * redirect URI (OAuth 2.1 section 4.1.2). The URL goes out through the injected opener (the
 * app's system browser), or the CLI's mode: `follow` fetches it through the recorder, so an
 * error page the server shows instead of redirecting (a redirect URI it does not accept) is
 * recorded and read here. Then the response's `error`, `code` and `iss` (RFC 9207) are checked.
 */
export async function authorizationResponseStep(ctx: StepContext): Promise<StepOutcome> {
  const { options, state } = ctx;
  const loopback = state.loopback!;
  const redirectUri = state.redirectUri!;
  const timeoutMs = options.callbackTimeoutMs ?? DEFAULT_CALLBACK_TIMEOUT_MS;
  const received = loopback.expect(state.state!, timeoutMs);
  received.catch(() => undefined);
  const note = options.note ?? (() => undefined);
  let openFailure: string | undefined;
  try {
    await sendToAuthorization(options.openAuthorizationUrl ?? options.authorize ?? 'print', state.authorizationUrl!, { note, fetch: ctx.fetch, redirectUri });
  } catch (error) {
    openFailure = ctx.redactor.text(messageOf(error));
    // Nothing will come back: stop waiting.
    await loopback.close();
  }
  let params: URLSearchParams | undefined;
  let waitFailure: string | undefined;
  try {
    params = await received;
  } catch (error) {
    waitFailure = messageOf(error);
  }
  const hops = await ctx.recorded();
  const arrows: AuthDebugArrow[] = [{ ...ARROW_OUT }];
  if (!params) {
    const refused = errorPageOf(hops);
    const findings = refused
      ? [refused.error === 'invalid_redirect_uri' || /redirect[_ ]uri/i.test(refused.description ?? '') ? redirectMismatchFinding(redirectUri, `error=${refused.error}${refused.description ? `: "${refused.description}"` : ''}.`) : refusalFinding(refused.error, refused.description, state.resource, redirectUri)]
      : [{ id: 'no-authorization-response', verdict: 'fail' as const, message: `No authorization response came back: ${openFailure ?? waitFailure ?? 'unknown'}. If the authorization server showed an error page, a redirect URI it does not accept is the usual cause.`, source: 'OAuth 2.1 section 4.1.2.1' }];
    arrows.push({ from: 'authorization-server', to: 'user-agent', label: refused ? `error page: ${refused.error}` : 'no redirect back' });
    return { findings, facts: {}, arrows, stopped: 'There is no authorization code to redeem.' };
  }
  const code = params.get('code') ?? undefined;
  if (code) ctx.redactor.addSecretValue(code);
  state.code = code;
  const iss = params.get('iss') ?? undefined;
  state.iss = iss;
  const error = params.get('error') ?? undefined;
  const errorDescription = params.get('error_description') ?? undefined;
  const metadata = state.authorizationServerMetadata!;
  const findings = checkAuthorizationResponse({
    ...(error ? { error } : {}),
    ...(errorDescription ? { errorDescription: ctx.redactor.text(errorDescription) } : {}),
    code: Boolean(code),
    ...(iss !== undefined ? { iss } : {}),
    expectedIssuer: metadata.issuer,
    issAdvertised: metadata.authorization_response_iss_parameter_supported === true,
    ...(state.resource ? { resource: state.resource } : {}),
    redirectUri,
  });
  const facts: Record<string, string> = { 'redirect URI': redirectUri, state: params.get('state') === state.state ? 'the same as sent' : 'different' };
  if (code) facts.code = `${ctx.redactor.text(code)} (${code.length} characters)`;
  if (error) facts.error = error;
  if (errorDescription) facts.error_description = ctx.redactor.text(errorDescription);
  facts.iss = iss ?? '(absent)';
  arrows.push({ from: 'authorization-server', to: 'user-agent', label: 'redirect to the redirect URI' }, { from: 'user-agent', to: 'client', label: code ? 'code, state, iss' : `error=${error ?? 'none'}` });
  const failed = findings.some((f) => f.verdict === 'fail');
  return { findings, facts, arrows, ...(failed ? { stopped: code ? 'A client must reject this authorization response.' : 'There is no authorization code to redeem.' } : {}) };
}

/** The error an authorization server showed on its own page (HTML or JSON) instead of redirecting back. */
function errorPageOf(hops: HttpEntry[]): { error: string; description?: string } | undefined {
  const last = hops.at(-1);
  if (!last || last.status === undefined || last.status < 400 || !last.responseBody) return undefined;
  const text = last.responseBody.replace(/<[^>]*>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const error = /\berror"?\s*[:=]\s*"?([a-z_]+)/i.exec(text)?.[1];
  if (!error) return { error: `HTTP ${last.status}` };
  const description = /\berror_description"?\s*[:=]\s*"?([^"\n]+?)\s*(?:"|\n|$)/i.exec(text)?.[1];
  return { error, ...(description ? { description: description.trim().slice(0, 200) } : {}) };
}
