import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { remoteTokenAccount } from '../../main/core/auth/remote-sign-in';
import { KeytarVault } from '../../main/core/secrets/keytar-vault';
import { MCP_SCOPE, NATIVE_CLIENT, startOAuthFixture, type OAuthFixture } from '../fixtures/oauth/oauth-fixture';
import { ScriptedAuthorization } from '../fixtures/oauth/test-openers';
import { findLeaks } from '../support/secret-leaks';
import { appLocators } from './support/app-locators';
import type { E2eApp } from './support/e2e-app';
import { useE2eApp } from './support/e2e-lifecycle';
import { looksAt } from './support/layout-checks';

/**
 * Signing in with OAuth in Chromium on the production renderer, through the real core and the
 * test run's keychain, against oidc-provider in front of a v2 SDK server: the remote's
 * Authorization group, the card waiting for the browser (the test bridge's opener holds the
 * authorization URL, then follows it to the loopback redirect like `--authorize follow`), the
 * Overview's signed-in panel (who, issuer, scopes, expiry), sign out (revoked, forgotten), and a
 * refused authorization explained. Looked at in both schemes at 900 and 1600 px.
 */
let app: E2eApp;
let page: Page;
let fixture: OAuthFixture;
const browser = new ScriptedAuthorization();
const vault = new KeytarVault();

beforeAll(async () => {
  fixture = await startOAuthFixture();
});
useE2eApp(
  async (started) => {
    app = started;
    page = started.page;
  },
  { authorizationOpener: browser.opener },
);
afterAll(async () => {
  for (const account of await vault.list().catch(() => [])) if (account.includes(':oauth:')) await vault.delete(account);
  await fixture?.close();
});

const { remoteItem, activePanel, connect } = appLocators(() => page);

async function saveRemote(name: string, client?: { id: string; scope: string }): Promise<void> {
  await page.getByTestId('new-remote').click();
  const form = page.getByTestId('remote-form');
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Transport').selectOption('streamable');
  await form.getByLabel('URL', { exact: true }).fill(fixture.mcpUrl);
  if (client) {
    const group = form.getByRole('group', { name: 'Authorization' });
    await group.getByLabel('Client id').fill(client.id);
    await group.getByLabel('Scopes').fill(client.scope);
  }
  await form.getByTestId('save-remote').click();
  await expect.poll(() => remoteItem(name).count(), { timeout: 10_000 }).toBe(1);
}

describe('signing in with OAuth in the app', () => {
  it('the remote form has an Authorization group with labels and hints', async () => {
    await page.getByTestId('new-remote').click();
    const group = page.getByTestId('remote-form').getByRole('group', { name: 'Authorization' });
    await group.scrollIntoViewIfNeeded();
    expect(await group.getByLabel('Client secret').getAttribute('type')).toBe('password');
    expect(await group.getByTestId('remote-oauth-secret-state').innerText()).toBe('not set');
    await looksAt(app, page, 'app-oauth-form');
    await page.getByTestId('cancel-remote').click();
  });

  it('connect: the card waits for the browser sign-in, then the Overview shows who is signed in, the scopes and the expiry', async () => {
    // A pre-registered client asking for openid too: the ID token says who signed in.
    await saveRemote('Protected', { id: NATIVE_CLIENT.id, scope: 'openid' });
    browser.mode = 'hold';
    await remoteItem('Protected').getByTestId('connect-button').click();
    const waiting = remoteItem('Protected').getByTestId('sign-in-waiting');
    await waiting.waitFor({ timeout: 15_000 });
    expect(await waiting.innerText()).toContain(`Waiting for you to sign in in your browser… (${new URL(fixture.issuer).host})`);
    await looksAt(app, page, 'app-oauth-waiting');
    browser.mode = 'follow';
    await browser.release();
    await expect.poll(() => remoteItem('Protected').getByTestId('remote-state').getAttribute('data-state'), { timeout: 20_000 }).toBe('connected');
    const panel = activePanel().getByTestId('signed-in-panel');
    await panel.waitFor({ timeout: 10_000 });
    expect(await panel.getByTestId('signed-in-as').innerText()).toBe('test-user');
    expect(await panel.getByTestId('signed-in-issuer').innerText()).toBe(fixture.issuer);
    expect(await panel.getByTestId('signed-in-scopes').innerText()).toContain(MCP_SCOPE);
    expect(await panel.getByTestId('signed-in-expiry').innerText()).toMatch(/^expires in \d+ (min|h)/);
    expect(await remoteItem('Protected').getByTestId('remote-signed-in').innerText()).toBe('Signed in as test-user');
    expect(await remoteItem('Protected').getByTestId('sign-in-waiting').count()).toBe(0);
    await looksAt(app, page, 'app-oauth-signed-in');
    // Nothing of the tokens or codes reached the page (its stores render what the IPC carried).
    const remote = (await app.core.remotes.list()).find((r) => r.name === 'Protected')!;
    const kept = JSON.parse((await vault.get(remoteTokenAccount(remote.id, fixture.mcpUrl))) ?? '{}') as { byIssuer?: Record<string, { tokens?: Record<string, unknown> }> };
    const tokens = Object.values(kept.byIssuer ?? {}).flatMap((e) => ['access_token', 'refresh_token', 'id_token'].map((k) => e.tokens?.[k]).filter((v): v is string => typeof v === 'string'));
    expect(tokens.length).toBe(3);
    expect(findLeaks(await page.content(), [...fixture.issued.filter((s) => s.length >= 8), ...tokens])).toEqual([]);
  });

  it('sign out revokes the tokens and forgets them in the keychain', async () => {
    const remote = (await app.core.remotes.list()).find((r) => r.name === 'Protected')!;
    expect(await vault.get(remoteTokenAccount(remote.id, fixture.mcpUrl))).toBeDefined();
    const revokedBefore = fixture.revoked.length;
    await activePanel().getByTestId('signed-in-panel').getByRole('button', { name: 'Sign out' }).click();
    await activePanel().getByTestId('signed-in-panel').waitFor({ state: 'detached', timeout: 10_000 });
    await page.getByText(/the tokens were revoked and forgotten/).first().waitFor();
    expect(fixture.revoked.length).toBeGreaterThan(revokedBefore);
    expect(await vault.get(remoteTokenAccount(remote.id, fixture.mcpUrl))).toBeUndefined();
    await remoteItem('Protected').getByTestId('disconnect-button').click();
  });

  it('a refused authorization is explained', async () => {
    await saveRemote('Refused');
    browser.mode = 'refuse';
    await connect('Refused');
    expect(await remoteItem('Refused').getByTestId('remote-state').getAttribute('data-state')).toBe('failed');
    const explained = activePanel().getByTestId('connection-info');
    expect(await explained.innerText()).toMatch(/did not authorize MCP Periscope \(access_denied\)/);
    await looksAt(app, page, 'app-oauth-refused');
    browser.mode = 'follow';
  });
});
