import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthDebugRun } from '../../../shared/model/auth-debug';
import { readAuthDebugRun } from '../../../main/core/auth-debug/run-file';
import { FIXED_REDIRECT_CLIENT, startOAuthFixture, type OAuthFixture } from '../../fixtures/oauth/oauth-fixture';
import { startHttpsFixture, type HttpsFixture } from '../../fixtures/tls/https-fixture';
import { startPlayground } from '../../../main/core/playground/playground-server';
import { refusedUrl } from '../../support/refused-port';
import { cli, json, removeTestDataDir } from './cli-harness';
import { buildCli, periscope } from './support/bundled-cli';

/**
 * `periscope auth debug` against the oidc-provider fixture (test/fixtures/oauth), in-process and
 * as the bundled binary: every step printed with its exchanges, expectation and findings, the
 * sequence diagram, --json and --out, exit 0 when every step passes and 31 when one fails.
 */
let fixture: OAuthFixture;
let broken: OAuthFixture;
let gated: OAuthFixture;
let https: HttpsFixture;
let playground: Awaited<ReturnType<typeof startPlayground>>;
let dir: string;
const GATEWAY = { name: 'X-Gateway-Key', value: 'gk-4Rt7Yu9Io2Pa5Sd8' } as const;

beforeAll(async () => {
  [fixture, broken, gated, https, playground] = await Promise.all([
    startOAuthFixture(),
    startOAuthFixture({ metadata: ({ code_challenge_methods_supported: _omitted, ...rest }) => rest }),
    startOAuthFixture({ requiredHeader: GATEWAY }),
    startHttpsFixture('ca-signed'),
    startPlayground(),
  ]);
  dir = mkdtempSync(join(tmpdir(), 'periscope-cli-auth-debug-'));
});
afterAll(async () => {
  await Promise.all([fixture?.close(), broken?.close(), gated?.close(), https?.close(), playground?.close()]);
  rmSync(dir, { recursive: true, force: true });
  removeTestDataDir();
});

function forms(secret: string): string[] {
  return [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('base64url')];
}

function expectNoIssuedSecret(texts: Record<string, string>): void {
  for (const secret of fixture.issued.filter((s) => s.length >= 8)) {
    for (const form of forms(secret)) for (const [where, text] of Object.entries(texts)) expect(text.includes(form), `an issued secret is in ${where}`).toBe(false);
  }
}

