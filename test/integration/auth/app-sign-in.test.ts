import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MainEvent } from '../../../shared/ipc/contract';
import type { ConnectionInfo, SignInStatus, SignOutResult, TraceEntry } from '../../../shared/model';
import { remoteClientSecretAccount, remoteTokenAccount } from '../../../main/core/auth/remote-sign-in';
import { KeytarVault } from '../../../main/core/secrets/keytar-vault';
import { CC_CLIENT, MCP_SCOPE, NATIVE_CLIENT, startOAuthFixture, type OAuthFixture } from '../../fixtures/oauth/oauth-fixture';
import { ScriptedAuthorization } from '../../fixtures/oauth/test-openers';
import { findLeaks } from '../../support/secret-leaks';
import { startTestCore, type TestCore } from '../hostile/app-core-support';
import { until, valueOf } from '../workbench/core-calls';

/**
 * The desktop app's OAuth sign-in through its real core and the contract's validation, against
 * oidc-provider in front of a v2 SDK server (all on 127.0.0.1), with the test run's private
 * keychain (test/support/keychain-global-setup.ts): connect (the 401 starts the flow, the
 * injected opener plays the browser), signed in (claims, scopes, expiry), refresh with the kept
 * refresh token, sign out (revoked at the AS, forgotten in the keychain); a client the app
 * registers itself; refused and cancelled sign-ins; client credentials with a secret
 * kept in the keychain; and no token, code or secret in any IPC payload, file or trace.
 */
let fixture: OAuthFixture;
let test: TestCore;
const vault = new KeytarVault();
const browser = new ScriptedAuthorization();
/** Everything the window could have received: every answer and event, as JSON. */
const payloads: string[] = [];
/** Every token value kept in the keychain during the tests (the ID token is not among the AS's `issued`). */
const keptTokens: string[] = [];

async function call<T>(channel: string, input: unknown): Promise<T> {
  const answer = await test.call(channel as never, input as never);
  payloads.push(JSON.stringify(answer));
  return valueOf<T>(answer);
}

async function remote(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const created = await call<{ remote: { id: string } }>('remotes:create', { draft: { name, transport: 'streamable', url: fixture.mcpUrl, headers: [], ...extra } });
  return created.remote.id;
}

const traceOf = async (connectionId: string) => (await call<{ entries: TraceEntry[] }>('trace:snapshot', { connectionId })).entries;
const stateEvents = () => test.events.filter((e): e is Extract<MainEvent, { type: 'connection-state' }> => e.type === 'connection-state').map((e) => e.info);

beforeAll(async () => {
  fixture = await startOAuthFixture();
  test = await startTestCore({ vault, authorizationOpener: browser.opener });
});
afterAll(async () => {
  for (const account of await vault.list().catch(() => [])) if (account.includes(':oauth:')) await vault.delete(account);
  await test?.close();
  await fixture?.close();
});

