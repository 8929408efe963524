import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthDebugRun, AuthDebugStepName } from '../../../shared/model/auth-debug';
import { runAuthDebug } from '../../../main/core/auth-debug/auth-debugger';
import { startPlayground } from '../../../main/core/playground/playground-server';
import { startOAuthFixture, type OAuthFixture } from '../../fixtures/oauth/oauth-fixture';

/**
 * Authorization is optional in MCP (MCP Authorization, "Protocol Requirements"): the auth debugger
 * on a server that answers without a token ends neutrally, with nothing to judge (the built-in
 * playground), while one that asks for authorization (401) and publishes no protected resource
 * metadata still fails, and one that offers authorization without requiring it is still walked
 * through. Over Streamable HTTP and over the legacy HTTP+SSE transport alike. Real servers: the
 * playground and the oidc-provider fixture, on 127.0.0.1.
 */
let playground: Awaited<ReturnType<typeof startPlayground>>;
let noMetadata: OAuthFixture;
let optional: OAuthFixture;
let legacySse: OAuthFixture;

beforeAll(async () => {
  [playground, noMetadata, optional, legacySse] = await Promise.all([
    startPlayground(),
    startOAuthFixture({ withoutResourceMetadata: true }),
    startOAuthFixture({ tokenOptional: true }),
    startOAuthFixture({ legacySse: true }),
  ]);
});
afterAll(async () => {
  await Promise.all([playground?.close(), noMetadata?.close(), optional?.close(), legacySse?.close()]);
});

function stepOf(run: AuthDebugRun, name: AuthDebugStepName) {
  const step = run.steps.find((s) => s.step === name);
  expect(step, `step ${name} ran`).toBeDefined();
  return step!;
}

describe('the auth debugger on a server that does not ask for authorization', () => {
  it('the playground: the request without a token is answered, no metadata is published, and the run ends with nothing judged', async () => {
    const run = await runAuthDebug({ serverUrl: playground.urls.streamable, authorize: 'follow' });
    expect(run.steps.map((s) => [s.step, s.verdict])).toEqual([
      ['challenge', 'info'],
      ['resource-metadata', 'info'],
    ]);
    expect(run).toMatchObject({ finished: true, verdict: 'info' });
    expect(stepOf(run, 'challenge').findings).toEqual([expect.objectContaining({ id: 'no-challenge', verdict: 'info', message: expect.stringMatching(/^The server answered 200 without a token: it does not ask for authorization/) })]);
    const metadata = stepOf(run, 'resource-metadata');
    // It looked where a client would (RFC 9728 section 3.1), and found nothing there: no fault.
    expect(metadata.exchanges.map((e) => [e.method, new URL(e.url).pathname, e.status])).toEqual([
      ['GET', '/.well-known/oauth-protected-resource/mcp', 404],
      ['GET', '/.well-known/oauth-protected-resource', 404],
    ]);
    expect(metadata.findings).toEqual([expect.objectContaining({ id: 'no-authorization', verdict: 'info', source: expect.stringContaining('Protocol Requirements') })]);
    expect(metadata.stopped).toBe('This server does not ask for authorization: no OAuth flow to debug.');
    expect(run.steps.flatMap((s) => s.findings).filter((f) => f.verdict === 'fail' || f.verdict === 'warn')).toEqual([]);
  });

  it('the playground over legacy SSE: the refused POST is followed by the event stream GET, which is answered, and the run ends the same way', async () => {
    const run = await runAuthDebug({ serverUrl: playground.urls.sse, authorize: 'follow' });
    const challenge = stepOf(run, 'challenge');
    expect(challenge.exchanges.map((e) => [e.method, e.status])).toEqual([
      ['POST', 405],
      ['GET', 200],
    ]);
    expect(challenge.exchanges[1]!.requestHeaders.accept).toBe('text/event-stream');
    expect(challenge.findings.map((f) => [f.id, f.verdict])).toEqual([
      ['legacy-sse', 'info'],
      ['no-challenge', 'info'],
    ]);
    expect(run.steps.map((s) => s.step)).toEqual(['challenge', 'resource-metadata']);
    expect(stepOf(run, 'resource-metadata').stopped).toBe('This server does not ask for authorization: no OAuth flow to debug.');
    expect(run.verdict).toBe('info');
  });

  it('a server that asks for authorization (401) but publishes no protected resource metadata still fails at that step', async () => {
    const run = await runAuthDebug({ serverUrl: noMetadata.mcpUrl, authorize: 'follow' });
    expect(stepOf(run, 'challenge').verdict).toBe('pass');
    const metadata = stepOf(run, 'resource-metadata');
    expect(metadata.verdict).toBe('fail');
    expect(metadata.findings[0]).toMatchObject({ id: 'resource-metadata-missing', message: expect.stringContaining('asks for authorization (401)') });
    expect(metadata.stopped).toBe('Without valid protected resource metadata there is no authorization server to go to.');
    expect(run).toMatchObject({ finished: true, verdict: 'fail' });
    expect(run.steps).toHaveLength(2);
  });

  it('a legacy SSE server that asks for authorization: its GET is challenged, and the flow is walked through to the GET with the token', async () => {
    const run = await runAuthDebug({ serverUrl: legacySse.mcpUrl, authorize: 'follow' });
    expect(stepOf(run, 'challenge').exchanges.map((e) => [e.method, e.status])).toEqual([
      ['POST', 405],
      ['GET', 401],
    ]);
    expect(stepOf(run, 'challenge').findings.map((f) => f.id)).toEqual(['legacy-sse', 'status-401', 'resource-metadata-named', 'challenge-scope']);
    expect(run.steps).toHaveLength(8);
    const last = stepOf(run, 'authenticated-request');
    expect(last.exchanges.map((e) => [e.method, e.status, e.requestHeaders.authorization])).toEqual([['GET', 200, 'Bearer [redacted]']]);
    expect(last.arrows[0]!.label).toBe('GET event stream, legacy SSE (Authorization: Bearer)');
    expect(run.verdict, JSON.stringify(run.steps.flatMap((s) => s.findings.filter((f) => f.verdict === 'fail')))).toBe('pass');
  });

  it('a server that offers authorization without requiring it: its metadata is found and the flow is walked through to the end', async () => {
    // With no challenge there is no scope the server asked for: the one it needs is given.
    const run = await runAuthDebug({ serverUrl: optional.mcpUrl, authorize: 'follow', scope: 'mcp:tools' });
    expect(stepOf(run, 'challenge').findings.map((f) => [f.id, f.verdict])).toEqual([['no-challenge', 'info']]);
    expect(stepOf(run, 'resource-metadata')).toMatchObject({ verdict: 'pass' });
    expect(stepOf(run, 'resource-metadata').stopped).toBeUndefined();
    expect(run.steps).toHaveLength(8);
    expect(stepOf(run, 'authenticated-request').facts.status).toBe('200');
    // The checks judge the run: one note does not make it neutral.
    expect(run.verdict).toBe('pass');
  });
});
