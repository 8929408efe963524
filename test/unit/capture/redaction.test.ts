import { describe, expect, it } from 'vitest';
import { REDACTED, Redactor, redactorForHeaders } from '../../../main/core/capture/redaction';

describe('Redactor', () => {
  it('treats credentials and API-key-like header names as sensitive, and nothing else', () => {
    const r = new Redactor({ secretHeaderNames: ['X-Tenant'] });
    for (const name of [
      'Authorization', 'proxy-authorization', 'Cookie', 'Set-Cookie', 'X-API-Key', 'api-key', 'apikey', 'x-auth-token',
      'X-Auth-User', 'private-token', 'client_secret', 'X-Access-Token', 'x-tenant',
    ]) {
      expect(r.isSensitiveHeader(name), name).toBe(true);
    }
    for (const name of ['content-type', 'mcp-session-id', 'mcp-protocol-version', 'accept', 'x-tokenizer-mode', 'user-agent']) {
      expect(r.isSensitiveHeader(name), name).toBe(false);
    }
  });

  it('masks sensitive header values from every header shape, keeping the Authorization scheme', () => {
    const r = new Redactor();
    const expected = { Authorization: `Bearer ${REDACTED}`, 'X-Api-Key': REDACTED, Accept: 'application/json' };
    const source: [string, string][] = [
      ['Authorization', 'Bearer tok-123456'],
      ['X-Api-Key', 'k-987654'],
      ['Accept', 'application/json'],
    ];
    expect(r.headers(source)).toEqual(expected);
    expect(r.headers(Object.fromEntries(source))).toEqual(expected);
    expect(r.headers(new Headers(source))).toEqual({
      authorization: `Bearer ${REDACTED}`,
      'x-api-key': REDACTED,
      accept: 'application/json',
    });
    expect(r.headers(undefined)).toEqual({});
    expect(r.headers([['Authorization', 'opaque-token-no-scheme']])).toEqual({ Authorization: REDACTED });
  });

  it('learns the values of sensitive headers it sees, so they are scrubbed from text afterwards', () => {
    const r = new Redactor();
    expect(r.hasSecretValues).toBe(false);
    r.headers({ authorization: 'Bearer learned-token-42', 'set-cookie': 'sid=cookie-value-9; HttpOnly' });
    expect(r.text('echo: learned-token-42')).toBe(`echo: ${REDACTED}`);
    expect(r.text('Authorization: Bearer learned-token-42')).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(r.text('sid=cookie-value-9; HttpOnly')).toBe(REDACTED);
  });

  it('scrubs every occurrence of every secret, the longest first, and JSON-escaped forms too', () => {
    const r = new Redactor({ secretValues: ['abc', 'abcdef', 'quo"te\\d'] });
    expect(r.text('abcdef abc xabcx')).toBe(`${REDACTED} ${REDACTED} x${REDACTED}x`);
    const json = JSON.stringify({ note: 'has quo"te\\d inside' });
    expect(json).not.toContain('quo"te');
    expect(r.text(json)).toBe(JSON.stringify({ note: `has ${REDACTED} inside` }));
  });

  it('returns text untouched (same string) when there are no secrets', () => {
    const r = new Redactor();
    const s = 'nothing to hide';
    expect(r.text(s)).toBe(s);
    r.addSecretValue('');
    expect(r.hasSecretValues).toBe(false);
  });

  it('masks API-key-like query parameters in URLs', () => {
    const r = new Redactor();
    expect(r.url('https://h.example/mcp?api_key=s3cr3t%2Bv&x=1')).toBe(`https://h.example/mcp?api_key=${REDACTED}&x=1`);
    expect(r.url('https://h.example/mcp?token=t0k3n')).toBe(`https://h.example/mcp?token=${REDACTED}`);
    expect(r.url('https://h.example/mcp?page=2')).toBe('https://h.example/mcp?page=2');
    expect(r.text('seen s3cr3t+v again')).toBe(`seen ${REDACTED} again`);
  });

  // entry() trusts a header map headers() made only while no secret has been learned since.
  it('redacts a header map again at entry() when a secret was learned after the map was made', () => {
    const r = new Redactor({ secretValues: ['first-secret'] });
    const early = r.headers({ 'X-Echo': 'later-secret and first-secret' });
    expect(early['X-Echo']).toBe(`later-secret and ${REDACTED}`);
    expect(r.entry({ requestHeaders: early }).requestHeaders).toBe(early);
    r.addSecretValue('later-secret');
    expect(r.entry({ requestHeaders: early }).requestHeaders).toEqual({ 'X-Echo': `${REDACTED} and ${REDACTED}` });
  });

  it('counts a header map that taught it a secret as older than that secret', () => {
    const r = new Redactor();
    // The plain header comes first, so it is redacted before the cookie's value is learned.
    const map = r.headers([
      ['X-Debug', 'session=abc123xyz'],
      ['Cookie', 'session=abc123xyz'],
    ]);
    expect(map['X-Debug']).toBe('session=abc123xyz');
    expect(r.entry({ responseHeaders: map }).responseHeaders).toEqual({ 'X-Debug': REDACTED, Cookie: REDACTED });
  });

  it('masks a header line it has masked before anew once a secret in it is learned', () => {
    const r = new Redactor();
    expect(r.headers({ 'X-Echo': 'value token-abc-123' })).toEqual({ 'X-Echo': 'value token-abc-123' });
    expect(r.headers({ 'X-Echo': 'value token-abc-123' })).toEqual({ 'X-Echo': 'value token-abc-123' });
    r.addSecretValue('token-abc-123');
    expect(r.headers({ 'X-Echo': 'value token-abc-123' })).toEqual({ 'X-Echo': `value ${REDACTED}` });
    // A header seen again teaches its secret again: its value is masked wherever it shows up.
    const learner = new Redactor();
    for (let i = 0; i < 3; i++) expect(learner.headers({ Authorization: 'Bearer tok-one-1' })).toEqual({ Authorization: `Bearer ${REDACTED}` });
    expect(learner.text('echo tok-one-1')).toBe(`echo ${REDACTED}`);
    // A new value under a name seen before is masked on its own terms.
    expect(learner.headers({ Authorization: 'Bearer tok-two-2' })).toEqual({ Authorization: `Bearer ${REDACTED}` });
    expect(learner.text('tok-two-2')).toBe(REDACTED);
  });

  it('masks a header line clean the request before when a header ahead of it in the same map teaches its secret', () => {
    const r = new Redactor();
    expect(r.headers({ 'X-Echo': 'for tok-fresh-9 ok' })).toEqual({ 'X-Echo': 'for tok-fresh-9 ok' });
    const map = r.headers([
      ['Authorization', 'Bearer tok-fresh-9'],
      ['X-Echo', 'for tok-fresh-9 ok'],
    ]);
    expect(map).toEqual({ Authorization: `Bearer ${REDACTED}`, 'X-Echo': `for ${REDACTED} ok` });
    expect(r.headers({ 'X-Echo': 'for tok-fresh-9 ok' })).toEqual({ 'X-Echo': `for ${REDACTED} ok` });
  });

  it('scans a long text found clean again, as the same string, once a secret in it is learned', () => {
    const r = new Redactor({ secretValues: ['configured-secret'] });
    const body = `{"result":{"text":"${'x'.repeat(200)} session-token-42"}}`;
    expect(r.body(body)).toBe(body);
    expect(r.entry({ responseBody: body }).responseBody).toBe(body);
    r.addSecretValue('session-token-42');
    expect(r.entry({ responseBody: body }).responseBody).toBe(body.replace('session-token-42', REDACTED));
    expect(r.text(body)).toBe(body.replace('session-token-42', REDACTED));
  });

  it('does not trust a look-alike header map it did not make', () => {
    const r = new Redactor({ secretValues: ['hidden-value'] });
    expect(r.entry({ requestHeaders: { 'X-Copy': 'hidden-value' } }).requestHeaders).toEqual({ 'X-Copy': REDACTED });
  });
});

describe('redactorForHeaders', () => {
  it('registers secret-flagged and default-sensitive header values, leaves plain ones alone', () => {
    const r = redactorForHeaders([
      { name: 'Authorization', value: 'Bearer sk-live-abcdef' },
      { name: 'X-Tenant', value: 'tenant-secret-77', secret: true },
      { name: 'X-Region', value: 'eu-west' },
    ]);
    expect(r.isSensitiveHeader('x-tenant')).toBe(true);
    const text = 'sk-live-abcdef tenant-secret-77 eu-west';
    expect(r.text(text)).toBe(`${REDACTED} ${REDACTED} eu-west`);
    expect(r.headers({ 'X-Tenant': 'tenant-secret-77', 'X-Region': 'eu-west' })).toEqual({ 'X-Tenant': REDACTED, 'X-Region': 'eu-west' });
  });
});
