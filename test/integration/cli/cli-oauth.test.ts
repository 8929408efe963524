import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oauthAccount } from '../../../main/core/auth/oauth-store';
import { KeytarVault } from '../../../main/core/secrets/keytar-vault';
import { CC_CLIENT, startOAuthFixture, type OAuthFixture } from '../../fixtures/oauth/oauth-fixture';
import { cli, removeTestDataDir, type CliRun } from './cli-harness';

/**
 * The CLI against an OAuth-protected MCP server (oidc-provider in front of a v2 SDK server, all
 * on 127.0.0.1), end to end: the 401 starts the flow, --authorize follow completes it, tokens
 * land in the test run's private keychain (test/support/keychain-global-setup.ts) and are reused,
 * logout revokes, client_credentials works, and no secret reaches any output.
 */
let fixture: OAuthFixture;
let dir: string;
const vault = new KeytarVault();

beforeAll(async () => {
  fixture = await startOAuthFixture();
  dir = mkdtempSync(join(tmpdir(), 'periscope-cli-oauth-'));
});
afterAll(async () => {
  await vault.delete(oauthAccount(fixture.mcpUrl)).catch(() => undefined);
  await fixture?.close();
  rmSync(dir, { recursive: true, force: true });
  removeTestDataDir();
});

/** A secret in every form the redactor masks: raw, JSON-escaped, percent-encoded, base64 and base64url. */
function forms(secret: string): string[] {
  return [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret), Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('base64url')];
}

function expectNoSecrets(run: CliRun, file: string | undefined, secrets: string[]): void {
  const texts = { stdout: run.stdout, stderr: run.stderr, ...(file ? { 'session file': readFileSync(file, 'utf8') } : {}) };
  for (const secret of secrets.filter((s) => s.length >= 8)) {
    for (const [k, form] of forms(secret).entries()) {
      for (const [where, text] of Object.entries(texts)) {
        const at = text.indexOf(form);
        // The context before the leak says which exchange it was, without printing the secret.
        expect(at, `a secret leaked in ${where} (form ${k}) after: ${text.slice(Math.max(0, at - 160), at)}`).toBe(-1);
      }
    }
  }
}

