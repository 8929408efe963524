import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startHttpServer } from '../error-kind-servers';
import { cli, removeTestDataDir } from './cli-harness';

/**
 * One server, a mode per path prefix (`/<mode>/mcp`): each answers the MCP request with a 401
 * whose challenge, or whose OAuth metadata, is broken in its own way. Every well-known URL not
 * listed answers 404, so the SDK's fallback to the origin's default endpoints always fails at
 * /register: the words must name what broke, not that registration.
 */
let server: RunningServer;
let base: string;
const requests: string[] = [];

const challenges: Record<string, string | undefined> = {
  rm404: 'Bearer resource_metadata="{base}/prm404"',
  rmgarbage: 'Bearer resource_metadata="{base}/prmgarbage"',
  rmhtml: 'Bearer resource_metadata="{base}/prmhtml"',
  rmbadurl: 'Bearer resource_metadata="::not a url::"',
  rmnoas: 'Bearer resource_metadata="{base}/prmnoas"',
  rmempty: 'Bearer resource_metadata="{base}/prmempty"',
  prmgarbage: undefined,
  basic: 'Basic realm="corp"',
  weird: 'Negotiate, NTLM',
  malformedchal: 'Bearer realm="unterminated, error=, scope',
};

function answer(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? '/', base).pathname;
  requests.push(path);
  const json = (body: unknown, status = 200) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  if (path === '/.well-known/oauth-protected-resource/prmgarbage/mcp') return json('{not json');
  if (path.startsWith('/.well-known/') || path === '/prm404') {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
    return;
  }
  if (path === '/prmgarbage') return json('{"resource": garbage');
  if (path === '/prmhtml') {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<html>hi</html>');
    return;
  }
  if (path === '/prmnoas') return json({ resource: `${base}/rmnoas/mcp`, authorization_servers: [`${base}/as-missing`] });
  if (path === '/prmempty') return json({ resource: `${base}/rmempty/mcp`, authorization_servers: [] });
  const mode = path.split('/')[1] ?? '';
  if (path.endsWith('/mcp') && mode in challenges) {
    const challenge = challenges[mode]?.replace('{base}', base);
    res.writeHead(401, { 'Content-Type': 'application/json', ...(challenge ? { 'WWW-Authenticate': challenge } : {}) });
    res.end('{"error":"unauthorized"}');
    return;
  }
  json({ error: 'unknown' }, 404);
}

beforeAll(async () => {
  server = await startHttpServer(answer);
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.close();
  removeTestDataDir();
});

const errorLine = (stderr: string) => stderr.split('\n').find((line) => line.startsWith('error: ')) ?? '';
const hintLine = (stderr: string) => stderr.split('\n').find((line) => line.startsWith('hint: ')) ?? '';

describe('OAuth metadata that is there but unusable: named, with why (exit 31)', () => {
  const cases: Array<[mode: string, words: (base: string) => string]> = [
    ['rm404', (b) => `the protected resource metadata its challenge names (${b}/prm404, RFC 9728) could not be used: it answered HTTP 404`],
    ['rmgarbage', (b) => `the protected resource metadata its challenge names (${b}/prmgarbage, RFC 9728) could not be used: it is not JSON`],
    ['rmhtml', (b) => `the protected resource metadata its challenge names (${b}/prmhtml, RFC 9728) could not be used: it is an HTML page, not JSON`],
    ['rmbadurl', () => 'the protected resource metadata its challenge names ("::not a url::") could not be used: it is not a URL'],
    ['prmgarbage', (b) => `its protected resource metadata (RFC 9728) at ${b}/.well-known/oauth-protected-resource/prmgarbage/mcp could not be used: it is not JSON`],
    ['rmnoas', (b) => `the authorization server its protected resource metadata names (${b}/as-missing) publishes no metadata (RFC 8414 / OpenID Connect discovery): each of its 3 well-known URLs answered HTTP 404`],
    ['rmempty', (b) => `the protected resource metadata (${b}/prmempty) lists no authorization servers`],
  ];
  for (const [mode, words] of cases) {
    it(mode, async () => {
      const run = await cli(['tools', `${base}/${mode}/mcp`]);
      expect(run.code, run.stderr).toBe(31);
      expect(errorLine(run.stderr)).toContain(words(base));
      expect(run.stderr).not.toMatch(/publishes no OAuth metadata|Registration|[A-Za-z]+Error:/);
      expect(hintLine(run.stderr)).toMatch(/needs fixing \(whoever runs it can\); meanwhile a token of your own in the Authorization header works around it\. \(-H 'Authorization: Bearer <token>' or --trace\)$/);
    });
  }
});

describe('a challenge that offers no OAuth scheme: the credentials it asks for, and no OAuth requests', () => {
  const cases: Array<[mode: string, asks: string, credentials: string]> = [
    ['basic', 'Basic (realm "corp")', 'Basic <base64 of user:password>'],
    ['weird', 'Negotiate or NTLM', 'Negotiate <credentials>'],
  ];
  for (const [mode, asks, credentials] of cases) {
    it(mode, async () => {
      requests.length = 0;
      const run = await cli(['tools', `${base}/${mode}/mcp`]);
      expect(run.code, run.stderr).toBe(31);
      expect(errorLine(run.stderr)).toBe(`error: The server answered 401 Unauthorized; it asks for ${asks}: credentials of that scheme, not an OAuth access token (Bearer or DPoP), so there is nothing to sign in with`);
      expect(hintLine(run.stderr)).toContain(`set the Authorization header to ${credentials}`);
      expect(hintLine(run.stderr)).toContain(`(-H 'Authorization: ${credentials}' or --trace)`);
      expect(run.stderr).not.toContain('Bearer <token>');
      // No discovery, no dynamic registration on behalf of a server that never offered OAuth.
      expect(requests.filter((path) => !path.endsWith('/mcp'))).toEqual([]);
    });
  }

  it('with a Bearer token sent to a server asking for Basic: the hint and its option both say Basic', async () => {
    const run = await cli(['tools', `${base}/basic/mcp`, '-H', 'Authorization: Bearer abcdef123456']);
    expect(run.code, run.stderr).toBe(31);
    expect(hintLine(run.stderr)).toBe("hint: set the Authorization header to Basic <base64 of user:password> (-H 'Authorization: Basic <base64 of user:password>')");
  });
});

it('a malformed challenge is one Bearer challenge with an unreadable part, not a list of invented schemes', async () => {
  const run = await cli(['tools', `${base}/malformedchal/mcp`]);
  expect(run.code, run.stderr).toBe(31);
  expect(errorLine(run.stderr)).toContain('it asks for Bearer (unreadable: realm="unterminated, error=, scope), but publishes no OAuth metadata');
  expect(run.stderr).not.toContain(' or realm');
});
