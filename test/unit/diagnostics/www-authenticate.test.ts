import { describe, expect, it } from 'vitest';
import { describeChallenge, parseWwwAuthenticate } from '../../../main/core/diagnostics/www-authenticate';

describe('parseWwwAuthenticate', () => {
  it('reads a Bearer challenge with quoted params and escaped quotes', () => {
    const [challenge, ...rest] = parseWwwAuthenticate(
      'Bearer realm="mcp", error="invalid_token", error_description="the token \\"abc\\" expired"',
    );
    expect(rest).toEqual([]);
    expect(challenge).toEqual({
      scheme: 'Bearer',
      params: { realm: 'mcp', error: 'invalid_token', error_description: 'the token "abc" expired' },
    });
  });

  it('keeps a comma inside a quoted string and splits the next challenge', () => {
    expect(parseWwwAuthenticate('Basic realm="a, b", Bearer')).toEqual([
      { scheme: 'Basic', params: { realm: 'a, b' } },
      { scheme: 'Bearer', params: {} },
    ]);
  });

  it('reads token68 challenges followed by a param challenge', () => {
    expect(parseWwwAuthenticate('Negotiate YIIBweYGKwYB==, Basic realm=simple')).toEqual([
      { scheme: 'Negotiate', params: {}, token68: 'YIIBweYGKwYB==' },
      { scheme: 'Basic', params: { realm: 'simple' } },
    ]);
  });

  it('handles the RFC 7235 multi-challenge example with unquoted and quoted params', () => {
    const parsed = parseWwwAuthenticate('Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple"');
    expect(parsed.map((c) => c.scheme)).toEqual(['Newauth', 'Basic']);
    expect(parsed[0]!.params).toEqual({ realm: 'apps', type: '1', title: 'Login to "apps"' });
  });

  it('lower-cases param names but keeps values and scheme spelling', () => {
    expect(parseWwwAuthenticate('bearer Realm="X", SCOPE="read write"')).toEqual([
      { scheme: 'bearer', params: { realm: 'X', scope: 'read write' } },
    ]);
  });

  it('tolerates empty values, stray commas and whitespace around "="', () => {
    expect(parseWwwAuthenticate('')).toEqual([]);
    expect(parseWwwAuthenticate(' ,, Basic ,')).toEqual([{ scheme: 'Basic', params: {} }]);
    expect(parseWwwAuthenticate('Bearer realm = "x" ,scope=a')).toEqual([{ scheme: 'Bearer', params: { realm: 'x', scope: 'a' } }]);
  });

  it('describes a challenge in one line', () => {
    const [challenge] = parseWwwAuthenticate('Bearer realm="mcp", error="invalid_token", error_description="expired"');
    expect(describeChallenge(challenge!)).toBe('Bearer (realm "mcp", error "invalid_token": expired)');
  });
});
