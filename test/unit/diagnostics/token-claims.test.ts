import { UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { describeBearerToken, span } from '../../../main/core/diagnostics/token-claims';
import { explainAuthChallenge } from '../../../main/core/diagnostics/explain-auth';

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const at = (offsetS: number) => Math.floor(NOW / 1000) + offsetS;
const jwt = (claims: Record<string, unknown>) => new UnsecuredJWT(claims).encode();

describe('describeBearerToken', () => {
  it('reads a JWT without its key: the registered claims, times in words, and that the signature was not checked', () => {
    const token = jwt({ iss: 'https://as.example', sub: 'ada', aud: 'https://mcp.example/mcp', scope: 'tools:read', exp: at(2 * 3600), iat: at(-600), email: 'ada@example.com' });
    const facts = describeBearerToken(`Bearer ${token}`, { now: NOW, resource: 'https://mcp.example/mcp' })!;
    expect(facts).toEqual({
      format: 'jwt',
      claims: { iss: 'https://as.example', sub: 'ada', aud: 'https://mcp.example/mcp', scope: 'tools:read', exp: at(7200), iat: at(-600) },
      otherClaims: ['email'],
      times: { exp: 'valid for 2 h more', iat: 'issued 10 min ago' },
      problems: [],
      signature: 'not checked',
    });
    expect(JSON.stringify(facts)).not.toContain(token.split('.')[1]!);
  });

  it('names each problem: expired, not yet valid, another audience, a scope the server asks for', () => {
    const token = jwt({ aud: ['https://other.example/mcp'], scope: 'tools:read', exp: at(-3 * 3600 - 5), nbf: at(600) });
    const facts = describeBearerToken(`bearer ${token}`, { now: NOW, resource: 'https://mcp.example/mcp', requiredScope: 'tools:read tools:write' })!;
    expect(facts.times).toMatchObject({ exp: 'expired 3 h ago', nbf: 'not valid until 10 min from now' });
    expect(facts.problems).toEqual([
      'the token expired 3 h ago (2026-12-01T08:59:55Z)',
      'the token is not valid until 10 min from now (2026-12-01T12:10:00Z); check both clocks',
      'the token is for "https://other.example/mcp", not for this server (https://mcp.example/mcp)',
      "the token's scope (tools:read) lacks tools:write, which the server asks for",
    ]);
  });

  it('accepts an audience of the server origin or with a trailing slash, and a minute of clock skew', () => {
    const facts = describeBearerToken(`Bearer ${jwt({ aud: 'https://mcp.example', exp: at(-30) })}`, { now: NOW, resource: 'https://mcp.example/mcp' })!;
    expect(facts.problems).toEqual([]);
    expect(facts.times?.exp).toBe('expired 30 s ago');
  });

  it('says an opaque token cannot be read, and ignores what is not a bearer token', () => {
    expect(describeBearerToken('Bearer sk-opaque-0123456789')).toEqual({ format: 'opaque', problems: [], signature: 'not checked' });
    expect(describeBearerToken('Basic dXNlcjpwYXNz')).toBeUndefined();
    expect(describeBearerToken(undefined)).toBeUndefined();
  });

  it('puts spans in the largest unit that fits', () => {
    expect([span(59), span(60), span(3599), span(3600), span(86_400 * 3 + 5)]).toEqual(['59 s', '1 min', '59 min', '1 h', '3 d']);
  });
});

describe('the 401/403 explainer with the token read', () => {
  it('gives the token\'s own problem as the likely cause, its claims and the headers sent in the detail', () => {
    const token = jwt({ sub: 'ada', exp: at(-3 * 3600) });
    const info = explainAuthChallenge({
      status: 401,
      headers: { 'www-authenticate': 'Bearer error="invalid_token", resource_metadata="https://mcp.example/.well-known/oauth-protected-resource"' },
      where: 'POST https://mcp.example/mcp',
      detail: {},
      headersKnown: true,
      sentAuthorization: true,
      sentHeaders: { authorization: 'Bearer [redacted]', 'content-type': 'application/json' },
      authorization: `Bearer ${token}`,
      resource: 'https://mcp.example/mcp',
      now: NOW,
    });
    expect(info.hint).toBe('The token expired 3 h ago (2026-12-01T09:00:00Z): get a new token (with what the server needs) and set it in the Authorization header');
    expect(info.detail).toMatchObject({ sentHeaders: { authorization: 'Bearer [redacted]' }, token: { format: 'jwt', claims: { sub: 'ada' }, signature: 'not checked' } });
    expect(JSON.stringify(info)).not.toContain(token);
  });

  it('names the missing scope on a 403 insufficient_scope from the token and the challenge', () => {
    const info = explainAuthChallenge({
      status: 403,
      headers: { 'www-authenticate': 'Bearer error="insufficient_scope", scope="files:write"' },
      where: 'POST https://mcp.example/mcp',
      detail: {},
      headersKnown: true,
      authorization: `Bearer ${jwt({ scope: 'files:read' })}`,
      now: NOW,
    });
    expect(info.hint).toMatch(/^The token's scope \(files:read\) lacks files:write, which the server asks for: get a new token/);
  });
});
