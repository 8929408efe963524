import { describe, expect, it } from 'vitest';
import { noOAuthSchemeOffered, oauthFlowFailure, type OAuthFlowEvidence } from '../../../main/core/auth/oauth-flow-failure';
import type { MetadataFetch } from '../../../main/core/auth/metadata-fetches';
import type { ErrorInfo } from '../../../shared/model/error-info';

const registrationRefused: ErrorInfo = { kind: 'protocol', message: 'Unexpected error: RegistrationRejectedError: Dynamic Client Registration rejected (HTTP 401): {"error":"unauthorized"}', hint: '' };
const origin = 'http://127.0.0.1:4000/';
const asMetadata = { issuer: origin, authorization_endpoint: `${origin}auth`, token_endpoint: `${origin}token`, response_types_supported: ['code'] };

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

  it('names the request the challenge answered, when known', () => {
    const info = oauthFlowFailure(registrationRefused, {
      challenge: { status: 403, wwwAuthenticate: 'Bearer error="insufficient_scope", scope="mcp:admin"', request: 'POST http://127.0.0.1:4000/mcp' },
      discovery: { authorizationServerUrl: origin },
    });
    expect(info.message).toMatch(/^The server answered 403 Forbidden to POST http:\/\/127\.0\.0\.1:4000\/mcp; it asks for Bearer \(error "insufficient_scope", scope "mcp:admin"\), but publishes no OAuth metadata/);
  });

  it('without the challenge (a 403 or none seen) the words still hold', () => {
    expect(oauthFlowFailure(registrationRefused, { challenge: { status: 403 }, discovery: { authorizationServerUrl: origin } }).message).toMatch(/^The server answered 403 Forbidden, but publishes no OAuth metadata/);
    expect(oauthFlowFailure(registrationRefused, { discovery: { authorizationServerUrl: origin } }).message).toMatch(/^The server wants credentials, but publishes no OAuth metadata/);
  });

  it('metadata found (either kind): the flow failed somewhere in it, and every way on is offered', () => {
    const found = [
      { authorizationServerUrl: origin, authorizationServerMetadata: asMetadata },
      { authorizationServerUrl: origin, resourceMetadata: { resource: `${origin}mcp`, authorization_servers: [origin] }, authorizationServerMetadata: asMetadata },
    ];
    for (const discovery of found) {
      const info = oauthFlowFailure(registrationRefused, { discovery });
      expect(info.message).toBe('The server asked for authorization, and the OAuth flow failed: Dynamic Client Registration rejected (HTTP 401): {"error":"unauthorized"}');
      expect(info.fixes?.map((fix) => fix.field)).toEqual(['trace', 'header:Authorization', 'oauth-client', 'oauth-grant']);
    }
  });

  it('an auth, cancelled or keychain failure is already in words: kept as it is', () => {
    for (const kind of ['auth', 'cancelled', 'keychain'] as const) {
      const info: ErrorInfo = { kind, message: 'as it was', hint: '' };
      expect(oauthFlowFailure(info, { discovery: { authorizationServerUrl: origin } })).toBe(info);
    }
  });
});

