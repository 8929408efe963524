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

  // RFC 9110 section 11.6.1: inside a challenge, `name=` is one of its parameters, whatever its
  // value; what cannot be read stays with that challenge and never becomes a scheme of its own.
  const malformed: Array<[string, Array<{ scheme: string; params?: Record<string, string>; malformed?: string[] }>]> = [
    ['Bearer realm="unterminated, error=, scope', [{ scheme: 'Bearer', malformed: ['realm="unterminated, error=, scope'] }]],
    ['Bearer realm="x", error="never closed', [{ scheme: 'Bearer', params: { realm: 'x' }, malformed: ['error="never closed'] }]],
    ['Bearer realm="ends in an escape\\"', [{ scheme: 'Bearer', malformed: ['realm="ends in an escape\\"'] }]],
    ['Bearer realm="x", error=, scope="a b"', [{ scheme: 'Bearer', params: { realm: 'x', scope: 'a b' }, malformed: ['error='] }]],
    ['Bearer realm=x, error= , scope=a', [{ scheme: 'Bearer', params: { realm: 'x', scope: 'a' }, malformed: ['error='] }]],
    ['Bearer realm=a b c, scope=x', [{ scheme: 'Bearer', params: { realm: 'a', scope: 'x' }, malformed: ['b c'] }]],
    ['Bearer realm="a" junk, Basic realm="b"', [{ scheme: 'Bearer', params: { realm: 'a' }, malformed: ['junk'] }, { scheme: 'Basic', params: { realm: 'b' } }]],
    ['Bearer realm="a", "stray", scope=s', [{ scheme: 'Bearer', params: { realm: 'a', scope: 's' }, malformed: ['"stray"'] }]],
    ['Bearer realm="a", =x, scope=s', [{ scheme: 'Bearer', params: { realm: 'a', scope: 's' }, malformed: ['=x'] }]],
    ['Bearer realm="a", "open, Basic realm="b"', [{ scheme: 'Bearer', params: { realm: 'a' }, malformed: ['"open, Basic realm="', 'b"'] }]],
    ['Bearer error="e" scope="s"', [{ scheme: 'Bearer', params: { error: 'e', scope: 's' } }]],
    ['"quoted", Bearer realm=x', [{ scheme: 'Bearer', params: { realm: 'x' } }]],
    ['Bearer realm=@x', [{ scheme: 'Bearer', malformed: ['realm=@x'] }]],
  ];
  for (const [header, expected] of malformed) {
    it(`keeps a malformed challenge whole: ${header}`, () => {
      expect(parseWwwAuthenticate(header)).toEqual(expected.map((c) => ({ params: {}, ...c })));
    });
  }

  it('never loops or throws on odd input, and never invents a scheme from a parameter name', () => {
    for (const header of ['"', '=', ',,,', 'Bearer "', 'Bearer realm="', 'Bearer realm=', 'Bearer ,=,"a', '\\"', 'Bearer realm="\\']) {
      const schemes = parseWwwAuthenticate(header).map((c) => c.scheme);
      expect(schemes.every((s) => s === 'Bearer')).toBe(true);
    }
  });

  it('describes the unreadable part', () => {
    const [challenge] = parseWwwAuthenticate('Bearer realm="unterminated, error=, scope');
    expect(describeChallenge(challenge!)).toBe('Bearer (unreadable: realm="unterminated, error=, scope)');
  });

  it('describes a challenge in one line', () => {
    const [challenge] = parseWwwAuthenticate('Bearer realm="mcp", error="invalid_token", error_description="expired"');
    expect(describeChallenge(challenge!)).toBe('Bearer (realm "mcp", error "invalid_token": expired)');
  });
});
