import { decodeJwt } from 'jose/jwt/decode';
import type { SignInStatus } from '../../../shared/model/remote-oauth';
import type { OAuthRecord } from './oauth-store';

/**
 * Who a kept OAuth record is signed in as, without any token leaving this function: the claims
 * of the ID token (OpenID Connect Core section 2: `sub`, `email`, `name`) or, when the access
 * token is a JWT, its `sub` and `scope` (RFC 9068 section 2.2); signatures are not checked (they
 * are only shown, never trusted). The issuer is the record's (the SDK stamps it, RFC 9207); the
 * scopes are the token response's `scope` (RFC 6749 section 5.1), else the JWT's; the expiry is
 * `obtainedAt + expires_in`, else the JWT's `exp`. `signedIn: false` when no tokens are kept.
 */
export function signInStatus(record: OAuthRecord | undefined): SignInStatus {
  const issuer = record?.lastIssuer;
  const entry = issuer !== undefined ? record?.byIssuer[issuer] : undefined;
  const tokens = entry?.tokens;
  if (!tokens) return { signedIn: false, scopes: [], refreshable: false };
  const idClaims = readJwt(tokens.id_token);
  const accessClaims = readJwt(tokens.access_token);
  const claims = { ...accessClaims, ...idClaims };
  const scopeText = tokens.scope ?? (typeof accessClaims?.scope === 'string' ? accessClaims.scope : undefined);
  const expiresAt =
    typeof tokens.expires_in === 'number' && entry?.obtainedAt !== undefined
      ? entry.obtainedAt + tokens.expires_in * 1000
      : typeof accessClaims?.exp === 'number'
        ? accessClaims.exp * 1000
        : undefined;
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.slice(0, 200) : undefined);
  const status: SignInStatus = {
    signedIn: true,
    issuer: text(tokens.issuer) ?? (issuer || undefined),
    scopes: (scopeText ?? '').split(/\s+/).filter(Boolean),
    refreshable: Boolean(tokens.refresh_token),
    tokenFormat: idClaims || accessClaims ? 'jwt' : 'opaque',
  };
  const subject = text(claims.sub);
  const email = text(claims.email);
  const name = text(claims.name) ?? text(claims.preferred_username);
  if (subject) status.subject = subject;
  if (email) status.email = email;
  if (name) status.name = name;
  if (expiresAt !== undefined) status.expiresAt = expiresAt;
  return status;
}

function readJwt(token: string | undefined): Record<string, unknown> | undefined {
  if (!token) return undefined;
  try {
    return decodeJwt(token) as Record<string, unknown>;
  } catch {
    return undefined; // opaque: only the issuer can read it
  }
}