// Protected resource metadata that was named or published but could not be used: the document and
// why, never "publishes no OAuth metadata" nor the registration that the SDK's fallback then tried.
describe('oauthFlowFailure: unusable protected resource metadata', () => {
  const named = `${origin}prm`;
  const bearerNaming = (url: string) => ({ status: 401, wwwAuthenticate: `Bearer resource_metadata="${url}"` });
  const prm = (url: string, status: number, problem?: string): MetadataFetch => ({ kind: 'protected-resource', url, status, ...(problem ? { problem } : {}) });
  const cases: Array<[string, OAuthFlowEvidence, string]> = [
    ['named, 404', { challenge: bearerNaming(named), metadataFetches: [prm(named, 404, 'it answered HTTP 404')] }, `the protected resource metadata its challenge names (${named}, RFC 9728) could not be used: it answered HTTP 404`],
    ['named, 500', { challenge: bearerNaming(named), metadataFetches: [prm(named, 500, 'it answered HTTP 500')] }, 'could not be used: it answered HTTP 500'],
    ['named, not JSON', { challenge: bearerNaming(named), metadataFetches: [prm(named, 200, 'it is not JSON')] }, `(${named}, RFC 9728) could not be used: it is not JSON`],
    ['named, an HTML page', { challenge: bearerNaming(named), metadataFetches: [prm(named, 200, 'it is an HTML page, not JSON')] }, 'could not be used: it is an HTML page, not JSON'],
    ['named, no resource member', { challenge: bearerNaming(named), metadataFetches: [prm(named, 200, 'it has no "resource" member')] }, 'could not be used: it has no "resource" member'],
    ['named, not a URL', { challenge: bearerNaming('::not a url::') }, 'the protected resource metadata its challenge names ("::not a url::") could not be used: it is not a URL'],
    ['named by a DPoP challenge', { challenge: { status: 401, wwwAuthenticate: `DPoP algs="ES256", resource_metadata="${named}"` }, metadataFetches: [prm(named, 404, 'it answered HTTP 404')] }, `names (${named}, RFC 9728) could not be used: it answered HTTP 404`],
    ['well-known, not JSON', { challenge: { status: 401 }, metadataFetches: [prm(`${origin}.well-known/oauth-protected-resource/mcp`, 200, 'it is not JSON')] }, `its protected resource metadata (RFC 9728) at ${origin}.well-known/oauth-protected-resource/mcp could not be used: it is not JSON`],
    ['well-known, 500 after a 404', { metadataFetches: [prm(`${origin}.well-known/oauth-protected-resource/mcp`, 404, 'it answered HTTP 404'), prm(`${origin}.well-known/oauth-protected-resource`, 500, 'it answered HTTP 500')] }, `at ${origin}.well-known/oauth-protected-resource could not be used: it answered HTTP 500`],
  ];
  for (const [name, evidence, words] of cases) {
    it(name, () => {
      const info = oauthFlowFailure(registrationRefused, { discovery: { authorizationServerUrl: origin }, ...evidence });
      expect(info.kind).toBe('auth');
      expect(info.message).toContain(words);
      expect(info.message).toContain('so there is no authorization server to sign in with');
      expect(info.message).not.toMatch(/publishes no OAuth metadata|Registration/);
      expect(info.hint).toMatch(/needs fixing .*; meanwhile a token of your own in the Authorization header works around it\.$/);
      expect(info.fixes?.map((fix) => fix.field)).toEqual(['header:Authorization', 'trace']);
    });
  }

  it('a well-known URL that answers 404 or a site\'s HTML page publishes none: no metadata at all', () => {
    for (const problem of ['it answered HTTP 404', 'it is an HTML page, not JSON']) {
      const status = problem.includes('404') ? 404 : 200;
      const info = oauthFlowFailure(registrationRefused, { discovery: { authorizationServerUrl: origin }, metadataFetches: [prm(`${origin}.well-known/oauth-protected-resource`, status, problem)] });
      expect(info.message).toContain('publishes no OAuth metadata');
    }
  });

  it('an authorization server found anyway: the flow failed later, said as it failed', () => {
    const info = oauthFlowFailure(registrationRefused, { challenge: bearerNaming(named), discovery: { authorizationServerUrl: origin, authorizationServerMetadata: asMetadata }, metadataFetches: [prm(named, 404, 'it answered HTTP 404')] });
    expect(info.message).toMatch(/^The server asked for authorization, and the OAuth flow failed/);
  });
});