describe('periscope and an OAuth-protected server', () => {
  it('tools: the 401 starts the authorization code flow (--authorize follow), tokens land in the keychain, every secret is masked in the trace and the session file', async () => {
    const file = join(dir, 'first.ndjson');
    const run = await cli(['tools', fixture.mcpUrl, '--authorize', 'follow', '--trace', '--record', file]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/echo/);
    expect(fixture.authorizations()).toBe(1);
    // The OAuth exchanges are in the trace: discovery, registration, authorization, token.
    for (const path of ['/.well-known/oauth-protected-resource/mcp', '/reg', '/auth', '/token']) expect(run.stderr).toContain(path);
    const kept = JSON.parse((await vault.get(oauthAccount(fixture.mcpUrl))) ?? '{}') as { lastIssuer?: string; byIssuer?: Record<string, { tokens?: { access_token: string; refresh_token?: string } }> };
    expect(kept.lastIssuer).toBe(fixture.issuer);
    const tokens = kept.byIssuer?.[fixture.issuer]?.tokens;
    expect(tokens?.access_token).toBeTruthy();
    expect(fixture.acceptedTokens.has(tokens!.access_token)).toBe(true);
    expect(fixture.issued.length).toBeGreaterThanOrEqual(2);
    expectNoSecrets(run, file, [...fixture.issued, tokens!.access_token, ...(tokens!.refresh_token ? [tokens!.refresh_token] : [])]);
    expect(readFileSync(file, 'utf8')).toContain('[redacted]');
  });

  it('a second run reuses the kept tokens without a new authorization', async () => {
    const run = await cli(['tools', fixture.mcpUrl, '--authorize', 'follow']);
    expect(run.code, run.stderr).toBe(0);
    expect(fixture.authorizations()).toBe(1);
    expectNoSecrets(run, undefined, fixture.issued);
  });

  it('logout revokes the tokens at the authorization server and forgets them', async () => {
    const revokedBefore = fixture.revoked.length;
    const run = await cli(['logout', fixture.mcpUrl, '--trace']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/revoked/);
    expect(fixture.revoked.length).toBeGreaterThan(revokedBefore);
    expect(await vault.get(oauthAccount(fixture.mcpUrl))).toBeUndefined();
    expectNoSecrets(run, undefined, fixture.issued);
  });

  it('--token-store memory authorizes again and leaves nothing in the keychain', async () => {
    const before = fixture.authorizations();
    const run = await cli(['tools', fixture.mcpUrl, '--authorize', 'follow', '--token-store', 'memory']);
    expect(run.code, run.stderr).toBe(0);
    expect(fixture.authorizations()).toBe(before + 1);
    expect(await vault.get(oauthAccount(fixture.mcpUrl))).toBeUndefined();
    expectNoSecrets(run, undefined, fixture.issued);
  });

  it('--authorize print: the URL on stderr, the redirect from an outside user agent reaches the loopback, and the command goes on', async () => {
    const before = fixture.authorizations();
    let opened: Promise<void> | undefined;
    const run = await cli(['tools', fixture.mcpUrl, '--authorize', 'print', '--token-store', 'memory'], {
      onStderr: (_chunk, all) => {
        const url = /^\s+(http:\/\/127\.0\.0\.1:\d+\/auth\?\S+)$/m.exec(all)?.[1];
        // The "browser": another client than the CLI follows the URL to the loopback redirect.
        if (url && !opened) opened = browse(url);
      },
    });
    await opened;
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/open this URL to authorize/);
    expect(fixture.authorizations()).toBe(before + 1);
    expectNoSecrets(run, undefined, fixture.issued);
  });

  it('client_credentials with a secret from stdin: no authorization request, the secret and token never shown', async () => {
    const before = fixture.authorizations();
    const file = join(dir, 'cc.ndjson');
    const run = await cli(['tools', fixture.mcpUrl, '--grant', 'client_credentials', '--client-id', CC_CLIENT.id, '--client-secret-stdin', '--token-store', 'memory', '--trace', '--record', file], { stdin: `${CC_CLIENT.secret}\n` });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/echo/);
    expect(fixture.authorizations()).toBe(before);
    expect(run.stderr).toMatch(/POST .*\/token/);
    expectNoSecrets(run, file, [CC_CLIENT.secret, ...fixture.issued]);
  });

  it('a server whose scope is never granted: three authorizations (step-ups), then an auth error that says so (exit 31)', async () => {
    const narrow = await startOAuthFixture({ grantedScope: 'other' });
    try {
      const run = await cli(['tools', narrow.mcpUrl, '--authorize', 'follow', '--token-store', 'memory']);
      expect(run.code, run.stderr).toBe(31);
      expect(narrow.authorizations()).toBe(3);
      expect(run.stderr).toMatch(/^error: The server still refused after 3 authorizations: each new access token lacked what it asks for \(403 insufficient_scope/m);
    } finally {
      await narrow.close();
    }
  });

  it('a wrong client secret is an auth error (exit 31) with a hint, and the wrong secret is not echoed', async () => {
    const run = await cli(['tools', fixture.mcpUrl, '--grant', 'client_credentials', '--client-id', CC_CLIENT.id, '--client-secret-stdin', '--token-store', 'memory'], { stdin: 'wrong-secret-5Yt8' });
    expect(run.code).toBe(31);
    expect(run.stderr).toMatch(/^hint: .+/m);
    expect(run.stdout + run.stderr).not.toContain('wrong-secret-5Yt8');
  });
});

/** What a browser does with the authorization URL here: follows the redirects, cookies kept, to the loopback. */
async function browse(start: string): Promise<void> {
  const jar = new Map<string, string>();
  let url = new URL(start);
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    const location = response.headers.get('location');
    if (!location) return;
    url = new URL(location, url);
  }
}
