import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RemoteInput } from '../../../shared/model';
import { remoteClientSecretAccount, remoteTokenAccount, oauthForRemote } from '../../../main/core/auth/remote-sign-in';
import { RemoteService } from '../../../main/core/remotes/remote-service';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';
import { MemoryVault } from './memory-vault';

const SECRET = 'cs-4Kq9Zr2Lm7Tx';
const input = (over: Partial<RemoteInput> = {}): RemoteInput => ({ name: 'protected', transport: 'streamable', url: 'https://mcp.example.com/mcp', headers: [], ...over });

describe('a saved remote\'s OAuth settings', () => {
  let dir: string;
  let vault: MemoryVault;
  let service: RemoteService;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'periscope-oauth-settings-'));
    vault = new MemoryVault();
    service = new RemoteService({ dataDir: dir, vault });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('stores the settings in the file and the client secret in the keychain only; the remote says "set"', async () => {
    const { remote } = await service.create(input({ oauth: { grant: 'client_credentials', clientId: 'cc-client', scope: 'mcp:tools' }, oauthClientSecret: SECRET }));
    expect(remote.oauth).toEqual({ grant: 'client_credentials', clientId: 'cc-client', scope: 'mcp:tools' });
    expect(remote.oauthClientSecretSet).toBe(true);
    expect(JSON.stringify(remote)).not.toContain(SECRET);
    expect(vault.entries.get(remoteClientSecretAccount(remote.id))).toBe(SECRET);
    const file = await readFile(join(dir, 'remotes.json'), 'utf8');
    expect(file).not.toContain(SECRET);
    expect(file).not.toContain('oauthClientSecret');
    expect(file).not.toContain('oauthClientSecretSet');
  });

  it('an edit without a secret keeps it; clearing deletes it; dropping the client id deletes it; duplicate copies it; delete removes it and the tokens', async () => {
    const { remote } = await service.create(input({ oauth: { grant: 'authorization_code', clientId: 'pre' }, oauthClientSecret: SECRET }));
    await service.update(remote.id, input({ name: 'renamed', oauth: { grant: 'authorization_code', clientId: 'pre' } }));
    expect(vault.entries.get(remoteClientSecretAccount(remote.id))).toBe(SECRET);
    const copy = (await service.duplicate(remote.id)).remote;
    expect(vault.entries.get(remoteClientSecretAccount(copy.id))).toBe(SECRET);
    const cleared = await service.update(remote.id, input({ name: 'renamed', oauth: { grant: 'authorization_code', clientId: 'pre' }, clearOAuthClientSecret: true }));
    expect(cleared.remote.oauthClientSecretSet).toBe(false);
    expect(vault.entries.has(remoteClientSecretAccount(remote.id))).toBe(false);
    await service.update(copy.id, input({ name: 'copy' }));
    expect(vault.entries.has(remoteClientSecretAccount(copy.id))).toBe(false);
    // Tokens of a sign-in go with the remote, even one that never had another secret.
    vault.entries.set(remoteTokenAccount(copy.id, 'https://mcp.example.com/mcp'), '{"byIssuer":{}}');
    await service.remove(copy.id);
    expect([...vault.entries.keys()].filter((a) => a.startsWith(copy.id))).toEqual([]);
  });

  it('exports the settings without the secret unless asked for it, and imports them back', async () => {
    await service.create(input({ oauth: { grant: 'client_credentials', clientId: 'cc-client' }, oauthClientSecret: SECRET }));
    const plain = await service.exportRemotes();
    expect(plain[0]!.oauth).toEqual({ grant: 'client_credentials', client_id: 'cc-client', client_secret: '' });
    const withSecrets = await service.exportRemotes({ includeSecrets: true });
    expect(withSecrets[0]!.oauth?.client_secret).toBe(SECRET);
    const other = new RemoteService({ dataDir: await mkdtemp(join(tmpdir(), 'periscope-oauth-import-')), vault: new MemoryVault() });
    const report = await other.importText(JSON.stringify(withSecrets.map((e) => ({ ...e, name: 'imported' }))));
    expect(report.entries[0]).toMatchObject({ status: 'imported' });
    const [imported] = await other.list();
    expect(imported!.oauth).toEqual({ grant: 'client_credentials', clientId: 'cc-client' });
    expect(imported!.oauthClientSecretSet).toBe(true);
  });

  it('refuses a client metadata document URL that is not http(s)', async () => {
    const error = await service.create(input({ oauth: { grant: 'authorization_code', clientMetadataUrl: 'javascript:alert(1)' } })).then(() => undefined, (e: unknown) => e);
    expect(isPeriscopeError(error) && error.info.message).toMatch(/must be an http\(s\) URL/);
  });
});

describe('oauthForRemote: when a connection gets OAuth, as in the CLI', () => {
  const opener = async () => undefined;
  const remote = async (over: Partial<RemoteInput>) => {
    const dir = await mkdtemp(join(tmpdir(), 'periscope-oauth-for-'));
    const vault = new MemoryVault();
    const service = new RemoteService({ dataDir: dir, vault });
    const { remote: saved } = await service.create(input(over));
    return { saved, vault };
  };

  it('on by default for HTTP; off when turned off, for an Authorization header, a WebSocket or a stdio target', async () => {
    const { saved, vault } = await remote({});
    const target = { transport: 'streamable' as const, url: saved.url! };
    expect(await oauthForRemote(saved, target, { vault, opener })).toBeDefined();
    expect(await oauthForRemote({ ...saved, oauth: { grant: 'authorization_code', enabled: false } }, target, { vault, opener })).toBeUndefined();
    expect(await oauthForRemote(saved, { ...target, headers: [{ name: 'authorization', value: 'Bearer x' }] }, { vault, opener })).toBeUndefined();
    expect(await oauthForRemote(saved, { transport: 'websocket', url: 'wss://x.example/mcp' }, { vault, opener })).toBeUndefined();
    expect(await oauthForRemote(saved, { transport: 'stdio', command: 'node' }, { vault, opener })).toBeUndefined();
  });

  it('never asks the keychain without a pre-registered client; with one, passes its secret in memory', async () => {
    const plain = await remote({});
    plain.vault.failWith = new Error('no keychain here');
    const oauth = await oauthForRemote(plain.saved, { transport: 'streamable', url: plain.saved.url! }, { vault: plain.vault, opener });
    expect(oauth?.options.settings).toMatchObject({ grant: 'authorization_code', authorize: opener });
    const withClient = await remote({ oauth: { grant: 'client_credentials', clientId: 'cc' }, oauthClientSecret: SECRET });
    const cc = await oauthForRemote(withClient.saved, { transport: 'streamable', url: withClient.saved.url! }, { vault: withClient.vault, opener });
    expect(cc?.options.settings).toMatchObject({ grant: 'client_credentials', clientId: 'cc', clientSecret: SECRET });
  });

  it('a client credentials remote without its secret is refused before any traffic, in words', async () => {
    const { saved, vault } = await remote({ oauth: { grant: 'client_credentials', clientId: 'cc' } });
    const error = await oauthForRemote(saved, { transport: 'streamable', url: saved.url! }, { vault, opener }).then(() => undefined, (e: unknown) => e);
    expect(isPeriscopeError(error) && error.info).toMatchObject({ kind: 'invalid-input', message: expect.stringMatching(/needs a client id and a client secret/) });
  });
});
