import { describe, expect, it } from 'vitest';
import { oauthFlowFailure } from '../../../main/core/auth/connection-oauth';
import type { ErrorInfo } from '../../../shared/model/error-info';

const registrationRefused: ErrorInfo = { kind: 'protocol', message: 'Unexpected error: RegistrationRejectedError: Dynamic Client Registration rejected (HTTP 401): {"error":"unauthorized"}', hint: 'Look at the trace.' };
const origin = 'http://127.0.0.1:4000/';

describe('oauthFlowFailure', () => {
  it('discovery found no metadata at all: says so, with the challenge, and offers the Authorization header first', () => {
    const info = oauthFlowFailure(registrationRefused, {
      challenge: { status: 401, wwwAuthenticate: 'Bearer realm="team", error="invalid_token"' },
      discovery: { authorizationServerUrl: origin },
    });
    expect(info.kind).toBe('auth');
    expect(info.message).toBe(
      'The server answered 401 Unauthorized; it asks for Bearer (realm "team", error "invalid_token"), but publishes no OAuth metadata: no protected resource metadata (RFC 9728) and no authorization server metadata (RFC 8414) at http://127.0.0.1:4000, ' +
        'so there is no authorization server to sign in with. Trying the default endpoints there failed: Dynamic Client Registration rejected (HTTP 401): {"error":"unauthorized"}',
    );
    expect(info.fixes?.map((fix) => fix.field)).toEqual(['header:Authorization', 'trace']);
  });

  it('without the challenge (a 403 or none seen) the words still hold', () => {
    expect(oauthFlowFailure(registrationRefused, { challenge: { status: 403 }, discovery: { authorizationServerUrl: origin } }).message).toMatch(/^The server answered 403 Forbidden, but publishes no OAuth metadata/);
    expect(oauthFlowFailure(registrationRefused, { discovery: { authorizationServerUrl: origin } }).message).toMatch(/^The server wants credentials, but publishes no OAuth metadata/);
  });

  it('metadata found (either kind): the flow failed somewhere in it, and every way on is offered', () => {
    const found = [
      { authorizationServerUrl: origin, authorizationServerMetadata: { issuer: origin, authorization_endpoint: `${origin}auth`, token_endpoint: `${origin}token`, response_types_supported: ['code'] } },
      { authorizationServerUrl: origin, resourceMetadata: { resource: `${origin}mcp` } },
    ];
    for (const discovery of found) {
      const info = oauthFlowFailure(registrationRefused, { discovery });
      expect(info.message).toBe('The server asked for authorization, and the OAuth flow failed: Dynamic Client Registration rejected (HTTP 401): {"error":"unauthorized"}');
      expect(info.fixes?.map((fix) => fix.field)).toEqual(['trace', 'header:Authorization', 'oauth-client', 'oauth-grant']);
    }
  });

  it('an auth, cancelled or keychain failure is already in words: kept as it is', () => {
    for (const kind of ['auth', 'cancelled', 'keychain'] as const) {
      const info: ErrorInfo = { kind, message: 'as it was', hint: 'as it was' };
      expect(oauthFlowFailure(info, { discovery: { authorizationServerUrl: origin } })).toBe(info);
    }
  });
});
