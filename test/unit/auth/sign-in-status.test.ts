import { describe, expect, it } from 'vitest';
import { signInStatus } from '../../../main/core/auth/sign-in-status';
import { expiryInWords } from '../../../shared/text/time-left';

const jwt = (claims: Record<string, unknown>) => `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(claims)}.c2lnbmF0dXJl`;
function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('signInStatus: who a kept record is signed in as, never a token', () => {
  it('nothing kept: not signed in', () => {
    expect(signInStatus(undefined)).toEqual({ signedIn: false, scopes: [], refreshable: false });
    expect(signInStatus({ lastIssuer: 'https://as', byIssuer: { 'https://as': {} } })).toMatchObject({ signedIn: false });
  });

  it('reads sub, email and name from the ID token, scopes from the token response, the expiry from when it was obtained', () => {
    const idToken = jwt({ iss: 'https://as.example', sub: 'user-7', email: 'ada@example.com', name: 'Ada' });
    const status = signInStatus({
      lastIssuer: 'https://as.example',
      byIssuer: { 'https://as.example': { tokens: { access_token: 'opaque-access-0123456789', token_type: 'Bearer', expires_in: 3600, scope: 'openid mcp:tools', refresh_token: 'rt-0123456789', id_token: idToken, issuer: 'https://as.example' }, obtainedAt: 1_000_000 } },
    });
    expect(status).toEqual({ signedIn: true, issuer: 'https://as.example', subject: 'user-7', email: 'ada@example.com', name: 'Ada', scopes: ['openid', 'mcp:tools'], expiresAt: 1_000_000 + 3_600_000, refreshable: true, tokenFormat: 'jwt' });
    expect(JSON.stringify(status)).not.toMatch(/opaque-access|rt-0123|c2lnbmF0dXJl/);
  });

  it('a JWT access token without an ID token: its sub, scope and exp; an opaque one: only what the token response said', () => {
    const access = jwt({ sub: 'svc-1', scope: 'read write', exp: 2_000_000 });
    expect(signInStatus({ lastIssuer: 'https://as', byIssuer: { 'https://as': { tokens: { access_token: access, token_type: 'Bearer' } } } })).toMatchObject({ subject: 'svc-1', scopes: ['read', 'write'], expiresAt: 2_000_000_000, refreshable: false, tokenFormat: 'jwt' });
    const opaque = signInStatus({ lastIssuer: 'https://as', byIssuer: { 'https://as': { tokens: { access_token: 'not-a-jwt', token_type: 'Bearer' } } } });
    expect(opaque).toEqual({ signedIn: true, issuer: 'https://as', scopes: [], refreshable: false, tokenFormat: 'opaque' });
  });
});

describe('expiryInWords', () => {
  it('says when, rounded down, in the largest unit that fits', () => {
    expect(expiryInWords(55 * 60_000 + 30_000, 0)).toBe('expires in 55 min');
    expect(expiryInWords(3 * 3600_000 + 5, 0)).toBe('expires in 3 h');
    expect(expiryInWords(30_000, 0)).toBe('expires in less than a minute');
    expect(expiryInWords(0, 3 * 60_000)).toBe('expired 3 min ago');
    expect(expiryInWords(0, 2 * 86_400_000)).toBe('expired 2 d ago');
  });
});
