import type { ErrorInfo } from '../../../shared/model/error-info';
import { headerValue } from './error-text';
import { type AuthChallenge, describeChallenge, parseWwwAuthenticate } from './www-authenticate';
import { credentialTemplate } from './credential-template';
import { authorizationFix } from './fixes';
import { describeBearerToken } from './token-claims';

interface AuthFacts {
  status: number;
  headers: Record<string, string>;
  where: string;
  detail: Record<string, unknown>;
  headersKnown: boolean;
  sentAuthorization?: boolean;
  /** The request's headers as recorded (masked): listed in the detail as what was sent. */
  sentHeaders?: Record<string, string>;
  /** The Authorization value sent: its bearer token's claims are read, the value itself never kept. */
  authorization?: string;
  /** The server URL, against which a token's audience is checked. */
  resource?: string;
  /** The clock, for "expired 3 h ago" (ms since the epoch; tests set it). */
  now?: number;
}

/**
 * 401/403 in words: which scheme the server asks for (from WWW-Authenticate), what it said was
 * wrong, and exactly which header to set. The header value itself is never echoed.
 */
export function explainAuthChallenge(facts: AuthFacts): ErrorInfo {
  const raw = headerValue(facts.headers, 'www-authenticate');
  const challenges = raw ? parseWwwAuthenticate(raw) : [];
  const primary = pickChallenge(challenges);
  const token = describeBearerToken(facts.authorization, { ...(facts.now !== undefined ? { now: facts.now } : {}), ...(facts.resource ? { resource: facts.resource } : {}), ...(primary?.params.scope ? { requiredScope: primary.params.scope } : {}) });
  const detail = {
    ...facts.detail,
    wwwAuthenticate: challenges,
    ...(raw ? { wwwAuthenticateRaw: raw } : {}),
    ...(facts.sentHeaders ? { sentHeaders: facts.sentHeaders } : {}),
    ...(token ? { token } : {}),
  };
  const asks = challenges.length > 0 ? `; it asks for ${challenges.map(describeChallenge).join(' or ')}` : '';
  // What the token itself shows outranks a generic reading of the challenge: it is the likely cause.
  const tokenCause = token?.problems[0] ? `${capitalised(token.problems[0])}: get a new token (with what the server needs) and set it in the Authorization header` : undefined;

  if (facts.status === 403) {
    const scope = primary?.params.error === 'insufficient_scope' ? primary.params.scope : undefined;
    return {
      kind: 'auth',
      message: `${facts.where} answered 403 Forbidden: the credentials were understood but do not allow this${asks}`,
      hint:
        tokenCause ??
        (scope
          ? `the token lacks the scope "${scope}": get a token that includes it and set it in the Authorization header`
          : 'use credentials with access to this server (check the token or API key you send, and its permissions)'),
      fixes: [authorizationFix(primary?.scheme, 'Change the Authorization header')],
      detail,
    };
  }

  return {
    kind: 'auth',
    message: `${facts.where} answered 401 Unauthorized${asks || (facts.headersKnown ? ' without a WWW-Authenticate header' : '')}`,
    hint: tokenCause ?? hintFor(primary, facts.headersKnown, facts.sentAuthorization),
    fixes: [authorizationFix(primary?.scheme)],
    detail,
  };
}

/** Bearer first (what MCP servers use), then whatever came first. */
function pickChallenge(challenges: AuthChallenge[]): AuthChallenge | undefined {
  return challenges.find((c) => c.scheme.toLowerCase() === 'bearer') ?? challenges[0];
}

function hintFor(challenge: AuthChallenge | undefined, headersKnown: boolean, sentAuthorization?: boolean): string {
  if (!challenge) {
    if (!headersKnown) return "the server wants credentials: set the header it expects, usually Authorization: Bearer <token>, or an API-key header";
    return "the server wants credentials but does not say which: set the header its docs name, usually Authorization: Bearer <token>, or an API-key header";
  }
  const scheme = challenge.scheme.toLowerCase();
  const error = challenge.params.error;
  if (scheme === 'bearer') {
    const what =
      sentAuthorization === false
        ? 'no Authorization header was sent: set'
        : error === 'invalid_token'
          ? 'the token was rejected (expired, revoked or wrong): get a fresh one and set'
          : 'set';
    const metadata = challenge.params.resource_metadata
      ? ` (the server advertises OAuth metadata at ${challenge.params.resource_metadata})`
      : '';
    return `${what} the Authorization header to Bearer <token>${metadata}`;
  }
  if (scheme === 'basic') return `set the Authorization header to ${credentialTemplate('Basic')}`;
  return `set the Authorization header to ${credentialTemplate(challenge.scheme)} (the ${challenge.scheme} scheme)`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
