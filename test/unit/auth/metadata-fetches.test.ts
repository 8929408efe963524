import { describe, expect, it } from 'vitest';
import { metadataKind, notPublished, readMetadataAnswer } from '../../../main/core/auth/metadata-fetches';

describe('metadataKind', () => {
  it('knows the well-known URIs (path-aware and at the root) and the URL the challenge named', () => {
    expect(metadataKind('http://h/.well-known/oauth-protected-resource')).toBe('protected-resource');
    expect(metadataKind('http://h/.well-known/oauth-protected-resource/mcp')).toBe('protected-resource');
    expect(metadataKind('http://h/.well-known/oauth-authorization-server/tenant')).toBe('authorization-server');
    expect(metadataKind('http://h/tenant/.well-known/openid-configuration')).toBe('authorization-server');
    expect(metadataKind('http://h/prm', 'http://h/prm')).toBe('protected-resource');
    for (const other of ['http://h/mcp', 'http://h/register', 'http://h/.well-known/oauth-protected-resourceX', 'not a url']) expect(metadataKind(other)).toBeUndefined();
  });
});

describe('readMetadataAnswer', () => {
  const json = { 'content-type': 'application/json' };
  const cases: Array<[string, 'protected-resource' | 'authorization-server', Response, string | undefined]> = [
    ['a document', 'protected-resource', new Response('{"resource":"http://h/mcp"}', { headers: json }), undefined],
    ['a 404', 'protected-resource', new Response('no', { status: 404 }), 'it answered HTTP 404'],
    ['a 500', 'authorization-server', new Response('boom', { status: 500 }), 'it answered HTTP 500'],
    ['broken JSON', 'protected-resource', new Response('{"resource": garbage', { headers: json }), 'it is not JSON'],
    ['an HTML page', 'protected-resource', new Response('<html>hi</html>', { headers: { 'content-type': 'text/html' } }), 'it is an HTML page, not JSON'],
    ['HTML sent as JSON', 'protected-resource', new Response('  <!doctype html>', { headers: json }), 'it is an HTML page, not JSON'],
    ['a JSON array', 'protected-resource', new Response('[1]', { headers: json }), 'it is JSON but not an object'],
    ['no resource', 'protected-resource', new Response('{"authorization_servers":[]}', { headers: json }), 'it has no "resource" member'],
    ['no issuer', 'authorization-server', new Response('{"token_endpoint":"x"}', { headers: json }), 'it has no "issuer" member'],
    ['an issuer', 'authorization-server', new Response('{"issuer":"http://h"}', { headers: json }), undefined],
  ];
  for (const [name, kind, response, problem] of cases) {
    it(name, async () => {
      const fetched = await readMetadataAnswer(kind, 'http://h/x', response);
      expect(fetched.problem).toBe(problem);
      // The SDK reads the original afterwards.
      await expect(response.text()).resolves.toBeTypeOf('string');
    });
  }

  it('reads at most the cap of its copy: a huge or endless answer is called too large, and the SDK still reads the original whole', async () => {
    const big = `{"resource":"http://h/mcp","pad":"${'x'.repeat(3000)}"}`;
    const response = new Response(big, { headers: json });
    const fetched = await readMetadataAnswer('protected-resource', 'http://h/x', response, 1024);
    expect(fetched.problem).toBe('its answer is larger than 1 KiB, far more than any metadata document');
    await expect(response.text()).resolves.toBe(big);

    // A body that never ends: the copy stops at the cap instead of reading (and holding) forever.
    let pulled = 0;
    const endless = new Response(
      new ReadableStream({
        pull(controller) {
          pulled++;
          controller.enqueue(new TextEncoder().encode('x'.repeat(64 * 1024)));
        },
      }),
      { headers: json },
    );
    const endlessFetched = await readMetadataAnswer('authorization-server', 'http://h/x', endless);
    expect(endlessFetched.problem).toBe('its answer is larger than 1 MiB, far more than any metadata document');
    expect(pulled).toBeLessThan(40);
    await endless.body!.cancel();
  });

  it('a document just under the cap is judged as usual', async () => {
    const doc = '{"issuer":"http://h"}';
    const fetched = await readMetadataAnswer('authorization-server', 'http://h/x', new Response(doc, { headers: json }), doc.length);
    expect(fetched.problem).toBeUndefined();
  });

  it('404, 410 and a site\'s HTML page mean "not published"; broken JSON and a 500 do not', () => {
    expect(notPublished({ kind: 'protected-resource', url: 'u', status: 404, problem: 'it answered HTTP 404' })).toBe(true);
    expect(notPublished({ kind: 'protected-resource', url: 'u', status: 410, problem: 'it answered HTTP 410' })).toBe(true);
    expect(notPublished({ kind: 'protected-resource', url: 'u', status: 200, problem: 'it is an HTML page, not JSON' })).toBe(true);
    expect(notPublished({ kind: 'protected-resource', url: 'u', status: 200, problem: 'it is not JSON' })).toBe(false);
    expect(notPublished({ kind: 'protected-resource', url: 'u', status: 500, problem: 'it answered HTTP 500' })).toBe(false);
  });
});