describe('oauthFlowFailure: an authorization server without usable metadata', () => {
  const missing = 'http://127.0.0.1:4000/as-missing';
  const resourceMetadata = (servers?: string[]) => ({ resource: `${origin}mcp`, ...(servers ? { authorization_servers: servers } : {}) });
  const asFetch = (path: string, status: number, problem?: string): MetadataFetch => ({ kind: 'authorization-server', url: `${origin}${path}`, status, ...(problem ? { problem } : {}) });
  const notFound = ['.well-known/oauth-authorization-server/as-missing', '.well-known/openid-configuration/as-missing', 'as-missing/.well-known/openid-configuration'].map((p) => asFetch(p, 404, 'it answered HTTP 404'));

  it('named by the protected resource metadata, 404 at every well-known URL', () => {
    // Discovery ran twice (one run per era tried): each URL counts once.
    const info = oauthFlowFailure(registrationRefused, { challenge: { status: 401, wwwAuthenticate: `Bearer resource_metadata="${origin}prm"` }, discovery: { authorizationServerUrl: missing, resourceMetadataUrl: `${origin}prm`, resourceMetadata: resourceMetadata([missing]) }, metadataFetches: [...notFound, ...notFound] });
    expect(info.message).toBe(
      `The server answered 401 Unauthorized; it asks for Bearer, but the authorization server its protected resource metadata names (${missing}) publishes no metadata (RFC 8414 / OpenID Connect discovery): each of its 3 well-known URLs answered HTTP 404, so there are no endpoints to sign in with`,
    );
    expect(info.hint).toBe(`The authorization server ${missing} needs fixing (whoever runs it can); meanwhile a token of your own in the Authorization header works around it.`);
    expect(info.message).not.toContain('Registration');
  });

  it('mixed answers are listed; none recorded, none said', () => {
    const mixed = oauthFlowFailure(registrationRefused, { discovery: { authorizationServerUrl: missing, resourceMetadata: resourceMetadata([missing]) }, metadataFetches: [notFound[0]!, asFetch('x', 403, 'it answered HTTP 403')] });
    expect(mixed.message).toContain('publishes no metadata (RFC 8414 / OpenID Connect discovery): its well-known URLs answered HTTP 404, HTTP 403, so');
    const bare = oauthFlowFailure(registrationRefused, { discovery: { authorizationServerUrl: missing, resourceMetadata: resourceMetadata([missing]) } });
    expect(bare.message).toContain(`the authorization server its protected resource metadata names (${missing}) publishes no metadata (RFC 8414 / OpenID Connect discovery), so there are no endpoints`);
  });

  it('the protected resource metadata lists no authorization servers (empty or missing)', () => {
    for (const servers of [[], undefined]) {
      const info = oauthFlowFailure(registrationRefused, { discovery: { authorizationServerUrl: origin, resourceMetadataUrl: `${origin}prm`, resourceMetadata: resourceMetadata(servers) } });
      expect(info.message).toContain(`but the protected resource metadata (${origin}prm) lists no authorization servers`);
      expect(info.message).not.toContain('Registration');
    }
    const wellKnown = oauthFlowFailure(registrationRefused, { discovery: { authorizationServerUrl: origin, resourceMetadata: resourceMetadata([]) }, metadataFetches: [{ kind: 'protected-resource', url: `${origin}.well-known/oauth-protected-resource`, status: 200 }] });
    expect(wellKnown.message).toContain(`the protected resource metadata (${origin}.well-known/oauth-protected-resource) lists no authorization servers`);
  });

  it('its metadata answered, but not as metadata (not JSON, no issuer)', () => {
    for (const problem of ['it is not JSON', 'it has no "issuer" member']) {
      const info = oauthFlowFailure(registrationRefused, { metadataFetches: [asFetch('.well-known/oauth-authorization-server', 200, problem)] });
      expect(info.message).toBe(`The server wants credentials, but the authorization server metadata at ${origin}.well-known/oauth-authorization-server could not be used: ${problem}, so there are no endpoints to sign in with`);
    }
  });
});

describe('oauthFlowFailure: a challenge without an OAuth scheme', () => {
  const cases: Array<[string, string, string]> = [
    ['Basic realm="corp"', 'it asks for Basic (realm "corp"): credentials of that scheme', 'set the Authorization header to Basic <base64 of user:password>.'],
    ['Negotiate, NTLM', 'it asks for Negotiate or NTLM: credentials of that scheme', 'set the Authorization header to Negotiate <credentials> (the Negotiate scheme).'],
    ['Digest realm="x", nonce="n"', 'it asks for Digest (realm "x"): credentials', 'Digest <credentials> (the Digest scheme).'],
  ];
  for (const [wwwAuthenticate, words, hint] of cases) {
    it(wwwAuthenticate, () => {
      const info = oauthFlowFailure({ kind: 'internal', message: 'OAuth not started: the server asks for Basic, not an OAuth access token', hint: '' }, { challenge: { status: 401, wwwAuthenticate } });
      expect(info.kind).toBe('auth');
      expect(info.message).toContain(words);
      expect(info.message).toContain('not an OAuth access token (Bearer or DPoP), so there is nothing to sign in with');
      expect(info.message).not.toMatch(/OAuth not started|Registration|metadata/);
      expect(info.hint).toContain(hint);
      expect(info.fixes?.[0]).toEqual({ field: 'header:Authorization', label: 'Set the Authorization header', value: wwwAuthenticate.split(/[ ,]/)[0] });
    });
  }

  it('the provider is told not to start the flow only when no challenge offers Bearer or DPoP', () => {
    expect(noOAuthSchemeOffered('Basic realm="corp"')).toBe('the server asks for Basic, not an OAuth access token');
    expect(noOAuthSchemeOffered('Negotiate, NTLM')).toBe('the server asks for Negotiate or NTLM, not an OAuth access token');
    for (const oauth of [undefined, '', 'Bearer', 'Basic realm="a", Bearer realm="b"', 'DPoP algs="ES256"', 'bearer realm="unterminated']) expect(noOAuthSchemeOffered(oauth)).toBeUndefined();
  });
});
