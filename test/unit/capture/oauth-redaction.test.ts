import { describe, expect, it } from 'vitest';
import { bodyCredentials } from '../../../main/core/capture/body-credentials';
import { Redactor } from '../../../main/core/capture/redaction';

const CODE = 'auth-code-7f3a9c';
const VERIFIER = 'verifier-Zq81nT0pLw4Hk2Xy9Vb6Rr3Mm5';
const SECRET = 'client-secret-Qw8e7r';
const ASSERTION = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJjbGllbnQifQ.c2lnbmF0dXJl';
const ACCESS = 'access-token-9Kd83mXq';
const REFRESH = 'refresh-token-Lp02zVb7';

describe('OAuth credentials in bodies', () => {
  it('finds every credential of a form-encoded token request', () => {
    const body = new URLSearchParams({ grant_type: 'authorization_code', code: CODE, code_verifier: VERIFIER, client_secret: SECRET, client_assertion: ASSERTION, redirect_uri: 'http://127.0.0.1:5000/callback' }).toString();
    expect(bodyCredentials(body).sort()).toEqual([ASSERTION, CODE, SECRET, VERIFIER].sort());
  });

  it('finds the tokens of a JSON token response, and ignores a JSON-RPC "code"', () => {
    expect(bodyCredentials(JSON.stringify({ access_token: ACCESS, token_type: 'Bearer', refresh_token: REFRESH, expires_in: 3600 })).sort()).toEqual([ACCESS, REFRESH].sort());
    expect(bodyCredentials(JSON.stringify({ jsonrpc: '2.0', id: 1, error: { code: -32601, message: 'x' } }))).toEqual([]);
    expect(bodyCredentials(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { arguments: { code: 'print(1)' } } }))).toEqual([]);
  });

  it('the redactor masks them in the body, learns them, and masks them later in every encoding it knows', () => {
    const redactor = new Redactor();
    const request = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: REFRESH, client_secret: SECRET }).toString();
    const shown = redactor.body(request);
    expect(shown).not.toContain(REFRESH);
    expect(shown).not.toContain(SECRET);
    expect(shown).toContain('grant_type=refresh_token');
    const response = redactor.body(JSON.stringify({ access_token: ACCESS, token_type: 'Bearer' }));
    expect(response).not.toContain(ACCESS);
    // Learned: a later echo, raw, base64 or percent-encoded, is masked too.
    const later = redactor.text(`echo ${ACCESS} ${Buffer.from(SECRET).toString('base64')} ${encodeURIComponent(REFRESH)}`);
    expect(later).not.toContain(ACCESS);
    expect(later).not.toContain(Buffer.from(SECRET).toString('base64'));
    expect(later).not.toContain(encodeURIComponent(REFRESH));
  });

  it('masks the code of an authorization response in a redirect URL, and the DPoP header', () => {
    const redactor = new Redactor();
    const location = redactor.url(`http://127.0.0.1:5000/callback?code=${CODE}&state=abc&iss=https%3A%2F%2Fas.example`, { learn: false });
    expect(location).not.toContain(CODE);
    expect(location).toContain('state=abc');
    expect(redactor.headers({ DPoP: 'eyJ.proof.sig' }).DPoP).not.toContain('proof');
  });
});
