import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthDebugRun, AuthDebugStepName } from '../../../shared/model/auth-debug';
import { authSequenceDiagram } from '../../../shared/text/auth-sequence-diagram';
import { AuthDebugger, runAuthDebug } from '../../../main/core/auth-debug/auth-debugger';
import { readAuthDebugRun, writeAuthDebugRun, parseAuthDebugRun } from '../../../main/core/auth-debug/run-file';
import { CONFIDENTIAL_CLIENT, FIXED_REDIRECT_CLIENT, startOAuthFixture, type OAuthFixture, type OAuthFixtureOptions } from '../../fixtures/oauth/oauth-fixture';

/**
 * The guided auth debugger against the real oidc-provider authorization server and a v2 SDK
 * MCP server (test/fixtures/oauth), all on 127.0.0.1: a clean run passes every step, and each
 * misconfigured variant yields its own finding at the step where it shows.
 */
const fixtures: OAuthFixture[] = [];
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'periscope-auth-debug-'));
});
afterAll(async () => {
  await Promise.all(fixtures.map((f) => f.close()));
  rmSync(dir, { recursive: true, force: true });
});

async function fixtureWith(options: OAuthFixtureOptions = {}): Promise<OAuthFixture> {
  const fixture = await startOAuthFixture(options);
  fixtures.push(fixture);
  return fixture;
}

function stepOf(run: AuthDebugRun, name: AuthDebugStepName) {
  const step = run.steps.find((s) => s.step === name);
  expect(step, `step ${name} ran`).toBeDefined();
  return step!;
}

function findingIds(run: AuthDebugRun, name: AuthDebugStepName): string[] {
  return stepOf(run, name).findings.map((f) => f.id);
}

/** A secret in every form the redactor masks: raw, JSON-escaped, percent-encoded, base64 and base64url. */
function forms(secret: string): string[] {
  return [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret), Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('base64url')];
}

