import { describe, expect, it } from 'vitest';
import { checkAuthorizationResponse, checkGrantedScope, checkRegistration, refusalFinding } from '../../../main/core/auth-debug/authorization-checks';
import { checkAuthorizationServerMetadata, checkChallenge, checkResourceMetadata } from '../../../main/core/auth-debug/discovery-checks';
import { authSequenceDiagram } from '../../../shared/text/auth-sequence-diagram';
import { worstVerdict } from '../../../shared/model/auth-debug';

const goodMetadata = {
  issuer: 'https://as.example',
  authorization_endpoint: 'https://as.example/authorize',
  token_endpoint: 'https://as.example/token',
  response_types_supported: ['code'],
  code_challenge_methods_supported: ['S256'],
  authorization_response_iss_parameter_supported: true,
};
const ids = (findings: { id: string }[]) => findings.map((f) => f.id);

describe('the auth debugger\'s checks', () => {
  it('the challenge: a 401 with resource_metadata passes; no WWW-Authenticate warns; another status fails', () => {
    expect(ids(checkChallenge({ status: 401, wwwAuthenticate: 'Bearer resource_metadata="x"', resourceMetadataUrl: 'https://mcp.example/.well-known/oauth-protected-resource' }))).toEqual(['status-401', 'resource-metadata-named', 'challenge-no-scope']);
    expect(checkChallenge({ status: 401 }).find((f) => f.id === 'www-authenticate-missing')?.verdict).toBe('warn');
    expect(checkChallenge({ status: 500 })[0]).toMatchObject({ id: 'not-401', verdict: 'fail' });
  });

  it('a server that answers without a token asks for no authorization: a note, never a warning or a failure, with or without metadata', () => {
    for (const status of [200, 202]) expect(checkChallenge({ status })).toEqual([expect.objectContaining({ id: 'no-challenge', verdict: 'info' })]);
    const serverUrl = 'https://mcp.example/mcp';
    expect(checkResourceMetadata({ serverUrl, authorizationAsked: false, problem: 'Resource server does not implement OAuth 2.0 Protected Resource Metadata' })).toEqual([
      expect.objectContaining({ id: 'no-authorization', verdict: 'info', message: expect.stringContaining('none is needed') }),
    ]);
    // Asked for (401), or not said: the metadata is required, and its absence fails.
    for (const authorizationAsked of [true, undefined]) {
      expect(checkResourceMetadata({ serverUrl, ...(authorizationAsked === undefined ? {} : { authorizationAsked }), problem: 'HTTP 404' })[0]).toMatchObject({ id: 'resource-metadata-missing', verdict: 'fail' });
    }
    // Offered without being required: metadata that is there is checked as ever.
    expect(ids(checkResourceMetadata({ serverUrl, authorizationAsked: false, metadata: { resource: serverUrl, authorization_servers: ['https://as.example'] } }))).toEqual(['resource-matches', 'authorization-servers']);
  });

  it('a note ranks below every judgement: a step or run is info only when nothing in it was judged', () => {
    expect(worstVerdict(['info'])).toBe('info');
    expect(worstVerdict(['info', 'info'])).toBe('info');
    expect(worstVerdict(['info', 'pass'])).toBe('pass');
    expect(worstVerdict(['pass', 'info', 'warn'])).toBe('warn');
    expect(worstVerdict(['fail', 'info'])).toBe('fail');
    expect(worstVerdict([])).toBe('pass');
  });

  it('the resource metadata: its resource must be the server\'s URL (same origin, a path prefix)', () => {
    const servers = ['https://as.example'];
    expect(ids(checkResourceMetadata({ serverUrl: 'https://mcp.example/mcp', metadata: { resource: 'https://mcp.example/mcp', authorization_servers: servers } }))).toEqual(['resource-matches', 'authorization-servers']);
    expect(checkResourceMetadata({ serverUrl: 'https://mcp.example/mcp', metadata: { resource: 'https://evil.example/mcp', authorization_servers: servers } })[0]).toMatchObject({ id: 'resource-mismatch', verdict: 'fail' });
    expect(checkResourceMetadata({ serverUrl: 'https://mcp.example/mcp', metadata: { resource: 'https://mcp.example/mcp', authorization_servers: [] } })[1]).toMatchObject({ id: 'authorization-servers-missing', verdict: 'fail' });
    expect(checkResourceMetadata({ serverUrl: 'https://mcp.example/mcp', problem: 'HTTP 404' })[0]!.message).toContain('HTTP 404');
  });

  it('the authorization server metadata: issuer echo, PKCE S256, the code response type', () => {
    const check = (metadata: Record<string, unknown>) => checkAuthorizationServerMetadata({ authorizationServerUrl: 'https://as.example', metadata });
    expect(check(goodMetadata).every((f) => f.verdict === 'pass')).toBe(true);
    expect(check({ ...goodMetadata, issuer: 'https://as.example/' }).find((f) => f.id === 'issuer-matches')).toBeDefined();
    expect(check({ ...goodMetadata, issuer: 'https://other.example' }).find((f) => f.id === 'issuer-mismatch')?.message).toContain('https://other.example');
    const { code_challenge_methods_supported: _omitted, ...noPkce } = goodMetadata;
    expect(check(noPkce).find((f) => f.id === 'pkce-not-advertised')?.verdict).toBe('fail');
    expect(check({ ...goodMetadata, code_challenge_methods_supported: ['plain'] }).find((f) => f.id === 'pkce-no-s256')?.message).toContain('[plain]');
    expect(check({ ...goodMetadata, response_types_supported: ['token'] }).find((f) => f.id === 'no-code-response-type')).toBeDefined();
  });

  it('registration, the redirect back and the scope granted', () => {
    expect(checkRegistration('http://127.0.0.1:1/callback', { client_id: 'c', redirect_uris: ['http://127.0.0.1:1/other'] })[1]).toMatchObject({ id: 'registration-redirect-changed', verdict: 'warn' });
    const response = { code: true, expectedIssuer: 'https://as.example', issAdvertised: true, redirectUri: 'http://127.0.0.1:1/callback' };
    expect(ids(checkAuthorizationResponse({ ...response, iss: 'https://as.example' }))).toEqual(['code-received', 'iss-matches']);
    expect(checkAuthorizationResponse({ ...response, iss: 'https://evil.example' })[1]).toMatchObject({ id: 'iss-mismatch', verdict: 'fail' });
    expect(checkAuthorizationResponse(response)[1]).toMatchObject({ id: 'iss-missing', verdict: 'fail' });
    expect(checkAuthorizationResponse({ ...response, issAdvertised: false })[1]).toMatchObject({ id: 'iss-absent', verdict: 'warn' });
    expect(refusalFinding('invalid_target', undefined, 'https://mcp.example/mcp', 'http://127.0.0.1:1/callback')).toMatchObject({ id: 'resource-rejected' });
    expect(refusalFinding('invalid_request', 'redirect_uri is not registered', undefined, 'http://127.0.0.1:1/callback')).toMatchObject({ id: 'redirect-uri-mismatch' });
    expect(checkGrantedScope('mcp:tools mcp:read', 'mcp:read', 'response')).toMatchObject({ id: 'insufficient-scope', verdict: 'fail' });
    expect(checkGrantedScope('mcp:tools', 'openid mcp:tools', 'jwt')).toMatchObject({ id: 'scope-granted', verdict: 'pass' });
    expect(checkGrantedScope('mcp:tools', undefined, 'none')).toMatchObject({ id: 'scope-as-requested', verdict: 'pass' });
  });

  it('the sequence diagram: four lanes, arrows pointing the right way', () => {
    const diagram = authSequenceDiagram([
      { title: 'Token request', verdict: 'fail', arrows: [{ from: 'client', to: 'authorization-server', label: 'POST token' }, { from: 'authorization-server', to: 'client', label: '400' }] },
    ]).split('\n');
    expect(diagram[0]).toMatch(/^\s+Client\s+Browser\s+MCP server\s+Auth server$/);
    expect(diagram[2]).toBe('1. Token request [FAIL]');
    expect(diagram[4]).toMatch(/^\s+\|-+>\|$/);
    expect(diagram[6]).toMatch(/^\s+\|<-+\|$/);
  });
});
