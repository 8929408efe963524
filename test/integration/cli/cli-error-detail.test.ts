import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningServer } from '../error-kind-servers';
import { cli, json, removeTestDataDir } from './cli-harness';

/**
 * A server that answers its MCP endpoint /<mode>/mcp with 401 and a challenge that sends the OAuth
 * flow somewhere that fails: metadata that is missing, broken, empty or on a blocked port.
 */
function authServer(base: () => string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const mode = path.split('/')[1];
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (path === '/prmnoas') return json(200, { resource: `${base()}/rmnoas/mcp`, authorization_servers: [`${base()}/as-missing`] });
    if (path === '/prmempty') return json(200, { resource: `${base()}/rmempty/mcp`, authorization_servers: [] });
    if (path === '/prmgarbage') return json(200, '{"resource": garbage');
    const challenge: Record<string, string | undefined> = {
      nochal: undefined,
      basic: 'Basic realm="corp"',
      rm404: `Bearer resource_metadata="${base()}/prm404"`,
      rmgarbage: `Bearer resource_metadata="${base()}/prmgarbage"`,
      rmnoas: `Bearer resource_metadata="${base()}/prmnoas"`,
      rmempty: `Bearer resource_metadata="${base()}/prmempty"`,
      rmblk: 'Bearer resource_metadata="http://127.0.0.1:6000/prm"',
    };
    if (!path.endsWith('/mcp') || !(mode! in challenge)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return void res.end('unknown');
    }
    const www = challenge[mode!];
    res.writeHead(401, { 'content-type': 'application/json', ...(www ? { 'www-authenticate': www } : {}) });
    res.end('{"error":"unauthorized"}');
  };
}

let server: RunningServer;
const base = () => `http://127.0.0.1:${server.port}`;
beforeAll(async () => {
  server = await startHttpServer(authServer(base), '/');
});
afterAll(async () => {
  await server.close();
  removeTestDataDir();
});

/** A stack frame as Node prints it (`at fn (/path/file.js:93:71304)`), or a file:// path. */
const STACK_TRACE = /\bat .*:\d+:\d+|file:\/\//;

describe('CLI errors carry no stack trace (human and --json)', () => {
  for (const mode of ['rmnoas', 'nochal', 'rm404', 'rmgarbage', 'rmempty', 'basic', 'rmblk']) {
    it(`a failed OAuth flow (${mode}): no stack, frame or class name in the error`, async () => {
      const run = await cli(['tools', `${base()}/${mode}/mcp`, '--authorize', 'print', '--json']);
      expect(run.code).toBe(31);
      const { error } = json<{ error: { kind: string; message: string; detail?: Record<string, unknown> } }>(run);
      expect(error.kind).toBe('auth');
      expect(error.detail ?? {}).not.toHaveProperty('stack');
      expect(run.stdout).not.toMatch(STACK_TRACE);
      expect(run.stderr).not.toMatch(STACK_TRACE);
      expect(run.stdout + run.stderr).not.toMatch(/[A-Za-z]+Error\b/);
    });
  }

  it('an authorization server without metadata (rmnoas) is named with what its well-known URLs answered, not by the refused registration', async () => {
    const run = await cli(['tools', `${base()}/rmnoas/mcp`, '--authorize', 'print', '--json']);
    const { message } = json<{ error: { message: string } }>(run).error;
    expect(message).toContain(`the authorization server its protected resource metadata names (${base()}/as-missing) publishes no metadata (RFC 8414 / OpenID Connect discovery): each of its 3 well-known URLs answered HTTP 404`);
    expect(message).not.toMatch(/Registration|[A-Za-z]+Error:/);
  });
});

describe('a blocked port names the request that was refused', () => {
  it('protected resource metadata on a blocked port: names its URL and port, not the MCP server\'s', async () => {
    const run = await cli(['tools', `${base()}/rmblk/mcp`, '--authorize', 'print', '--json']);
    expect(run.code).toBe(31);
    const { error } = json<{ error: { message: string; detail: Record<string, unknown> } }>(run);
    expect(error.message).toContain("Port 6000 of http://127.0.0.1:6000/prm is on the Fetch standard's list of blocked ports");
    expect(error.detail).toMatchObject({ url: 'http://127.0.0.1:6000/prm', port: '6000', connectionUrl: `${base()}/rmblk/mcp` });
    expect(run.stderr).toContain('error: The server asked for authorization, and the OAuth flow failed: Port 6000 of http://127.0.0.1:6000/prm');
    expect(run.stdout + run.stderr).not.toContain(`Port ${server.port}`);
  });

  it('the MCP URL itself on a blocked port: exit 10 naming it', async () => {
    const run = await cli(['tools', 'http://127.0.0.1:6000/mcp', '--json']);
    expect(run.code).toBe(10);
    const { error } = json<{ error: { message: string; hint: string; detail: Record<string, unknown> } }>(run);
    expect(error.message).toBe("Port 6000 of http://127.0.0.1:6000/mcp is on the Fetch standard's list of blocked ports, so HTTP clients refuse to connect to it");
    expect(error.hint).toBe('run the server on another port (for example 3000 or 8080)');
    expect(error.detail).toEqual({ url: 'http://127.0.0.1:6000/mcp', port: '6000' });
  });
});