describe('the auth debugger', () => {
  it('a clean run: every step passes, one at a time, with its exchanges, expectation and findings; the export round-trips without a secret', async () => {
    const fixture = await fixtureWith();
    const debug = new AuthDebugger({ serverUrl: fixture.mcpUrl, authorize: 'follow' });
    const seen: AuthDebugStepName[] = [];
    while (!debug.done) {
      const result = await debug.next();
      seen.push(result.step);
      // The state carries over: each step's own view of the run grows by one.
      expect(debug.run.steps).toHaveLength(seen.length);
    }
    await debug.close();
    const run = debug.run;
    expect(seen).toEqual(['challenge', 'resource-metadata', 'authorization-server-metadata', 'client-registration', 'authorization-request', 'authorization-response', 'token-request', 'authenticated-request']);
    for (const step of run.steps) expect(step.verdict, `${step.step}: ${JSON.stringify(step.findings)}`).not.toBe('fail');
    expect(run.finished).toBe(true);
    expect(stepOf(run, 'challenge').exchanges[0]).toMatchObject({ method: 'POST', status: 401 });
    expect(stepOf(run, 'challenge').exchanges[0]!.responseHeaders?.['www-authenticate']).toContain('resource_metadata=');
    expect(findingIds(run, 'resource-metadata')).toContain('resource-matches');
    expect(findingIds(run, 'authorization-server-metadata')).toEqual(expect.arrayContaining(['issuer-matches', 'pkce-s256']));
    expect(stepOf(run, 'client-registration').exchanges.map((e) => e.status)).toContain(201);
    expect(stepOf(run, 'authorization-request').facts.code_challenge_method).toBe('S256');
    expect(findingIds(run, 'authorization-response')).toEqual(expect.arrayContaining(['code-received', 'iss-matches']));
    expect(findingIds(run, 'token-request')).toContain('scope-granted');
    expect(stepOf(run, 'authenticated-request')).toMatchObject({ verdict: 'pass', facts: { status: '200' } });
    expect(stepOf(run, 'authenticated-request').expectation.sources.join(' ')).toMatch(/MCP Authorization/);
    expect(run.verdict).not.toBe('fail');

    // The diagram has the four lanes and one heading per step.
    const diagram = authSequenceDiagram(run.steps);
    expect(diagram).toMatch(/Client.*Browser.*MCP server.*Auth server/);
    expect(diagram).toContain('8. Authenticated request [ok]');

    // The export: one file, read back equal; no token, code, verifier or client secret in any form.
    const file = join(dir, 'clean.json');
    await writeAuthDebugRun(file, run);
    expect(await readAuthDebugRun(file)).toEqual(run);
    const text = readFileSync(file, 'utf8');
    const secrets = fixture.issued.filter((s) => s.length >= 8);
    expect(secrets.length).toBeGreaterThanOrEqual(3);
    for (const secret of secrets) for (const form of forms(secret)) expect(text.includes(form), 'an issued code or token is in the export').toBe(false);
    expect(text).toContain('[redacted]');
    expect(text).not.toMatch(/code_verifier=[A-Za-z0-9_-]{43}/);
  });

  it('a confidential pre-registered client: the client secret, the code_verifier, the code and the tokens are in no form in the export', async () => {
    const fixture = await fixtureWith();
    // What went on the wire, seen under the recorder: the verifier and the Basic credentials as sent.
    const sent: string[] = [];
    const wire = (async (input: string | URL | Request, init?: RequestInit) => {
      if (typeof init?.body === 'string' || init?.body instanceof URLSearchParams) sent.push(String(init.body));
      const authorization = new Headers(init?.headers).get('authorization');
      if (authorization) sent.push(authorization);
      return fetch(input, init);
    }) as typeof fetch;
    const run = await runAuthDebug({ serverUrl: fixture.mcpUrl, authorize: 'follow', clientId: CONFIDENTIAL_CLIENT.id, clientSecret: CONFIDENTIAL_CLIENT.secret, fetch: wire });
    expect(run.verdict, JSON.stringify(run.steps.flatMap((s) => s.findings.filter((f) => f.verdict !== 'pass')))).not.toBe('fail');
    expect(stepOf(run, 'client-registration').findings[0]!.id).toBe('client-given');
    const verifier = sent.map((body) => new URLSearchParams(body).get('code_verifier')).find(Boolean)!;
    const basic = sent.find((value) => value.startsWith('Basic '))!;
    expect(verifier).toHaveLength(43);
    expect(basic).toBeDefined();
    const file = join(dir, 'confidential.json');
    await writeAuthDebugRun(file, run);
    const text = readFileSync(file, 'utf8');
    for (const secret of [CONFIDENTIAL_CLIENT.secret, verifier, basic.slice('Basic '.length), ...fixture.issued.filter((s) => s.length >= 8)]) {
      for (const [k, form] of forms(secret).entries()) expect(text.includes(form), `a secret (form ${k}) is in the export`).toBe(false);
    }
    expect(stepOf(run, 'token-request').exchanges[0]!.requestHeaders.authorization).toBe('Basic [redacted]');
  });

  it('a metadata issuer that is not the authorization server: fail at the metadata step, and the run stops there', async () => {
    const fixture = await fixtureWith({ metadata: (m) => ({ ...m, issuer: 'https://issuer.example.com' }) });
    const run = await runAuthDebug({ serverUrl: fixture.mcpUrl, authorize: 'follow' });
    const step = stepOf(run, 'authorization-server-metadata');
    expect(step.verdict).toBe('fail');
    expect(step.findings.find((f) => f.id === 'issuer-mismatch')?.message).toContain('https://issuer.example.com');
    expect(step.stopped).toBeTruthy();
    expect(run.steps.at(-1)!.step).toBe('authorization-server-metadata');
    expect(fixture.authorizations()).toBe(0);
  });

  it('a client ID metadata document: fetched and checked as the authorization server will (client_id, redirect URIs, no secret)', async () => {
    const fixture = await fixtureWith({ metadata: (m) => ({ ...m, client_id_metadata_document_supported: true }) });
    const documents = new Map<string, unknown>();
    const server = createServer((req, res) => {
      const doc = documents.get(req.url ?? '');
      if (doc === undefined) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(doc));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      documents.set('/good.json', { client_id: `${base}/good.json`, client_name: 'Periscope', redirect_uris: ['http://127.0.0.1/callback'], token_endpoint_auth_method: 'none' });
      documents.set('/bad.json', { client_id: 'https://someone-else.example.com/client.json', redirect_uris: ['https://app.example.com/cb'], token_endpoint_auth_method: 'client_secret_basic' });
      const registrationOf = async (clientMetadataUrl: string) => {
        const debug = new AuthDebugger({ serverUrl: fixture.mcpUrl, authorize: 'follow', clientMetadataUrl });
        let result = await debug.next();
        while (result.step !== 'client-registration' && !debug.done) result = await debug.next();
        await debug.close();
        return result;
      };
      const good = await registrationOf(`${base}/good.json`);
      expect(good.findings.map((f) => f.id)).toEqual(['client-metadata-document', 'cimd-not-https', 'cimd-valid']);
      expect(good.findings.find((f) => f.id === 'cimd-not-https')!.verdict).toBe('warn');
      // The document's exchange is shown, as the other steps' are.
      expect(good.exchanges.some((e) => e.url === `${base}/good.json` && e.status === 200)).toBe(true);
      const bad = await registrationOf(`${base}/bad.json`);
      expect(bad.verdict).toBe('fail');
      expect(bad.findings.map((f) => f.id)).toEqual(expect.arrayContaining(['cimd-client-id-mismatch', 'cimd-redirect-missing', 'cimd-shared-secret']));
      const missing = await registrationOf(`${base}/missing.json`);
      expect(missing.findings.find((f) => f.id === 'cimd-not-served')?.message).toContain('HTTP 404');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('no code_challenge_methods_supported: fail (an MCP client must refuse without PKCE)', async () => {
    const fixture = await fixtureWith({ metadata: ({ code_challenge_methods_supported: _omitted, ...rest }) => rest });
    const run = await runAuthDebug({ serverUrl: fixture.mcpUrl, authorize: 'follow' });
    expect(findingIds(run, 'authorization-server-metadata')).toContain('pkce-not-advertised');
    expect(run.finished).toBe(true);
    expect(run.steps).toHaveLength(3);
  });

  it('no registration endpoint, no client ID metadata document support and no client id: fail at registration', async () => {
    const fixture = await fixtureWith({ metadata: ({ registration_endpoint: _omitted, ...rest }) => rest });
    const run = await runAuthDebug({ serverUrl: fixture.mcpUrl, authorize: 'follow' });
    expect(findingIds(run, 'client-registration')).toEqual(['no-client-id']);
    expect(stepOf(run, 'client-registration').verdict).toBe('fail');
  });

  it('a redirect URI the client did not register: the authorization server\'s error page is read and named', async () => {
    const fixture = await fixtureWith();
    const run = await runAuthDebug({ serverUrl: fixture.mcpUrl, authorize: 'follow', clientId: FIXED_REDIRECT_CLIENT.id });
    const step = stepOf(run, 'authorization-response');
    const finding = step.findings.find((f) => f.id === 'redirect-uri-mismatch');
    expect(finding?.message).toMatch(/http:\/\/127\.0\.0\.1:\d+\/callback/);
    expect(finding?.message).toContain('invalid_redirect_uri');
    expect(step.exchanges.at(-1)?.status).toBe(400);
    expect(step.arrows.at(-1)?.label).toContain('error page');
  });

  it('a resource indicator the authorization server rejects: invalid_target in the redirect back', async () => {
    const fixture = await fixtureWith({ rejectResource: true });
    const run = await runAuthDebug({ serverUrl: fixture.mcpUrl, authorize: 'follow' });
    const finding = [...run.steps].flatMap((s) => s.findings).find((f) => f.id === 'resource-rejected');
    expect(finding?.message).toContain(fixture.mcpUrl);
    expect(finding?.message).toContain('invalid_target');
    expect(run.verdict).toBe('fail');
  });

  it('a token without the scope the server asked for: fail at the token step, and the server\'s 403 at the last', async () => {
    const fixture = await fixtureWith({ grantedScope: 'mcp:read' });
    const run = await runAuthDebug({ serverUrl: fixture.mcpUrl, authorize: 'follow' });
    const token = stepOf(run, 'token-request').findings.find((f) => f.id === 'insufficient-scope');
    expect(token?.message).toContain('mcp:tools');
    const last = stepOf(run, 'authenticated-request');
    expect(last.facts.status).toBe('403');
    expect(last.findings[0]).toMatchObject({ id: 'insufficient-scope', verdict: 'fail' });
  });

  it('reading a file that is not a run fails in words', () => {
    expect(() => parseAuthDebugRun('not json')).toThrow(/not JSON/);
    expect(() => parseAuthDebugRun('{"kind":"other"}')).toThrow(/not an auth debugger run/);
    expect(() => parseAuthDebugRun('{"kind":"periscope-auth-debug-run","version":7}')).toThrow(/version 7/);
    expect(() => parseAuthDebugRun('{"kind":"periscope-auth-debug-run","version":1,"steps":3}')).toThrow(/damaged/);
  });
});