describe('signing in to an OAuth-protected server in the app', () => {
  let remoteId: string;
  let connectionId: string;

  it('connect: the 401 starts the flow, the opener gets the authorization URL, the card waits, then it connects', async () => {
    // A pre-registered client that asks for openid too: an ID token says who signed in.
    remoteId = await remote('protected', { oauth: { clientId: NATIVE_CLIENT.id, scope: 'openid' } });
    const info = await call<ConnectionInfo>('connections:open', { remoteId });
    expect(info.state, JSON.stringify(info.error)).toBe('connected');
    expect(info.signIn).toBeUndefined();
    connectionId = info.connectionId;
    expect(browser.hosts).toEqual([new URL(fixture.issuer).host]);
    expect(fixture.authorizations()).toBe(1);
    // While the browser had the authorization URL, the connection said so (with the AS's host only).
    const waiting = stateEvents().filter((i) => i.connectionId === connectionId && i.signIn);
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting[0]!.signIn!.host).toBe(new URL(fixture.issuer).host);
    expect(waiting[0]!.state).toBe('connecting');
    // The connection's set-up shows the sign-in as a phase of its own, before the handshake that followed it.
    const phases = info.setup!.phases.map((p) => p.phase);
    expect(phases.slice(-2)).toEqual(['authorization', 'handshake']);
    const [authorization, handshake] = info.setup!.phases.slice(-2);
    expect(handshake!.startMs).toBeGreaterThanOrEqual(authorization!.startMs + authorization!.durationMs - 0.001);
  });

  it('signed in: who (the ID token\'s sub), the issuer, the scopes and the expiry; the tokens are in the keychain under the remote', async () => {
    const status = await call<SignInStatus>('oauth:status', { remoteId });
    expect(status).toMatchObject({ signedIn: true, subject: 'test-user', issuer: fixture.issuer, refreshable: true, tokenFormat: 'jwt' });
    expect(status.scopes).toContain(MCP_SCOPE);
    expect(status.expiresAt).toBeGreaterThan(Date.now());
    expect(status.expiresAt).toBeLessThan(Date.now() + 24 * 3600_000);
    const kept = JSON.parse((await vault.get(remoteTokenAccount(remoteId, fixture.mcpUrl))) ?? '{}') as { byIssuer?: Record<string, { tokens?: { access_token: string } }> };
    expect(fixture.acceptedTokens.has(kept.byIssuer?.[fixture.issuer]?.tokens?.access_token ?? '')).toBe(true);
  });

  it('every OAuth exchange is in the connection\'s trace, masked', async () => {
    const http = (await traceOf(connectionId)).filter((e) => e.type === 'http');
    const paths = http.map((e) => new URL((e as { url: string }).url).pathname);
    for (const path of ['/.well-known/oauth-protected-resource/mcp', '/.well-known/oauth-authorization-server', '/auth', '/token']) expect(paths).toContain(path);
    const tokenExchange = JSON.stringify(http.filter((e) => (e as { url: string }).url.startsWith(`${fixture.issuer}/token`)));
    expect(tokenExchange).toContain('[redacted]');
  });

  it('an access token the server no longer takes is refreshed with the kept refresh token, without a new sign-in', async () => {
    await call('connections:close', { connectionId });
    const account = remoteTokenAccount(remoteId, fixture.mcpUrl);
    const record = JSON.parse((await vault.get(account))!) as { byIssuer: Record<string, { tokens: { access_token: string } }> };
    const before = record.byIssuer[fixture.issuer]!.tokens.access_token;
    record.byIssuer[fixture.issuer]!.tokens.access_token = 'no-longer-valid-access-token';
    await vault.set(account, JSON.stringify(record));
    const info = await call<ConnectionInfo>('connections:open', { remoteId });
    expect(info.state, JSON.stringify(info.error)).toBe('connected');
    connectionId = info.connectionId;
    expect(fixture.authorizations()).toBe(1);
    const after = (JSON.parse((await vault.get(account))!) as typeof record).byIssuer[fixture.issuer]!.tokens.access_token;
    expect(after).not.toBe(before);
    expect(fixture.acceptedTokens.has(after)).toBe(true);
    const paths = (await traceOf(connectionId)).filter((e) => e.type === 'http').map((e) => new URL((e as { url: string }).url).pathname);
    expect(paths).toContain('/token');
    expect(paths).not.toContain('/auth');
  });

  it('sign out revokes at the authorization server (traced), forgets the tokens in the keychain, and says signed out', async () => {
    const revokedBefore = fixture.revoked.length;
    const secretsBefore = await kept(remoteId);
    expect(secretsBefore.length).toBe(3); // access, refresh and ID token
    keptTokens.push(...secretsBefore);
    const result = await call<SignOutResult>('oauth:sign-out', { remoteId });
    expect(result).toEqual({ found: true, outcomes: [{ issuer: fixture.issuer, result: 'revoked' }] });
    expect(fixture.revoked.length).toBeGreaterThan(revokedBefore);
    expect(await vault.get(remoteTokenAccount(remoteId, fixture.mcpUrl))).toBeUndefined();
    expect(await call<SignInStatus>('oauth:status', { remoteId })).toMatchObject({ signedIn: false });
    // The revocation requests went through the live connection's recording fetch, masked.
    const revocations = (await traceOf(connectionId)).filter((e) => e.type === 'http' && (e as { url: string }).url.includes('/revocation'));
    expect(revocations.length).toBeGreaterThan(0);
    expect(findLeaks(JSON.stringify(revocations), secretsBefore)).toEqual([]);
    await call('connections:close', { connectionId });
  });

  it('a client the app registers itself (RFC 7591): signed in, the tokens opaque (no one named), the sign-in kept per remote', async () => {
    const id = await remote('registered');
    const info = await call<ConnectionInfo>('connections:open', { remoteId: id });
    expect(info.state, JSON.stringify(info.error)).toBe('connected');
    const status = await call<SignInStatus>('oauth:status', { remoteId: id });
    expect(status).toMatchObject({ signedIn: true, issuer: fixture.issuer, tokenFormat: 'opaque', scopes: expect.arrayContaining([MCP_SCOPE]) });
    expect(status.subject).toBeUndefined();
    const registration = (await traceOf(info.connectionId)).filter((e) => e.type === 'http' && (e as { url: string }).url === `${fixture.issuer}/reg`);
    expect(registration.length).toBe(1);
    // The other remote of the same server is signed out: its sign-in was its own.
    expect(await call<SignInStatus>('oauth:status', { remoteId })).toMatchObject({ signedIn: false });
    await call('connections:close', { connectionId: info.connectionId });
  });

  it('step-up: a 403 insufficient_scope starts another authorization; a server whose scope is never granted ends as an auth error', async () => {
    // This authorization server grants another scope than the one the MCP server needs.
    const narrow = await startOAuthFixture({ grantedScope: 'other' });
    try {
      const created = await call<{ remote: { id: string } }>('remotes:create', { draft: { name: 'narrow', transport: 'streamable', url: narrow.mcpUrl, headers: [] } });
      const info = await call<ConnectionInfo>('connections:open', { remoteId: created.remote.id });
      expect(narrow.authorizations()).toBeGreaterThanOrEqual(2);
      expect(narrow.authorizations()).toBeLessThanOrEqual(3);
      expect(info.state).toBe('failed');
      expect(info.error).toMatchObject({ kind: 'auth' });
      // Said as what happened, not as the last refusal (which reads like a missing token).
      expect(info.error!.message).toBe(`The server still refused after ${narrow.authorizations()} authorizations: each new access token lacked what it asks for (403 insufficient_scope, a scope step-up each time).`);
    } finally {
      await narrow.close();
    }
  });

  it('a refused authorization fails the connect with an auth error that says so', async () => {
    browser.mode = 'refuse';
    try {
      const id = await remote('refused');
      const info = await call<ConnectionInfo>('connections:open', { remoteId: id });
      expect(info.state).toBe('failed');
      expect(info.error).toMatchObject({ kind: 'auth' });
      expect(info.error!.message).toMatch(/did not authorize MCP Periscope \(access_denied\)/);
      expect(info.signIn).toBeUndefined();
      expect(await call<SignInStatus>('oauth:status', { remoteId: id })).toMatchObject({ signedIn: false });
    } finally {
      browser.mode = 'follow';
    }
  });

  it('cancel while waiting for the browser: the connect stops at once (no five-minute wait)', async () => {
    browser.mode = 'hold';
    try {
      const id = await remote('cancelled');
      const opening = call<ConnectionInfo>('connections:open', { remoteId: id });
      let waitingId: string | undefined;
      await until(() => (waitingId = stateEvents().find((i) => i.label === 'cancelled' && i.signIn)?.connectionId) !== undefined, 'the connection to wait for the sign-in');
      const started = Date.now();
      await call('connections:close', { connectionId: waitingId });
      const info = await opening;
      expect(Date.now() - started).toBeLessThan(5000);
      expect(info.state === 'failed' || info.state === 'closed').toBe(true);
      expect(info.signIn).toBeUndefined();
    } finally {
      browser.mode = 'follow';
    }
  });

  it('the client credentials grant: the secret is kept in the keychain, shown only as set, and used to connect', async () => {
    const id = await remote('machine', { oauth: { grant: 'client_credentials', clientId: CC_CLIENT.id }, oauthClientSecret: CC_CLIENT.secret });
    const shown = await call<{ oauthClientSecretSet?: boolean; oauth?: Record<string, unknown> }>('remotes:get', { remoteId: id });
    expect(shown.oauthClientSecretSet).toBe(true);
    expect(shown.oauth).toEqual({ grant: 'client_credentials', clientId: CC_CLIENT.id });
    expect(await vault.get(remoteClientSecretAccount(id))).toBe(CC_CLIENT.secret);
    const hostsBefore = browser.hosts.length;
    const info = await call<ConnectionInfo>('connections:open', { remoteId: id });
    expect(info.state, JSON.stringify(info.error)).toBe('connected');
    expect(browser.hosts.length).toBe(hostsBefore); // no browser for a machine
    expect(await call<SignInStatus>('oauth:status', { remoteId: id })).toMatchObject({ signedIn: true, issuer: fixture.issuer });
    await call('connections:close', { connectionId: info.connectionId });
    // A client credentials remote without its secret says what is missing before any traffic.
    const missing = await test.call('remotes:create', { draft: { name: 'no secret', transport: 'streamable', url: fixture.mcpUrl, headers: [], oauth: { grant: 'client_credentials', clientId: CC_CLIENT.id } } });
    const noSecretId = valueOf<{ remote: { id: string } }>(missing).remote.id;
    const refused = (await test.call('connections:open', { remoteId: noSecretId })) as { ok: boolean; error?: { kind: string; message: string } };
    expect(refused).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(refused.error!.message).toMatch(/client id and a client secret/);
  });

  it('no token, code or secret reached an IPC answer, an event, the remotes file or a session file', async () => {
    const secrets = [...fixture.issued.filter((s) => s.length >= 8), ...keptTokens, CC_CLIENT.secret];
    payloads.push(JSON.stringify(test.events));
    expect(findLeaks(payloads.join('\n'), secrets)).toEqual([]);
    for (const file of await filesUnder(test.dir)) expect(findLeaks(await readFile(file, 'utf8'), secrets), file).toEqual([]);
  });
});

/** The token values kept for a remote (for leak checks after they are gone). */
async function kept(remoteId: string): Promise<string[]> {
  const record = JSON.parse((await vault.get(remoteTokenAccount(remoteId, fixture.mcpUrl))) ?? '{}') as { byIssuer?: Record<string, { tokens?: Record<string, unknown> }> };
  return Object.values(record.byIssuer ?? {}).flatMap((entry) => ['access_token', 'refresh_token', 'id_token'].map((k) => entry.tokens?.[k]).filter((v): v is string => typeof v === 'string'));
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
