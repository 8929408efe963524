import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remoteTokenAccount } from '../../../main/core/auth/remote-sign-in';
import { oauthAccount } from '../../../main/core/auth/oauth-store';
import { RemoteService } from '../../../main/core/remotes/remote-service';
import { KeytarVault } from '../../../main/core/secrets/keytar-vault';
import { CC_CLIENT, startOAuthFixture, type OAuthFixture } from '../../fixtures/oauth/oauth-fixture';
import { cli, removeTestDataDir, testDataDir } from './cli-harness';

/**
 * The CLI on a saved remote with an Authorization group (set in the app): the remote's grant,
 * client id and keychain-held client secret are used without any option, its tokens are kept
 * under the remote where the app keeps them (one sign-in for both), `logout` forgets them there,
 * and a remote with OAuth turned off never starts it. Real parts: oidc-provider in front of a v2
 * SDK server, the test run's private keychain.
 */
let fixture: OAuthFixture;
const vault = new KeytarVault();
let remotes: RemoteService;
let machineId: string;
let offId: string;

beforeAll(async () => {
  fixture = await startOAuthFixture();
  remotes = new RemoteService({ dataDir: testDataDir(), vault });
  machineId = (await remotes.create({ name: 'machine', transport: 'streamable', url: fixture.mcpUrl, oauth: { grant: 'client_credentials', clientId: CC_CLIENT.id }, oauthClientSecret: CC_CLIENT.secret })).remote.id;
  offId = (await remotes.create({ name: 'no-oauth', transport: 'streamable', url: fixture.mcpUrl, oauth: { enabled: false, grant: 'authorization_code' } })).remote.id;
});
afterAll(async () => {
  for (const id of [machineId, offId]) if (id) await remotes.remove(id).catch(() => undefined);
  await fixture?.close();
  removeTestDataDir();
});

describe('a saved remote\'s OAuth settings in the CLI', () => {
  it('uses the remote\'s client credentials grant, client id and keychain secret, and keeps the tokens under the remote (shared with the app)', async () => {
    const run = await cli(['tools', 'machine', '--trace']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/echo/);
    // Client credentials: a token request, no registration and no browser.
    expect(fixture.asRequests).toContain('POST /token');
    expect(fixture.asRequests).not.toContain('POST /reg');
    expect(fixture.authorizations()).toBe(0);
    for (const text of [run.stdout, run.stderr]) {
      expect(text).not.toContain(CC_CLIENT.secret);
      for (const issued of fixture.issued) expect(text).not.toContain(issued);
    }
    const kept = JSON.parse((await vault.get(remoteTokenAccount(machineId, fixture.mcpUrl))) ?? '{}') as { lastIssuer?: string };
    expect(kept.lastIssuer).toBe(fixture.issuer);
    expect(await vault.get(oauthAccount(fixture.mcpUrl))).toBeUndefined();

    // The kept token serves the next command: no new token request.
    const tokenRequests = fixture.asRequests.filter((r) => r === 'POST /token').length;
    const again = await cli(['tools', 'machine']);
    expect(again.code, again.stderr).toBe(0);
    expect(fixture.asRequests.filter((r) => r === 'POST /token').length).toBe(tokenRequests);
  });

  it('logout forgets the tokens kept under the remote', async () => {
    const run = await cli(['logout', 'machine']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Forgot the tokens kept for this server.');
    expect(await vault.get(remoteTokenAccount(machineId, fixture.mcpUrl))).toBeUndefined();
  });

  it('a remote with OAuth turned off gets the 401 as an auth error and starts no authorization', async () => {
    const before = fixture.asRequests.length;
    const run = await cli(['tools', 'no-oauth']);
    expect(run.code).toBe(31);
    expect(fixture.asRequests.length).toBe(before);
  });
});