describe('periscope auth debug', () => {
  it('a clean run: eight steps, each with its request, expectation and findings, the diagram, exit 0; --out writes the run without a secret', async () => {
    const out = join(dir, 'clean.json');
    const run = await cli(['auth', 'debug', fixture.mcpUrl, '--authorize', 'follow', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    for (let n = 1; n <= 8; n++) expect(run.stdout).toContain(`Step ${n}/8`);
    expect(run.stdout).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\/mcp {2}-> {2}401/);
    expect(run.stdout).toContain('WWW-Authenticate: Bearer resource_metadata=');
    expect(run.stdout).toContain('expected: A request without a token is answered 401');
    expect(run.stdout).toContain('RFC 9728 section 5.1');
    expect(run.stdout).toContain('code_challenge_method: S256');
    expect(run.stdout).toMatch(/Client +Browser +MCP server +Auth server/);
    expect(run.stdout).toContain('Result: every step passed (8 of 8).');
    expect(run.stderr).toContain(`wrote the run to ${out}`);
    const saved = await readAuthDebugRun(out);
    expect(saved.steps).toHaveLength(8);
    expect(saved.verdict).toBe('pass');
    expectNoIssuedSecret({ stdout: run.stdout, stderr: run.stderr, export: readFileSync(out, 'utf8') });
  });

  it('--json: the whole run on stdout; a failing step exits 31 with the finding as the error', async () => {
    const run = await cli(['auth', 'debug', broken.mcpUrl, '--authorize', 'follow', '--json']);
    expect(run.code).toBe(31);
    const body = json<AuthDebugRun>(run);
    expect(body.kind).toBe('periscope-auth-debug-run');
    expect(body.steps.map((s) => s.step)).toEqual(['challenge', 'resource-metadata', 'authorization-server-metadata']);
    expect(body.steps[2]!.findings.map((f) => f.id)).toContain('pkce-not-advertised');
    expect(run.stderr).toMatch(/error: The authorization fails at "Authorization server metadata": The metadata has no code_challenge_methods_supported/);
  });

  it('a server that asks for no authorization (the playground): notes, no failure, exit 0, and the reason as the result', async () => {
    const run = await cli(['auth', 'debug', playground.urls.streamable, '--authorize', 'follow']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Step 1/8  Unauthenticated request and its challenge  INFO');
    expect(run.stdout).toContain('[info] The server answered 200 without a token: it does not ask for authorization.');
    expect(run.stdout).toContain('Step 2/8  Protected resource metadata  INFO');
    expect(run.stdout).not.toMatch(/\[(FAIL|warn)\]|Result: (FAIL|every step passed)/);
    expect(run.stdout).toContain('Result: This server does not ask for authorization: no OAuth flow to debug (2 of 8 steps ran).');
  });

  it('a closed port: the step, the diagram and the result name the refused connection, never a bare "fetch failed"', async () => {
    const url = await refusedUrl();
    const { host } = new URL(url);
    const run = await cli(['auth', 'debug', url, '--authorize', 'follow']);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toContain(`[FAIL] The request got no answer: Connection refused by ${host}: nothing is listening on that port. Try: is the server running? check the port (and http vs https) in the URL.`);
    expect(run.stdout).toContain(`The run stops here: The MCP server did not answer: Connection refused by ${host}: nothing is listening on that port.`);
    // The text diagram has the request that was sent and its missing answer under the step: an
    // x on the client's lifeline, not an arrow back from the server as a reply would be.
    expect(run.stdout).toMatch(/1\. Unauthenticated request and its challenge \[FAIL\]\n +\| POST initialize \(no token\) +\| +\|\n +\|-+>\| +\|\n +x no answer: connection refused +\| +\|\n/);
    expect(run.stdout).not.toContain('|<-');
    expect(run.stdout).toContain(`Result: FAIL at step 1 (Unauthenticated request and its challenge); stopped: The MCP server did not answer: Connection refused by ${host}: nothing is listening on that port; 1 of 8 steps ran.`);
    expect(run.stdout + run.stderr).not.toContain('fetch failed');
  });

  it('a blocked port (9): the request is said and drawn as not sent, never as one the server did not answer', async () => {
    const run = await cli(['auth', 'debug', 'http://127.0.0.1:9/mcp', '--authorize', 'follow']);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toContain('POST http://127.0.0.1:9/mcp  ->  not sent: Port 9 of http://127.0.0.1:9/mcp is on the Fetch standard\'s list of blocked ports');
    expect(run.stdout).toContain('[FAIL] The request was not sent: Port 9 of http://127.0.0.1:9/mcp is on the Fetch standard\'s list of blocked ports, so HTTP clients refuse to connect to it. Try: run the server on another port');
    expect(run.stdout).toContain('The run stops here: The request to the MCP server was not sent: Port 9 of');
    // The request leaves the client and stops in an x: no line reaches the MCP server's lifeline.
    expect(run.stdout).toMatch(/1\. Unauthenticated request and its challenge \[FAIL\]\n +\| POST initialize \(no token\) not sent: port 9 is on the Fetch standard's\n +\| list of blocked ports +\| +\|\n +\|--x +\| +\| +\|\n/);
    expect(run.stdout).not.toMatch(/did not answer|no answer|->\|/);
  });

  it('--step-by-step on a terminal waits for Enter before each step after the first', async () => {
    const run = await cli(['auth', 'debug', fixture.mcpUrl, '--authorize', 'follow', '--step-by-step'], { stdin: '\n'.repeat(7), stdinIsTTY: true });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.match(/^Enter: step \d/gm)).toHaveLength(7);
    expect(run.stderr).toContain('Enter: step 8 (authenticated-request)...');
    expect(run.stdout).toContain('Result: every step passed (8 of 8).');
  });

  it('sends -H headers and a saved remote\'s headers to the MCP server (a gateway key), masked in the output', async () => {
    // Without the key the gateway refuses with 403 before any OAuth: step 1 fails on it.
    const refused = await cli(['auth', 'debug', gated.mcpUrl, '--authorize', 'follow', '--json']);
    expect(refused.code).toBe(31);
    expect(json<AuthDebugRun>(refused).steps[0]!.exchanges[0]!.status).toBe(403);

    const withFlag = await cli(['auth', 'debug', gated.mcpUrl, '--authorize', 'follow', '-H', `${GATEWAY.name}: ${GATEWAY.value}`]);
    expect(withFlag.code, withFlag.stderr).toBe(0);
    expect(withFlag.stdout).toContain('Result: every step passed (8 of 8).');
    expect(withFlag.stdout + withFlag.stderr).not.toContain(GATEWAY.value);

    const saved = await cli(['remotes', 'add', 'gated', gated.mcpUrl, '--header', `${GATEWAY.name}: ${GATEWAY.value}`]);
    expect(saved.code, saved.stderr).toBe(0);
    const fromRemote = await cli(['auth', 'debug', 'gated', '--authorize', 'follow', '--json']);
    expect(fromRemote.code, fromRemote.stderr).toBe(0);
    const body = json<AuthDebugRun>(fromRemote);
    // The key went to the MCP server on both of its requests (steps 1 and 8), never to the authorization server.
    const gatewayHeader = GATEWAY.name.toLowerCase();
    const namesSent = (exchange: AuthDebugRun['steps'][number]['exchanges'][number]) => Object.keys(exchange.requestHeaders).map((h) => h.toLowerCase());
    expect(namesSent(body.steps[0]!.exchanges[0]!)).toContain(gatewayHeader);
    expect(namesSent(body.steps[7]!.exchanges[0]!)).toContain(gatewayHeader);
    for (const step of body.steps.slice(1, 7)) for (const exchange of step.exchanges) expect(namesSent(exchange)).not.toContain(gatewayHeader);
  });

  it('--ca trusts the server\'s CA (the TLS settings a connection has); without it the first request fails on the certificate', async () => {
    const untrusted = await cli(['auth', 'debug', https.url, '--authorize', 'follow', '--json']);
    const failed = json<AuthDebugRun>(untrusted).steps[0]!.exchanges[0]!;
    expect(failed.phase).toBe('failed');
    expect(failed.error?.kind).toBe('tls');

    const trusted = await cli(['auth', 'debug', https.url, '--authorize', 'follow', '--ca', https.caFile, '--json']);
    const reached = json<AuthDebugRun>(trusted).steps[0]!.exchanges[0]!;
    // The fixture answers without asking for a token: the run reached it over TLS and says so.
    expect(reached.status).toBe(200);
    expect(json<AuthDebugRun>(trusted).steps[0]!.findings.length).toBeGreaterThan(0);
  });

  it('a server that is not a URL or a saved remote, or no server at all: a clear error', async () => {
    expect((await cli(['auth', 'debug'])).code).toBe(1);
    const run = await cli(['auth', 'debug', 'no-such-remote']);
    expect(run.code).toBe(10);
    expect(run.stderr).toContain('"no-such-remote" is neither a URL nor a saved remote');
  });

  it('the bundled CLI: a clean run exits 0; a redirect URI the client did not register exits 31 and names it', async () => {
    await buildCli();
    const clean = await periscope(['auth', 'debug', fixture.mcpUrl, '--authorize', 'follow'], { limitMs: 30_000 });
    expect(clean.code, clean.stderr).toBe(0);
    expect(clean.stdout).toContain('Result: every step passed (8 of 8).');
    const mismatch = await periscope(['auth', 'debug', fixture.mcpUrl, '--authorize', 'follow', '--client-id', FIXED_REDIRECT_CLIENT.id], { limitMs: 30_000 });
    expect(mismatch.code).toBe(31);
    expect(mismatch.stdout).toMatch(/\[FAIL\] The authorization server does not accept the redirect URI http:\/\/127\.0\.0\.1:\d+\/callback/);
    expect(mismatch.stdout).toContain('Result: FAIL at step 6');
    expectNoIssuedSecret({ stdout: clean.stdout + mismatch.stdout, stderr: clean.stderr + mismatch.stderr });
  }, 120_000);
});
